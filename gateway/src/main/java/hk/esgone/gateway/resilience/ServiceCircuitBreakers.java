package hk.esgone.gateway.resilience;

import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.gateway.routing.UpstreamFailures;
import hk.esgone.platform.problem.ApiProblem;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Mono;

/**
 * One Resilience4j circuit breaker per service. Failures are what says the service itself is in trouble:
 * it cannot be reached, does not answer in time, drops the connection, or answers 502/503/504. Its other
 * answers, 500 included, are the service working as designed for that request. While a breaker is open the
 * gateway answers 503 at once without calling the service; after {@code openFor} a few trial calls decide
 * whether it closes again.
 *
 * <p>Written against the breaker's API rather than Spring Cloud Gateway's CircuitBreaker filter: that filter
 * either turns a counted 5xx answer into an exception (a 500 for the client) or, with resumeWithoutError,
 * also swallows connection failures (an empty 200).
 */
@Component
public class ServiceCircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(ServiceCircuitBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final long retryAfterSeconds;
    private final ConcurrentHashMap<String, GatewayFilter> filters = new ConcurrentHashMap<>();

    ServiceCircuitBreakers(ResilienceProperties properties) {
        ResilienceProperties.Breaker breaker = properties.circuitBreaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaker.trialCalls())
                .build());
        this.retryAfterSeconds = Math.max(1, (breaker.openFor().toMillis() + 999) / 1000);
    }

    /** The route filter guarding calls to {@code service}; one breaker per service, shared by its routes. */
    public GatewayFilter filterFor(String service) {
        return filters.computeIfAbsent(service, name -> {
            CircuitBreaker breaker = registry.circuitBreaker(name);
            breaker.getEventPublisher().onStateTransition(event ->
                    log.warn("Circuit breaker of the {} service: {}", name, event.getStateTransition()));
            return new Guard(breaker, retryAfterSeconds);
        });
    }

    public CircuitBreaker.State state(String service) {
        return registry.circuitBreaker(service).getState();
    }

    /** Closes every breaker and forgets the calls it counted. */
    public void resetAll() {
        registry.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    private record Guard(CircuitBreaker breaker, long retryAfterSeconds) implements GatewayFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(ApiProblem.unavailable("service-unavailable",
                        "The " + breaker.getName() + " service is failing; the gateway stopped calling it for a moment. "
                                + "Try again shortly.", retryAfterSeconds));
            }
            long start = breaker.getCurrentTimestamp();
            return chain.filter(exchange)
                    .doOnSuccess(ignored -> {
                        long elapsed = breaker.getCurrentTimestamp() - start;
                        if (isOverloaded(exchange.getResponse().getStatusCode())) {
                            breaker.onError(elapsed, breaker.getTimestampUnit(), new ServiceAnsweredFailure());
                        } else {
                            breaker.onSuccess(elapsed, breaker.getTimestampUnit());
                        }
                    })
                    .doOnError(ex -> {
                        if (UpstreamFailures.isUpstreamFailure(ex)) {
                            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), ex);
                        } else {
                            breaker.releasePermission();
                        }
                    })
                    .doOnCancel(breaker::releasePermission);
        }

        private static boolean isOverloaded(HttpStatusCode status) {
            return status != null && (status.value() == 502 || status.value() == 503 || status.value() == 504);
        }
    }

    /** Recorded for a 502/503/504 answer; never thrown. */
    private static final class ServiceAnsweredFailure extends RuntimeException {

        ServiceAnsweredFailure() {
            super("the service answered 502/503/504", null, false, false);
        }
    }
}
