package hk.esgone.platform.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared Content-Length is over the limit before reading it. Bodies without
 * a length (chunked) are bounded by the codec limit ({@code spring.http.codecs.max-in-memory-size}),
 * which the problem handler also answers with 413.
 */
public final class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestSizeLimitFilter(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                    "The request body is " + length + " bytes; at most " + maxBytes + " bytes are accepted."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
