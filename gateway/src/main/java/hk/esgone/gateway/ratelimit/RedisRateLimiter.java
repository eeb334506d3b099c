package hk.esgone.gateway.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, so that every gateway replica draws on the same budget. Redis being slow or down
 * never fails a request: the check falls back to this instance's {@link InMemoryRateLimiter} (limits then
 * hold per replica), and a circuit breaker stops trying Redis for a few seconds after a failure, so an outage
 * costs no time per request. Transitions are logged once, not per request.
 */
final class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    static final String KEY_PREFIX = "esg:rate-limit:";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(
            new ClassPathResource("ratelimit/token_bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final InMemoryRateLimiter fallback;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Map<Kind, List<String>> args = new EnumMap<>(Kind.class);
    private final Map<Kind, String> prefixes = new EnumMap<>(Kind.class);

    RedisRateLimiter(ReactiveStringRedisTemplate redis, InMemoryRateLimiter fallback, RateLimitProperties properties) {
        this.redis = redis;
        this.fallback = fallback;
        this.timeout = properties.redisTimeout();
        argsFor(Kind.ANONYMOUS, properties.anonymous());
        argsFor(Kind.AUTHENTICATED, properties.authenticated());
        this.breaker = CircuitBreaker.of("rate-limit-redis", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition()) {
                case CLOSED_TO_OPEN -> log.warn("Redis cannot be used for rate limits; limits are per gateway instance until it is back");
                case HALF_OPEN_TO_CLOSED -> log.info("Redis is back; rate limits are shared across gateway instances again");
                default -> { }
            }
        });
        warmUp();
    }

    /**
     * Connects and loads the script at start, in the background: the first check would otherwise pay for the
     * connection and the script upload, and could miss its timeout.
     */
    private void warmUp() {
        redis.execute(SCRIPT, List.of(KEY_PREFIX + "warm-up"), args.get(Kind.ANONYMOUS))
                .next()
                .subscribe(ok -> log.debug("Rate limits are kept in Redis"),
                        ex -> log.warn("Redis for rate limits is not reachable at start ({}); using in-memory limits until it is",
                                ex.toString()));
    }

    private void argsFor(Kind kind, RateLimitProperties.Limit limit) {
        args.put(kind, List.of(Integer.toString(limit.burst()), Double.toString(limit.tokensPerNano() * 1_000_000)));
        prefixes.put(kind, KEY_PREFIX + kind.name().toLowerCase() + ":");
    }

    @Override
    public Mono<Decision> take(Kind kind, String key) {
        return redis.execute(SCRIPT, List.of(prefixes.get(kind) + key), args.get(kind))
                .next()
                .timeout(timeout)
                .map(RedisRateLimiter::decision)
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorResume(ex -> {
                    if (!(ex instanceof CallNotPermittedException)) {
                        log.debug("Rate limit check in Redis failed: {}", ex.toString());
                    }
                    return fallback.take(kind, key);
                });
    }

    private static Decision decision(List<Long> result) {
        return result.get(0) == 1L ? Decision.ALLOWED : Decision.refused(result.get(1) * 1_000_000);
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
