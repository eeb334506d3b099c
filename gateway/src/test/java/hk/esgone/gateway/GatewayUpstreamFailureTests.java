package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.TestWebClients;

/**
 * The gateway in front of services that fail: directory is not running (connection refused), offers
 * never answers, badge answers. Keycloak's key endpoint is not reachable either. Timeouts are short
 * here; only requests that are meant to fail go through the short ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
        "esg.gateway.health.timeout=2s"})
class GatewayUpstreamFailureTests {

    static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();
    static final String DIRECTORY_DOWN = FakeUpstream.unreachableUrl();
    static final FakeUpstream OFFERS_HANGING = FakeUpstream.start("offers");
    static final FakeUpstream BADGE = FakeUpstream.start("badge");

    @LocalServerPort
    int port;
    WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", KEYCLOAK::issuer);
        registry.add("esg.security.jwk-set-uri", () -> FakeUpstream.unreachableUrl() + "/certs");
        registry.add("esg.gateway.services.directory.url", () -> DIRECTORY_DOWN);
        registry.add("esg.gateway.services.offers.url", OFFERS_HANGING::url);
        registry.add("esg.gateway.services.badge.url", BADGE::url);
        registry.add("esg.gateway.services.web.url", FakeUpstream::unreachableUrl);
    }

    static {
        OFFERS_HANGING.hang("/");
    }

    @BeforeEach
    void resetBadge() {
        client = TestWebClients.unpooled(port);
        BADGE.reset();
    }

    @AfterAll
    static void stop() {
        OFFERS_HANGING.stop();
        BADGE.stop();
        KEYCLOAK.close();
    }

    @Test
    void aServiceThatIsNotRunningIsA503ProblemWithRetryAfter() {
        WebTestClient.ResponseSpec response = client.get().uri("/api/v1/directory/companies/c-1001").exchange();

        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
        Map<String, Object> problem = AbstractGatewayTests.assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable", "/api/v1/directory/companies/c-1001");
        assertThat(problem.get("detail")).asString().contains("directory").doesNotContain("127.0.0.1", "refused");
    }

    @Test
    void aBrowserWhosePortalIsNotRunningGetsATryAgainPageInItsLanguageNotJson() {
        WebTestClient.ResponseSpec response = client.get().uri("/search?q=green")
                .header(HttpHeaders.ACCEPT, GatewayBrowserPagesTests.BROWSER_ACCEPT)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-TW,zh;q=0.9").exchange();

        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
        String correlationId = response.returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        String html = GatewayBrowserPagesTests.assertPage(response, HttpStatus.SERVICE_UNAVAILABLE, "zh-Hant");
        assertThat(html).contains("暫時無法使用", "再試一次", "href=\"/search?q=green\"", "<code>" + correlationId + "</code>")
                .doesNotContain("127.0.0.1", "refused", "web service");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        Map<String, Object> problem = AbstractGatewayTests.assertProblem(client.get().uri("/api/v1/offers/catalogue").exchange(),
                HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "/api/v1/offers/catalogue");

        assertThat(problem.get("detail")).asString().contains("offers");
    }

    @Test
    void aServicesOwnErrorPassesThroughUnchanged() {
        BADGE.answer("/api/v1/badges/verify/", 500, "application/problem+json",
                "{\"type\":\"https://esg-one.hk/problems/internal\",\"title\":\"Internal error\",\"status\":500}", Map.of());

        client.get().uri("/api/v1/badges/verify/b-42").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().valueEquals("X-Served-By", "badge")
                .expectBody().json("{\"type\":\"https://esg-one.hk/problems/internal\",\"title\":\"Internal error\",\"status\":500}", true);
    }

    @Test
    void healthShowsWhichServicesAreDownWhileTheGatewayStaysReady() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.components.directory.status").isEqualTo("DOWN")
                .jsonPath("$.components.offers.status").isEqualTo("DOWN")
                .jsonPath("$.components.badge.status").isEqualTo("UP");

        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void aTokenThatCannotBeCheckedBecauseKeycloakIsDownIsA503NotA401() {
        String token = KEYCLOAK.tokenFor("sme-user", List.of("sme"), "c-1001");

        WebTestClient.ResponseSpec response = client.get().uri("/api/v1/badges/mine")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();

        response.expectHeader().exists(HttpHeaders.RETRY_AFTER);
        AbstractGatewayTests.assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "auth-unavailable", "/api/v1/badges/mine");
        assertThat(BADGE.receivedNothing()).isTrue();
    }
}
