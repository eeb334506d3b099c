package hk.esgone.platform.idempotency;

/**
 * What an idempotent operation is told about its request.
 *
 * @param requestId    stable for the request: the same on every retry with the key (until the key
 *                     expires); tag the operation's own writes with it
 * @param firstAttempt false when an earlier attempt of this request may have started (it failed,
 *                     or crashed and its lease ran out): the operation should look for what it left
 */
public record Attempt(String requestId, boolean firstAttempt) {
}
