package hk.esgone.platform.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The request body limit ({@code esg.web.max-request-size}, other sizes for the paths in {@code esg.web.body-limits}).
 * A declared Content-Length over the limit is refused before anything is read. A body without a length (chunked,
 * or HTTP/2 without the header) is counted as it is read and fails with the same 413 problem as soon as it crosses
 * the limit: a service's codecs would stop at their own in-memory limit, but the gateway streams bodies without
 * decoding them and a multipart upload goes to disk, so the count is what bounds them.
 */
public final class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long defaultMax;
    private final List<PathLimit> limits;

    public RequestSizeLimitFilter(PlatformWebProperties web) {
        this.defaultMax = web.maxRequestSize().toBytes();
        this.limits = web.bodyLimits().stream()
                .map(l -> new PathLimit(PathPatternParser.defaultInstance.parse(l.path()),
                        l.method() == null || l.method().isBlank() ? null : HttpMethod.valueOf(l.method().strip().toUpperCase()),
                        l.max().toBytes()))
                .toList();
    }

    /** The largest body this request may carry. */
    public long maxFor(ServerHttpRequest request) {
        for (PathLimit limit : limits) {
            if ((limit.method() == null || limit.method().equals(request.getMethod()))
                    && limit.path().matches(request.getPath().pathWithinApplication())) {
                return limit.bytes();
            }
        }
        return defaultMax;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long max = maxFor(request);
        long length = headers.getContentLength();
        if (length > max) {
            return Mono.error(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                    "The request body is " + length + " bytes; at most " + max + " bytes are accepted here."));
        }
        if (length >= 0 || !mayHaveBody(request, headers)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    long[] seen = {0};
                    return super.getBody().handle((buffer, sink) -> {
                        seen[0] += buffer.readableByteCount();
                        if (seen[0] > max) {
                            DataBufferUtils.release(buffer);
                            sink.error(new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                                    "The request body is larger than the " + max + " bytes accepted here."));
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    /** Chunked over HTTP/1.1; a write without Content-Length over HTTP/2 (which has no Transfer-Encoding). */
    private static boolean mayHaveBody(ServerHttpRequest request, HttpHeaders headers) {
        return headers.containsHeader(HttpHeaders.TRANSFER_ENCODING) || switch (request.getMethod().name()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private record PathLimit(PathPattern path, HttpMethod method, long bytes) {}
}
