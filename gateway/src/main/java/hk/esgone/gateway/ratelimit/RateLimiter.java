package hk.esgone.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes one request from a client's budget. */
interface RateLimiter {

    /** Whether the request may pass; when not, how many seconds until it would. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);

        static Decision refused(long retryAfterNanos) {
            return new Decision(false, Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** Which budget a key belongs to; keys of different kinds never share a bucket. */
    enum Kind { ANONYMOUS, AUTHENTICATED }

    Mono<Decision> take(Kind kind, String key);
}
