package hk.esgone.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import hk.esgone.testsupport.web.TestWebClients;

/**
 * The Kubernetes set-up ({@code MANAGEMENT_SERVER_PORT=9090}): probes and the Prometheus scrape are
 * answered on the management port, which only the kubelet and the monitoring namespace can reach, and
 * the public port no longer serves them — even in an application whose security, like the gateway's,
 * lets only health through without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ManagementPortIntegrationTests.TestApp.class,
        properties = {"spring.application.name=managed-app", "esg.security.issuer=http://keycloak.invalid/realms/esg-one",
                // a separate port; @SpringBootTest makes it a random one
                "management.server.port=9090",
                "management.endpoints.web.exposure.include=health,info,prometheus",
                "management.endpoint.health.probes.enabled=true"})
class ManagementPortIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void probesAndMetricsAreOnTheManagementPortWithoutAToken() {
        assertThat(managementPort).isNotEqualTo(port);
        var management = TestWebClients.unpooled(managementPort);

        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("application=\"managed-app\"").contains("jvm_memory_used_bytes");
    }

    @Test
    void thePublicPortServesNoActuatorEndpoint() {
        var main = TestWebClients.unpooled(port);

        main.get().uri("/actuator/prometheus").exchange().expectStatus().value(status -> assertThat(status).isIn(401, 404));
        main.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    @SpringBootApplication
    @EnableWebFluxSecurity
    static class TestApp {

        /** Like the gateway: health is public, everything else needs a token (there is none here). */
        @Bean
        SecurityWebFilterChain chain(ServerHttpSecurity http) {
            return http.authorizeExchange(a -> a.pathMatchers("/actuator/health/**").permitAll().anyExchange().authenticated())
                    .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .build();
        }
    }
}
