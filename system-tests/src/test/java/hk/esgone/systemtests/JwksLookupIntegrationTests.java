package hk.esgone.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.net.CountingHttpProxy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway and a service (packaged jars) fetch the real Keycloak's signing keys through a counting proxy:
 * a thousand anonymous requests with made-up {@code kid}s cost Keycloak a handful of key fetches, not a
 * thousand; a key rotated at Keycloak is accepted within the refetch interval; and while the key endpoint is
 * unreachable, tokens signed with keys already fetched are still accepted.
 */
class JwksLookupIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CERTS = "/realms/" + TestKeycloak.REALM + "/protocol/openid-connect/certs";
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    static CountingHttpProxy gatewayKeys;
    static CountingHttpProxy directoryKeys;
    static RunningApp directory;
    static RunningApp gateway;

    @BeforeAll
    static void start() {
        String issuer = TestKeycloak.issuer();
        gatewayKeys = new CountingHttpProxy(TestKeycloak.url());
        directoryKeys = new CountingHttpProxy(TestKeycloak.url());
        directory = RunningApp.start("directory-service", Map.of(
                "MONGODB_URI", TestMongo.uri(),
                "MONGODB_DATABASE", "directory-jwks-" + System.nanoTime(),
                "KEYCLOAK_ISSUER", issuer,
                "ESG_SECURITY_JWKSETURI", directoryKeys.url() + CERTS,
                "ESG_SECURITY_JWKSREFETCHINTERVAL", INTERVAL.toSeconds() + "s"));
        gateway = RunningApp.start("gateway", Map.of(
                "DIRECTORY_URL", directory.url(),
                "OFFERS_URL", "http://127.0.0.1:9",
                "BADGE_URL", "http://127.0.0.1:9",
                "KEYCLOAK_ISSUER", issuer,
                "ESG_SECURITY_JWKSETURI", gatewayKeys.url() + CERTS,
                "ESG_SECURITY_JWKSREFETCHINTERVAL", INTERVAL.toSeconds() + "s",
                // one address sends everything here; the rate limits are tested elsewhere
                "RATE_LIMIT_ANONYMOUS_BURST", "1000000",
                "RATE_LIMIT_AUTHENTICATED_BURST", "1000000"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {gateway, directory, gatewayKeys, directoryKeys}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
        }
    }

    @Test
    void randomKidsCostAHandfulOfKeyFetchesAndARotatedKeyIsAcceptedWithinTheInterval() throws Exception {
        String sme = TestKeycloak.demoToken(TestKeycloak.SME);
        assertThat(get(gateway, sme).statusCode()).isEqualTo(200);
        assertThat(get(directory, sme).statusCode()).isEqualTo(200);
        int gatewayBefore = gatewayKeys.requests(CERTS);
        int directoryBefore = directoryKeys.requests(CERTS);
        long started = System.nanoTime();

        for (int i = 0; i < 1_000; i++) {
            String forged = withKid(sme, UUID.randomUUID().toString());
            assertThat(get(gateway, forged).statusCode()).isEqualTo(401);
            assertThat(get(directory, forged).statusCode()).isEqualTo(401);
        }

        long intervals = Duration.ofNanos(System.nanoTime() - started).dividedBy(INTERVAL);
        int gatewayFetches = gatewayKeys.requests(CERTS) - gatewayBefore;
        int directoryFetches = directoryKeys.requests(CERTS) - directoryBefore;
        System.out.printf("JWKS fetches for 1,000 random-kid requests: gateway %d, directory-service %d (%d s, interval %d s)%n",
                gatewayFetches, directoryFetches, Duration.ofNanos(System.nanoTime() - started).toSeconds(), INTERVAL.toSeconds());
        // at most one fetch per interval that passed (plus the one that may start it), never one per request
        assertThat(gatewayFetches).isLessThanOrEqualTo(1 + (int) intervals);
        assertThat(directoryFetches).isLessThanOrEqualTo(1 + (int) intervals);

        String keyId = TestKeycloak.addRealmKey("rotated-" + System.nanoTime(), 1000);
        try {
            String signedWithNewKey = TestKeycloak.demoToken(TestKeycloak.SME);
            assertThat(kid(signedWithNewKey)).as("Keycloak signs with the new key").isNotEqualTo(kid(sme));
            long rotated = System.nanoTime();
            // accepted once the interval since the last fetch has passed; generous deadline for slow machines
            int status = 0;
            while (System.nanoTime() - rotated < INTERVAL.plusSeconds(60).toNanos()) {
                status = get(gateway, signedWithNewKey).statusCode();
                if (status == 200) {
                    break;
                }
                assertThat(status).isEqualTo(401);
                Thread.sleep(500);
            }
            System.out.printf("token signed with the rotated key accepted by the gateway after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - rotated).toMillis());
            assertThat(status).isEqualTo(200);

            // the key endpoint unreachable: keys already fetched still check tokens, no 503
            gatewayKeys.stop();
            assertThat(get(gateway, signedWithNewKey).statusCode()).isEqualTo(200);
            assertThat(get(gateway, sme).statusCode()).isEqualTo(200);
        } finally {
            gatewayKeys.start();
            TestKeycloak.removeRealmKey(keyId);
        }
    }

    /** The token with its header's {@code kid} replaced: the signature no longer matches, the key is unknown. */
    private static String withKid(String token, String kid) {
        String[] parts = token.split("\\.");
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
    }

    private static String kid(String token) {
        byte[] header = Base64.getUrlDecoder().decode(token.split("\\.")[0]);
        return JsonMapper.shared().readTree(header).path("kid").asString();
    }

    private static HttpResponse<Void> get(RunningApp app, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/v1/directory/me"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
    }
}
