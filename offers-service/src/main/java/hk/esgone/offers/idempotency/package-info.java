/**
 * Idempotent POSTs after the IETF httpapi {@code Idempotency-Key} draft: a missing key is 400, the same
 * key with another request is 422, a key whose first request is still running is 409, and a key whose
 * request finished replays exactly the status, headers and body that were sent the first time. Keys
 * are kept at least 24 hours (expired ones are treated as absent when read, since the embedded
 * development server never enforces TTL indexes).
 *
 * <p>Nothing here knows about offers: the package depends only on Spring, Reactor, the Mongo driver
 * and {@code platform}'s {@code ApiProblem}, so it can move into {@code platform} as it is. An
 * operation receives a stable {@code requestId} (the key plus a nonce that survives a takeover after a
 * crash but not the key's expiry) and should tag its own writes with it, so that a retry after a crash
 * can find and finish — or cleanly redo — what the first attempt started.
 */
package hk.esgone.offers.idempotency;
