package hk.esgone.gateway.ratelimit;

import java.util.EnumMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this instance's memory: exact for a single gateway, per replica when there are several.
 * Each check is O(1). A bucket untouched for as long as it takes to fill up is forgotten (it would be full
 * again anyway), and at most {@code maxTrackedKeys} clients are remembered per kind, so a flood of new
 * addresses cannot exhaust memory.
 */
final class InMemoryRateLimiter implements RateLimiter {

    private final Map<Kind, RateLimitProperties.Limit> limits = new EnumMap<>(Kind.class);
    private final Map<Kind, Cache<String, TokenBucket>> buckets = new EnumMap<>(Kind.class);

    InMemoryRateLimiter(RateLimitProperties properties) {
        limits.put(Kind.ANONYMOUS, properties.anonymous());
        limits.put(Kind.AUTHENTICATED, properties.authenticated());
        limits.forEach((kind, limit) -> buckets.put(kind, Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedKeys())
                .expireAfterAccess(limit.refillTime())
                .build()));
    }

    @Override
    public Mono<Decision> take(Kind kind, String key) {
        return Mono.just(takeNow(kind, key));
    }

    Decision takeNow(Kind kind, String key) {
        RateLimitProperties.Limit limit = limits.get(kind);
        TokenBucket bucket = buckets.get(kind).get(key, k -> new TokenBucket(limit.burst(), System.nanoTime()));
        return bucket.take(limit, System.nanoTime());
    }

    /** One client's bucket; a lock per bucket, held for a few arithmetic operations. */
    static final class TokenBucket {

        private double tokens;
        private long updatedAt;

        TokenBucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Decision take(RateLimitProperties.Limit limit, long now) {
            double rate = limit.tokensPerNano();
            tokens = Math.min(limit.burst(), tokens + Math.max(0, now - updatedAt) * rate);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            return Decision.refused((long) Math.ceil((1 - tokens) / rate));
        }
    }
}
