package hk.esgone.assessment.config;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One autosaved answer is small, so its body is capped well below the service-wide limit: a declared length over
 * the cap is refused before reading (413), and a body without a length stops being read at the cap (413 as well).
 */
@Component
class AnswerBodyLimit implements WebFilter, Ordered {

    private static final PathPattern ANSWER = PathPatternParser.defaultInstance.parse("/api/v1/assessments/{id}/answers/{questionId}");

    private final long maxBytes;

    AnswerBodyLimit(AssessmentProperties properties) {
        this.maxBytes = properties.maxAnswerBody().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.PUT || !ANSWER.matches(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        long length = request.getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(tooLarge(length));
        }
        ServerHttpRequest capped = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new DataBufferLimitException("answer body over " + maxBytes + " bytes"));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(capped).build());
    }

    private ApiProblem tooLarge(long length) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                "The answer is " + length + " bytes; at most " + maxBytes + " bytes are accepted for one answer.");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
