package hk.esgone.platform.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One id per request, taken from {@code X-Correlation-Id} when the caller (or the gateway) sent a
 * well-formed one, otherwise new. It is echoed in the response, put into every problem body, kept in
 * the Reactor context (and from there in the logging MDC), and forwarded on outgoing WebClient calls.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationId.class.getName();
    /** Key in the Reactor context and in the logging MDC. */
    public static final String KEY = "correlationId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private CorrelationId() {
    }

    public static String acceptOrCreate(String incoming) {
        if (incoming != null && WELL_FORMED.matcher(incoming).matches()) {
            return incoming;
        }
        return randomId();
    }

    /**
     * A random version-4 UUID from {@link ThreadLocalRandom}: an id to find log lines by, not a secret, so it
     * does not need {@code UUID.randomUUID()}'s SecureRandom (a shared lock on every request of the gateway).
     */
    static String randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The web filter that services and the gateway run first. */
    public static final class Filter implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String id = acceptOrCreate(exchange.getRequest().getHeaders().getFirst(HEADER));
            exchange.getAttributes().put(ATTRIBUTE, id);
            exchange.getResponse().getHeaders().set(HEADER, id);
            ServerWebExchange withHeader = exchange.mutate()
                    .request(r -> r.headers(h -> h.set(HEADER, id)))
                    .build();
            return chain.filter(withHeader).contextWrite(ctx -> ctx.put(KEY, id));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Forwards the current request's correlation id to the service being called. */
    public static ExchangeFilterFunction propagating() {
        return (request, next) -> Mono.deferContextual(ctx -> {
            if (!ctx.hasKey(KEY) || request.headers().containsHeader(HEADER)) {
                return next.exchange(request);
            }
            ClientRequest withId = ClientRequest.from(request).header(HEADER, ctx.<String>get(KEY)).build();
            return next.exchange(withId);
        });
    }
}
