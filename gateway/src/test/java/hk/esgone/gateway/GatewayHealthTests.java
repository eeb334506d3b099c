package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What {@code curl /actuator/health} tells an operator about the services, and what Kubernetes probes see. */
class GatewayHealthTests extends AbstractGatewayTests {

    @Test
    void healthShowsEachServiceFromItsReadinessProbe() {
        client.get().uri("/actuator/health/services").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.directory.status").isEqualTo("UP")
                .jsonPath("$.components.offers.status").isEqualTo("UP")
                .jsonPath("$.components.badge.status").isEqualTo("UP")
                .jsonPath("$.components.assessment.status").isEqualTo("UP");

        assertThat(DIRECTORY.received()).extracting(FakeUpstream.Received::pathAndQuery).contains("/actuator/health/readiness");
    }

    @Test
    void aServiceThatIsNotReadyShowsDownButTheGatewayStaysReady() {
        DIRECTORY.answer("/actuator/health/readiness", 503, "application/json", "{\"status\":\"OUT_OF_SERVICE\"}", Map.of());

        client.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.directory.status").isEqualTo("DOWN")
                .jsonPath("$.components.offers.status").isEqualTo("UP")
                .jsonPath("$.components.badge.status").isEqualTo("UP")
                .jsonPath("$.components.directory.details").doesNotExist();
        client.get().uri("/actuator/health/services").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.components.directory.status").isEqualTo("DOWN");

        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }
}
