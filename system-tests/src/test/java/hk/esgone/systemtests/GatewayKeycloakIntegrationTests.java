package hk.esgone.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.mongo.TestMongo;

/**
 * A real Keycloak token goes through the real gateway to a real service, both running as the packaged
 * jars: the user is recognised end to end, and the gateway refuses what it must refuse.
 */
class GatewayKeycloakIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static RunningApp directory;
    static RunningApp gateway;

    @BeforeAll
    static void start() {
        String issuer = TestKeycloak.issuer();
        directory = RunningApp.start("directory-service", Map.of(
                "MONGODB_URI", TestMongo.uri(),
                "MONGODB_DATABASE", "directory-systemtest-" + System.nanoTime(),
                "KEYCLOAK_ISSUER", issuer));
        gateway = RunningApp.start("gateway", Map.of(
                "DIRECTORY_URL", directory.url(),
                "OFFERS_URL", "http://127.0.0.1:9",
                "BADGE_URL", "http://127.0.0.1:9",
                "KEYCLOAK_ISSUER", issuer));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void aDemoSmeIsRecognisedWithItsRoleAndCompanyThroughTheGateway() throws Exception {
        String token = TestKeycloak.passwordToken("sme@demo.esg-one.test", "demo1234");

        HttpResponse<String> response = get("/api/v1/directory/me", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"roles\":[\"sme\"]").contains("\"companyIds\":[\"cmp-demo-supplier\"]");
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void withoutATokenTheProtectedRouteIsAProblem() throws Exception {
        HttpResponse<String> response = get("/api/v1/directory/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://esg-one.hk/problems/unauthorized\"");
    }

    @Test
    void aBuyerTokenDoesNotOpenAnAdminRoute() throws Exception {
        String token = TestKeycloak.passwordToken("buyer@demo.esg-one.test", "demo1234");

        HttpResponse<String> response = get("/api/v1/directory/admin/applications", token);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"type\":\"https://esg-one.hk/problems/forbidden\"");
    }

    @Test
    void theServiceRefusesATokenThatDidNotComeFromTheRealm() throws Exception {
        String token = TestKeycloak.passwordToken("sme@demo.esg-one.test", "demo1234");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(get("/api/v1/directory/me", forged).statusCode()).isEqualTo(401);
        // straight to the service, around the gateway: it validates again
        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(directory.url() + "/api/v1/directory/me"))
                .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
    }

    @Test
    void internalAndActuatorPathsOfServicesAreNotReachableThroughTheGateway() throws Exception {
        String admin = TestKeycloak.passwordToken("admin@demo.esg-one.test", "demo1234");
        assertThat(get("/internal/events", admin).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/directory/../../actuator/env", admin).statusCode()).isIn(400, 404);
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
