package hk.esgone.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets at the front door, as token buckets: a client may send {@code burst} requests at once, and
 * {@code requests} more every {@code period} after that.
 *
 * @param enabled        false turns every limit off (never in production; for load tests of the routes alone)
 * @param anonymous      budget per client address, for requests without a token
 * @param authenticated  budget per token subject, for requests with a valid token
 * @param maxTrackedKeys how many clients the in-memory limiter remembers; past that the least recently seen
 *                       are forgotten (they start again with a full bucket), so memory stays bounded
 * @param redisTimeout   how long a Redis check may take before this request falls back to the in-memory limiter
 */
@ConfigurationProperties("esg.gateway.rate-limit")
record RateLimitProperties(Boolean enabled, Limit anonymous, Limit authenticated, Integer maxTrackedKeys,
                           Duration redisTimeout) {

    RateLimitProperties {
        enabled = enabled == null || enabled;
        anonymous = anonymous == null ? new Limit(1200, Duration.ofMinutes(1), 200) : anonymous;
        authenticated = authenticated == null ? new Limit(3000, Duration.ofMinutes(1), 300) : authenticated;
        maxTrackedKeys = maxTrackedKeys == null ? 100_000 : maxTrackedKeys;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(250) : redisTimeout;
    }

    /**
     * @param requests requests added to the budget every period (the sustained rate)
     * @param period   the period
     * @param burst    the most requests allowed at once (the bucket's size); defaults to {@code requests}
     */
    record Limit(int requests, Duration period, Integer burst) {

        Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("requests must be at least 1");
            }
            period = period == null ? Duration.ofMinutes(1) : period;
            burst = burst == null || burst < 1 ? requests : burst;
        }

        /** Tokens regained per nanosecond. */
        double tokensPerNano() {
            return (double) requests / period.toNanos();
        }

        /** How long an untouched bucket takes to fill up again, after which forgetting it changes nothing. */
        Duration refillTime() {
            return Duration.ofNanos((long) Math.ceil(burst / tokensPerNano()));
        }
    }
}
