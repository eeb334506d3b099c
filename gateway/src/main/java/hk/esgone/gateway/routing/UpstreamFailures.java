package hk.esgone.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.web.RequestMdc;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Turns a failed call to a service into a problem the client can act on: unreachable → 503 with
 * Retry-After, no answer in time → 504, connection dropped before an answer → 502. Answers the
 * service did give (including its own errors) are not touched.
 */
@Component
public class UpstreamFailures implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);

    static final long RETRY_AFTER_SECONDS = 5;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorMap(UpstreamFailures::isUpstreamFailure, ex -> {
            String service = serviceOf(exchange);
            RequestMdc.run(exchange, () -> log.warn("{} {} failed at the {} service: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), service, ex.toString()));
            return toProblem(ex, service);
        });
    }

    @Override
    public int getOrder() {
        // outside the filter that writes the service's answer, so failures while waiting for it are seen here
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    /** Whether {@code ex} says the service could not be reached, did not answer in time, or dropped the connection. */
    public static boolean isUpstreamFailure(Throwable ex) {
        return kind(ex) != null;
    }

    static ApiProblem toProblem(Throwable ex, String service) {
        return switch (kind(ex)) {
            case UNREACHABLE -> ApiProblem.unavailable("service-unavailable",
                    "The " + service + " service cannot be reached right now. Try again shortly.", RETRY_AFTER_SECONDS);
            case TIMEOUT -> new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
                    "The " + service + " service did not answer in time.");
            case DROPPED -> new ApiProblem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                    "The " + service + " service closed the connection without answering.");
        };
    }

    private enum Kind { UNREACHABLE, TIMEOUT, DROPPED }

    private static Kind kind(Throwable ex) {
        if (ex instanceof ResponseStatusException rse && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return Kind.TIMEOUT; // the routing filter's response timeout
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            // connection refused or not made in time, unknown host, or no free pooled connection (the pool's
            // exception types live in a shaded, internal package of reactor-netty, hence the name check)
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t.getClass().getSimpleName().startsWith("PoolAcquire")) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
                return Kind.TIMEOUT;
            }
            if (t instanceof PrematureCloseException) {
                return Kind.DROPPED;
            }
        }
        return null;
    }

    private static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object name = route == null ? null : route.getMetadata().get(RouteConfig.SERVICE);
        return name == null ? "requested" : name.toString();
    }
}
