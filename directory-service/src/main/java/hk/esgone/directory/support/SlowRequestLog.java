package hk.esgone.directory.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/** Logs requests slower than {@code esg.directory.slow-request-threshold} (default 2 s), with their status. */
@Component
class SlowRequestLog implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(SlowRequestLog.class);

    private final long thresholdNanos;

    SlowRequestLog(@Value("${esg.directory.slow-request-threshold:2s}") java.time.Duration threshold) {
        this.thresholdNanos = threshold.toNanos();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            long elapsed = System.nanoTime() - started;
            if (elapsed > thresholdNanos) {
                log.warn("Slow request: {} {} took {} ms ({}, status {})", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), elapsed / 1_000_000, signal, exchange.getResponse().getStatusCode());
            }
        });
    }
}
