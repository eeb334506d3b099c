/**
 * Idempotent POSTs after the IETF httpapi {@code Idempotency-Key} draft, shared by every service that
 * creates something on a POST: a missing or malformed key is 400, the same key with another request is
 * 422, a key whose first request is still running is 409 (with {@code Retry-After}), and a key whose
 * request finished replays exactly the status, headers and body that were sent the first time (marked
 * {@code Idempotent-Replayed: true}). Keys are kept at least 24 hours; expired ones are treated as
 * absent when read, since the embedded development server never enforces TTL indexes.
 *
 * <p>The API a service uses:
 * <ul>
 *   <li>{@link hk.esgone.platform.idempotency.IdempotencyKey#require} validates the header;</li>
 *   <li>{@link hk.esgone.platform.idempotency.RequestFingerprint#of} says what "the same request" means;</li>
 *   <li>{@link hk.esgone.platform.idempotency.IdempotentExecutor#execute} runs the operation at most once
 *       per scope and key — the caller chooses the scope (a company, an admin, an operation), so keys of
 *       different scopes never meet;</li>
 *   <li>{@link hk.esgone.platform.idempotency.IdempotencyStore#ensureIndexes} and
 *       {@link hk.esgone.platform.idempotency.IdempotencyStore#purgeExpired} for start-up and sweeps.</li>
 * </ul>
 * {@code PlatformAutoConfiguration} provides the store and executor (configured by
 * {@link hk.esgone.platform.idempotency.IdempotencyProperties}, {@code esg.idempotency.*}) in any
 * application with reactive MongoDB; a service may declare its own {@code IdempotencyStore} bean instead.
 *
 * <p>An operation receives a stable {@code requestId} (the key plus a nonce that survives a takeover after
 * a crash but not the key's expiry) and should tag its own writes with it, so that a retry after a crash
 * can find and finish — or cleanly redo — what the first attempt started.
 */
package hk.esgone.platform.idempotency;
