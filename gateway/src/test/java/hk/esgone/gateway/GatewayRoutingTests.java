package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Which requests reach which service, and what the service receives and the client gets back. */
class GatewayRoutingTests extends AbstractGatewayTests {

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("/api/v1/directory/companies/c-1001?lang=zh-Hant", DIRECTORY),
                Arguments.of("/api/v1/directory/me", DIRECTORY),
                Arguments.of("/api/v1/offers/catalogue?cursor=abc&limit=20", OFFERS),
                Arguments.of("/api/v1/offers/claims/cl-9", OFFERS),
                Arguments.of("/api/v1/badges/verify/b-42", BADGE),
                Arguments.of("/badges/b-42", BADGE),
                Arguments.of("/widget/v1/badge.js", BADGE),
                Arguments.of("/.well-known/jwks.json", BADGE),
                Arguments.of("/api/v1/assessments/asm-2026-a?companyId=c-1001", ASSESSMENT),
                Arguments.of("/api/v1/assessments/questionnaire?industry=C&size=SMALL", ASSESSMENT));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void eachRouteReachesItsServiceWithPathQueryTokenAndCorrelationId(String pathAndQuery, FakeUpstream service) {
        String token = smeToken();

        client.get().uri(raw(pathAndQuery))
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header("X-Correlation-Id", "test-corr-0001")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", service.name())
                .expectHeader().valueEquals("X-Correlation-Id", "test-corr-0001");

        FakeUpstream.Received received = service.onlyRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.pathAndQuery()).isEqualTo(pathAndQuery);
        assertThat(received.header("Authorization")).isEqualTo(bearer(token));
        assertThat(received.header("X-Correlation-Id")).isEqualTo("test-corr-0001");
        Stream.of(DIRECTORY, OFFERS, BADGE, ASSESSMENT).filter(other -> other != service)
                .forEach(other -> assertThat(other.receivedNothing()).as("other service called").isTrue());
    }

    @Test
    void aCorrelationIdIsCreatedWhenMissingAndTheSameOneReachesTheService() {
        HttpHeaders responseHeaders = client.get().uri("/api/v1/directory/companies")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders();

        assertThat(responseHeaders.get("X-Correlation-Id")).as("one id, not the service's echo as well").hasSize(1);
        String id = responseHeaders.getFirst("X-Correlation-Id");
        assertThat(id).isNotBlank();
        assertThat(DIRECTORY.onlyRequest().header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void aMalformedCorrelationIdIsReplacedBeforeItReachesTheService() {
        String sent = "not ok; <script>";

        String id = client.get().uri("/api/v1/directory/companies")
                .header("X-Correlation-Id", sent)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(id).isNotEqualTo(sent).matches("[A-Za-z0-9._:-]{8,64}");
        assertThat(DIRECTORY.onlyRequest().header("X-Correlation-Id")).isEqualTo(id);
    }

    @Test
    void methodHeadersAndBodyOfAWriteAreForwarded() {
        String body = "{\"offerId\":\"o-7\"}";

        client.post().uri("/api/v1/offers/claims")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .header("Idempotency-Key", "3f1c2d9e-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        FakeUpstream.Received received = OFFERS.onlyRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("Idempotency-Key")).isEqualTo("3f1c2d9e-key");
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.body()).isEqualTo(body);
    }

    @Test
    void aServiceAnswerPassesThroughUnchangedIncludingItsErrors() {
        String problem = "{\"type\":\"https://esg-one.hk/problems/quota-exhausted\",\"title\":\"Conflict\",\"status\":409}";
        OFFERS.answer("/api/v1/offers/claims", 409, "application/problem+json", problem,
                Map.of("Cache-Control", "private, max-age=5", "ETag", "\"v7\""));

        byte[] answer = client.post().uri("/api/v1/offers/claims")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=5")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"v7\"")
                .expectHeader().doesNotExist("X-Frame-Options")
                .expectBody().returnResult().getResponseBodyContent();

        assertThat(new String(answer)).isEqualTo(problem);
    }

    @Test
    void forwardedHeadersAreTheGatewaysOwnNotTheClients() {
        client.get().uri("/api/v1/directory/companies")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443")
                .header("Forwarded", "for=203.0.113.66;host=evil.example")
                .exchange()
                .expectStatus().isOk();

        FakeUpstream.Received received = DIRECTORY.onlyRequest();
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isNotEqualTo("443");
        assertThat(received.header("Forwarded")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/events", "/internal/events?after=0", "/actuator/env", "/actuator/configprops",
            "/actuator/heapdump", "/actuator/prometheus", "/actuator"})
    void internalFeedsAndActuatorEndpointsAreNeverRouted(String pathAndQuery) {
        String path = URI.create(pathAndQuery).getPath();

        assertProblem(client.get().uri(raw(pathAndQuery)).exchange(), HttpStatus.NOT_FOUND, "not-found", path);
        assertProblem(client.get().uri(raw(pathAndQuery)).header(HttpHeaders.AUTHORIZATION, bearer(adminToken())).exchange(),
                HttpStatus.NOT_FOUND, "not-found", path);

        assertNoServiceCalled();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/badges/../internal/events", "/api/v1/directory/companies/../../../../actuator/env",
            "/widget/%2e%2e/internal/events", "/api/v1/directory/companies/..%2F..%2F..%2F..%2Finternal%2Fevents",
            "/api/v1/directory/companies;/../../admin", "/api/v1/directory//admin/companies",
            "/api/v1/directory/companies/%2e%2e/%2e%2e/%2e%2e/%2e%2e/internal/events"})
    void pathTricksTowardsUnroutedPathsAreRefused(String rawPath) {
        assertProblem(client.get().uri(raw(rawPath)).exchange(), HttpStatus.BAD_REQUEST, "bad-request", rawPath);

        assertNoServiceCalled();
    }

    @Test
    void aPathNoRouteServesIsA404Problem() {
        assertProblem(client.get().uri("/api/v2/directory/companies").header(HttpHeaders.AUTHORIZATION, bearer(smeToken())).exchange(),
                HttpStatus.NOT_FOUND, "not-found", "/api/v2/directory/companies");

        assertNoServiceCalled();
    }
}
