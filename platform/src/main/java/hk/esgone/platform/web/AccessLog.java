package hk.esgone.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One line per request at INFO on logger {@code hk.esgone.access}: method, path (never the query, which may
 * hold what a user searched for), status and the time until the response started, with the request's
 * correlation id in the MDC — so one id finds a request in the gateway's log and in every service it
 * reached. Actuator requests (probes, scrapes) are not logged. Off with {@code esg.web.access-log=false}.
 */
public final class AccessLog implements WebFilter, Ordered {

    static final Logger LOG = LoggerFactory.getLogger("hk.esgone.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!LOG.isInfoEnabled() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            log(exchange, start);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void log(ServerWebExchange exchange, long start) {
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // from the exchange, not left to context propagation: the response may commit on a thread without the request's context
        RequestMdc.run(exchange, () -> LOG.info("{} {} {} {} ms", request.getMethod().name(), request.getPath().value(),
                status == null ? 200 : status.value(), millis));
    }

    @Override
    public int getOrder() {
        // right after the correlation id, so every response (errors included) is logged with it
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
