package hk.esgone.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.gateway.routing.ClientAddress;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Every routed request takes one token: from its token subject's budget when it carries a token (which
 * security has validated by now, or it would have been refused), else from its client address's budget.
 * Over budget: 429 problem with {@code Retry-After}, and the service is not called.
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter limiter;
    private final ClientAddress clientAddress;

    RateLimitFilter(RateLimiter limiter, ClientAddress clientAddress) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Mono<RateLimiter.Decision> decision;
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            decision = exchange.getPrincipal()
                    .flatMap(principal -> limiter.take(RateLimiter.Kind.AUTHENTICATED, principal.getName()))
                    .switchIfEmpty(Mono.defer(() -> anonymous(exchange)));
        } else {
            decision = anonymous(exchange);
        }
        return decision.flatMap(d -> d.allowed() ? chain.filter(exchange) : Mono.error(tooMany(d)));
    }

    private Mono<RateLimiter.Decision> anonymous(ServerWebExchange exchange) {
        String client = clientAddress.of(exchange.getRequest());
        return limiter.take(RateLimiter.Kind.ANONYMOUS, client == null ? "unknown" : client);
    }

    private static ApiProblem tooMany(RateLimiter.Decision decision) {
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "You have sent more requests than this API accepts in a short time. Try again in "
                        + decision.retryAfterSeconds() + " seconds.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        return problem;
    }

    @Override
    public int getOrder() {
        // before the services' answers are written and before retries: a refused request costs the services nothing
        return -100;
    }
}
