package hk.esgone.gateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway copes with a failing service.
 *
 * @param retries        further attempts of an idempotent read after a connection failure or a 502/503 (0 = none)
 * @param retryBackoff   the wait before the first retry; doubled for each next one
 * @param circuitBreaker when to stop calling a service that keeps failing
 */
@ConfigurationProperties("esg.gateway.resilience")
public record ResilienceProperties(Integer retries, Duration retryBackoff, Breaker circuitBreaker) {

    public ResilienceProperties {
        retries = retries == null ? 2 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(50) : retryBackoff;
        circuitBreaker = circuitBreaker == null ? new Breaker(null, null, null, null, null) : circuitBreaker;
    }

    /**
     * @param failureRateThreshold percentage of failed calls among the last {@code slidingWindow} that opens the breaker
     * @param slidingWindow        how many recent calls are looked at
     * @param minimumCalls         calls needed before the rate counts at all
     * @param openFor              how long an open breaker refuses calls before letting trial calls through
     * @param trialCalls           calls let through while half-open; all must succeed to close again
     */
    public record Breaker(Integer failureRateThreshold, Integer slidingWindow, Integer minimumCalls, Duration openFor,
                          Integer trialCalls) {

        public Breaker {
            failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
            slidingWindow = slidingWindow == null ? 20 : slidingWindow;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            openFor = openFor == null ? Duration.ofSeconds(10) : openFor;
            trialCalls = trialCalls == null ? 3 : trialCalls;
        }
    }
}
