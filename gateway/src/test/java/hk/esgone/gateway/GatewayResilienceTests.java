package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.gateway.resilience.ServiceCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Retries, timeouts and circuit breakers, with small settings: a 3 s response timeout, and a breaker that
 * looks at the last 4 calls and stays open for 4 s (margins a loaded CI machine cannot eat up).
 */
@TestPropertySource(properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s",
        "esg.gateway.resilience.retry-backoff=20ms",
        "esg.gateway.resilience.circuit-breaker.sliding-window=4",
        "esg.gateway.resilience.circuit-breaker.minimum-calls=4",
        "esg.gateway.resilience.circuit-breaker.open-for=4s",
        "esg.gateway.resilience.circuit-breaker.trial-calls=1"})
class GatewayResilienceTests extends AbstractGatewayTests {

    @Autowired
    ServiceCircuitBreakers breakers;

    @BeforeEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void aReadThatFailsOnceIsRetriedAndSucceeds() {
        OFFERS.failNext("/api/v1/offers/catalogue", 1, 503);

        client.get().uri("/api/v1/offers/catalogue").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "offers");

        assertThat(OFFERS.hits("/api/v1/offers/catalogue")).isEqualTo(2);
    }

    @Test
    void aReadIsTriedThreeTimesAtMostThenTheServicesAnswerPassesOn() {
        OFFERS.failNext("/api/v1/offers/catalogue", 10, 502);

        client.get().uri("/api/v1/offers/catalogue").exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody().json("{\"failure\":\"offers\"}");

        assertThat(OFFERS.hits("/api/v1/offers/catalogue")).isEqualTo(3);
    }

    @Test
    void aWriteIsNeverRetried() {
        OFFERS.failNext("/api/v1/offers/o-7/claims", 1, 503);

        client.post().uri("/api/v1/offers/o-7/claims")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(OFFERS.hits("/api/v1/offers/o-7/claims")).isEqualTo(1);
    }

    @Test
    void aReadThatTimesOutIsA504ProblemAndIsNotRetried() {
        BADGE.hang("/api/v1/badges/verify/");

        Map<String, Object> problem = assertProblem(client.get().uri("/api/v1/badges/verify/b-slow").exchange(),
                HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "/api/v1/badges/verify/b-slow");

        assertThat(problem.get("detail")).asString().contains("badge");
        assertThat(BADGE.hits("/api/v1/badges/verify/b-slow")).isEqualTo(1);
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsNotCutShort() {
        BADGE.slow("/api/v1/badges/verify/", Duration.ofMillis(1000));

        client.get().uri("/api/v1/badges/verify/b-42").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "badge");
    }

    @Test
    void aServiceThatKeepsFailingIsCutOffWithA503ProblemThenTriedAgain() throws InterruptedException {
        DIRECTORY.failNext("/api/v1/directory/", 1000, 503);

        WebTestClient.ResponseSpec cutOff = null;
        for (int attempt = 0; attempt < 6 && cutOff == null; attempt++) {
            var result = client.get().uri("/api/v1/directory/companies").exchange().expectBody().returnResult();
            if (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(result.getResponseHeaders().getContentType())) {
                cutOff = client.get().uri("/api/v1/directory/companies").exchange();
            }
        }
        assertThat(breakers.state("directory")).isEqualTo(CircuitBreaker.State.OPEN);
        long hitsWhileOpen = DIRECTORY.hits("/api/v1/directory/companies");

        WebTestClient.ResponseSpec refused = client.get().uri("/api/v1/directory/companies").exchange();
        refused.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "4");
        Map<String, Object> problem = assertProblem(refused, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "/api/v1/directory/companies");
        assertThat(problem.get("detail")).asString().contains("directory");
        assertThat(DIRECTORY.hits("/api/v1/directory/companies")).as("not called while open").isEqualTo(hitsWhileOpen);
        // the other services are not affected
        client.get().uri("/api/v1/offers/catalogue").exchange().expectStatus().isOk();

        DIRECTORY.reset();
        Thread.sleep(4_200);
        client.get().uri("/api/v1/directory/companies").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/directory/companies").exchange().expectStatus().isOk();
        assertThat(breakers.state("directory")).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
