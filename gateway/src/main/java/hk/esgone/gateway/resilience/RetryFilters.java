package hk.esgone.gateway.resilience;

import java.io.IOException;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Retries of reads only: GET, HEAD and OPTIONS, after a connection failure (refused, dropped before an
 * answer) or a 502/503 answer, with exponential backoff. Not after a timeout: the service may still be
 * working on it, and the client would wait the timeout twice.
 *
 * <p>Never POST or PATCH (a repeat may create or apply twice; clients retry those themselves with an
 * Idempotency-Key). Not PUT or DELETE either, although HTTP calls them idempotent: replaying a body means
 * holding every write body in memory, and a late replay of a PUT can overwrite a newer write another client
 * made between the two attempts. Their clients see the 502/503 and decide.
 *
 * <p>Built from Spring Cloud Gateway's Retry filter without a route id, so it does not switch on caching
 * of request bodies for the whole route (the retried methods have none).
 */
@Component
public class RetryFilters {

    private final GatewayFilter filter;
    private final boolean enabled;

    RetryFilters(ResilienceProperties properties) {
        this.enabled = properties.retries() > 0;
        RetryGatewayFilterFactory.RetryConfig config = new RetryGatewayFilterFactory.RetryConfig()
                .setRetries(Math.max(1, properties.retries()))
                .setMethods(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)
                .setSeries()
                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                .setExceptions(IOException.class)
                .setBackoff(properties.retryBackoff(), properties.retryBackoff().multipliedBy(8), 2, true);
        this.filter = new RetryGatewayFilterFactory().apply(config);
    }

    /** The retry filter, or null when retries are off. */
    public GatewayFilter filter() {
        return enabled ? filter : null;
    }
}
