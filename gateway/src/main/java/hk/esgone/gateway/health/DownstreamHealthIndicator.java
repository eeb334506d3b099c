package hk.esgone.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.core.publisher.Mono;

/**
 * One service's state as the gateway sees it: UP when its readiness probe answers 2xx in time, DOWN
 * otherwise. Shown in the gateway's health and its {@code services} group, never in the gateway's own
 * readiness: a service being down must not take the front door out of the load balancer.
 */
class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    static final String READINESS_PATH = "/actuator/health/readiness";

    private final WebClient webClient;
    private final URI readiness;
    private final Duration timeout;

    DownstreamHealthIndicator(WebClient webClient, URI baseUrl, Duration timeout) {
        this.webClient = webClient;
        this.readiness = URI.create(baseUrl.toString().replaceAll("/+$", "") + READINESS_PATH);
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return webClient.get().uri(readiness)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()
                        ? Health.up().build()
                        : Health.down().withDetail("readiness", response.statusCode().value()).build()))
                .timeout(timeout)
                .onErrorResume(ex -> Mono.just(Health.down().withDetail("error", describe(ex)).build()));
    }

    private String describe(Throwable ex) {
        if (ex instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        return ex instanceof WebClientRequestException ? "unreachable" : ex.getClass().getSimpleName();
    }
}
