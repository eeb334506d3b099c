package hk.esgone.gateway.routing;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.web.PlatformWebProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The body limit ({@code esg.web.max-request-size}) for bodies that declare no length (chunked). The platform
 * filter refuses a declared Content-Length over the limit up front, and the services' codecs bound what they
 * read, but the gateway streams bodies without decoding them: here the bytes are counted as they pass, and
 * the stream fails as soon as the limit is crossed, so the service never receives a complete oversized body
 * (its connection is cut mid-body) and the client gets a 413 problem. Requests with a Content-Length are
 * left alone (the server enforces the length they declare), so reads cost nothing here.
 */
@Component
class StreamingBodyLimit implements WebFilter, Ordered {

    private final long maxBytes;

    StreamingBodyLimit(PlatformWebProperties web) {
        this.maxBytes = web.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (headers.getContentLength() >= 0 || !mayHaveBody(request, headers)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    long[] seen = {0};
                    return super.getBody().handle((buffer, sink) -> {
                        seen[0] += buffer.readableByteCount();
                        if (seen[0] > maxBytes) {
                            DataBufferUtils.release(buffer);
                            sink.error(tooLarge());
                        } else {
                            sink.next(buffer);
                        }
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    /** Chunked over HTTP/1.1; a write without Content-Length over HTTP/2 (which has no Transfer-Encoding). */
    private static boolean mayHaveBody(ServerHttpRequest request, HttpHeaders headers) {
        return headers.containsHeader(HttpHeaders.TRANSFER_ENCODING) || switch (request.getMethod().name()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The request body is larger than the " + maxBytes + " bytes this API accepts.");
    }

    @Override
    public int getOrder() {
        // right after the platform's Content-Length check
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
