package hk.esgone.platform.web;

import java.util.concurrent.atomic.AtomicInteger;

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
 *
 * <p>The line is written once the response has been sent, not when it starts: a console line costs about
 * 0.15 ms, which the client used to wait for on every request (bench/directory/run). A response written by the
 * error handler, after the filters have ended, is logged when it starts.
 */
public final class AccessLog implements WebFilter, Ordered {

    static final Logger LOG = LoggerFactory.getLogger("hk.esgone.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!LOG.isInfoEnabled() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        Line line = new Line(exchange, System.nanoTime());
        exchange.getResponse().beforeCommit(() -> {
            line.started();
            return Mono.empty();
        });
        return chain.filter(exchange).doFinally(signal -> line.chainEnded());
    }

    /** One request's line: written by whichever comes second, the response starting or the filter chain ending. */
    private static final class Line {

        private static final int STARTED = 1;
        private static final int ENDED = 2;

        private final ServerWebExchange exchange;
        private final long start;
        private final AtomicInteger state = new AtomicInteger();
        private volatile long millis;

        Line(ServerWebExchange exchange, long start) {
            this.exchange = exchange;
            this.start = start;
        }

        void started() {
            millis = (System.nanoTime() - start) / 1_000_000;
            if (state.getAndUpdate(s -> s | STARTED) == ENDED) {
                log(exchange, millis);
            }
        }

        void chainEnded() {
            if (state.getAndUpdate(s -> s | ENDED) == STARTED) {
                log(exchange, millis);
            }
        }
    }

    private static void log(ServerWebExchange exchange, long millis) {
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
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
