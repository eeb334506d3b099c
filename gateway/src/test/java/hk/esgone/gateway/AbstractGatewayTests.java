package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a random port in front of three fake services, with a fake Keycloak issuing the
 * tokens. The test classes extending this share one application context (and these fakes), except those that
 * set properties of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "esg.gateway.cors.allowed-origins=" + AbstractGatewayTests.OWN_ORIGIN,
        // these tests send many requests from one address; GatewayRateLimitTests covers the limits (and overrides these)
        "esg.gateway.rate-limit.anonymous.burst=1000000",
        "esg.gateway.rate-limit.authenticated.burst=1000000",
        // keys may be fetched again at once after a rotation (platform's JwksCacheTests and system-tests test the interval)
        "esg.security.jwks-refetch-interval=0s"})
abstract class AbstractGatewayTests {

    static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();
    static final FakeUpstream DIRECTORY = FakeUpstream.start("directory");
    static final FakeUpstream OFFERS = FakeUpstream.start("offers");
    static final FakeUpstream BADGE = FakeUpstream.start("badge");
    static final FakeUpstream ASSESSMENT = FakeUpstream.start("assessment");
    static final FakeUpstream WEB = FakeUpstream.start("web");

    static final String PROBLEM_BASE = "https://esg-one.hk/problems/";
    /** The one front end allowed to call every API with credentials in these tests. */
    static final String OWN_ORIGIN = "https://app.esg-one.test";
    static final JsonMapper JSON = JsonMapper.builder().build();

    WebTestClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", KEYCLOAK::issuer);
        registry.add("esg.gateway.services.directory.url", DIRECTORY::url);
        registry.add("esg.gateway.services.offers.url", OFFERS::url);
        registry.add("esg.gateway.services.badge.url", BADGE::url);
        registry.add("esg.gateway.services.assessment.url", ASSESSMENT::url);
        registry.add("esg.gateway.services.web.url", WEB::url);
    }

    @BeforeEach
    void resetUpstreams() {
        client = TestWebClients.unpooled(port);
        DIRECTORY.reset();
        OFFERS.reset();
        BADGE.reset();
        ASSESSMENT.reset();
        WEB.reset();
    }

    /** The gateway URL of a path sent exactly as written (no encoding, no normalisation). */
    URI raw(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    static String smeToken() {
        return KEYCLOAK.tokenFor("sme-user", List.of("sme"), "c-1001");
    }

    static String adminToken() {
        return KEYCLOAK.tokenFor("council-admin", List.of("admin"));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static void assertNoServiceCalled() {
        assertThat(DIRECTORY.receivedNothing()).as("directory called").isTrue();
        assertThat(OFFERS.receivedNothing()).as("offers called").isTrue();
        assertThat(BADGE.receivedNothing()).as("badge called").isTrue();
        assertThat(ASSESSMENT.receivedNothing()).as("assessment called").isTrue();
    }

    /**
     * Asserts an RFC 9457 body of the given kind, for the given path, carrying the response's correlation
     * id; returns the body for further checks.
     */
    static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, HttpStatus status, String kind, String path) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult();
        Map<String, Object> body = JSON.readValue(result.getResponseBodyContent(), new TypeReference<Map<String, Object>>() { });
        assertThat(body)
                .containsEntry("type", PROBLEM_BASE + kind)
                .containsEntry("status", status.value())
                .containsEntry("instance", path)
                .containsEntry("correlationId", result.getResponseHeaders().getFirst("X-Correlation-Id"));
        assertThat(body.get("title")).asString().isNotBlank();
        assertThat(body.get("detail")).asString().isNotBlank();
        assertThat(body).doesNotContainKeys("trace", "exception", "message");
        return body;
    }

    static void assertUnauthorized(WebTestClient.ResponseSpec response, String path) {
        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
        assertProblem(response, HttpStatus.UNAUTHORIZED, "unauthorized", path);
    }

    static Map<String, Object> json(byte[] body) {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
    }
}
