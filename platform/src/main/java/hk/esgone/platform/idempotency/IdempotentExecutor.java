package hk.esgone.platform.idempotency;

import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Runs an operation at most once per key: replays the stored response of a finished request, refuses a
 * key that is busy or belongs to another request, and stores the outcome. Final outcomes (2xx, 3xx,
 * 4xx) are stored and replayed; server failures (5xx, unexpected errors) release the key so that the
 * client's retry runs again, with the same request id: the operation uses it to pick up what the
 * failed attempt left behind.
 *
 * <p>Once it has started, the operation runs to its end even if the client disconnects: a cancelled
 * subscription must not stop a multi-step write half-way.
 */
public class IdempotentExecutor {

    private static final Logger log = LoggerFactory.getLogger(IdempotentExecutor.class);

    private final IdempotencyStore store;

    public IdempotentExecutor(IdempotencyStore store) {
        this.store = store;
    }

    /** A response plus whether it is a replay. */
    public record Outcome(StoredResponse response, boolean replayed) {

        /** The response to send: stored status, content type, headers and body, plus {@code Idempotent-Replayed: true} on a replay. */
        public ResponseEntity<String> toResponseEntity() {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatusCode.valueOf(response.status()))
                    .contentType(MediaType.parseMediaType(response.contentType()));
            response.headers().forEach(builder::header);
            if (replayed) {
                builder.header(IdempotencyKey.REPLAYED_HEADER, "true");
            }
            return builder.body(response.body());
        }
    }

    /**
     * Like {@link #execute(String, String, String, Function, Function)}, but a refusal ({@link ApiProblem})
     * is not stored: like any other failure it releases the key and reaches the caller, so a retry with the
     * same key runs again. Only successful responses are replayed.
     */
    public Mono<Outcome> execute(String scope, String key, String fingerprint,
                                 Function<Attempt, Mono<StoredResponse>> operation) {
        return execute(scope, key, fingerprint, operation, null);
    }

    /**
     * @param scope       whose keys these are (e.g. the calling company); keys of different scopes never meet
     * @param key         the validated {@code Idempotency-Key}
     * @param fingerprint {@link RequestFingerprint} of the request
     * @param operation   the work, given the request's {@link Attempt}
     * @param problems    renders an {@link ApiProblem} the operation raised into the response to store
     *                    and replay; null: see {@link #execute(String, String, String, Function)}
     */
    public Mono<Outcome> execute(String scope, String key, String fingerprint,
                                 Function<Attempt, Mono<StoredResponse>> operation,
                                 Function<ApiProblem, StoredResponse> problems) {
        Mono<Outcome> work = store.begin(scope, key, fingerprint).flatMap(begin -> switch (begin) {
            case IdempotencyStore.Replay replay -> Mono.just(new Outcome(replay.response(), true));
            case IdempotencyStore.Started started -> run(started, operation, problems);
        });
        // detach from the subscriber's cancellation, but keep its context (correlation id)
        return Mono.deferContextual(ctx -> Mono.fromFuture(work.contextWrite(ctx).toFuture(), true));
    }

    private Mono<Outcome> run(IdempotencyStore.Started started, Function<Attempt, Mono<StoredResponse>> operation,
                              Function<ApiProblem, StoredResponse> problems) {
        Mono<StoredResponse> outcome = Mono.defer(() -> operation.apply(started.attempt()))
                // stay well inside the lease, so nobody takes the key over while this attempt still runs
                .timeout(store.lease().dividedBy(2))
                .onErrorMap(TimeoutException.class, timeout -> ApiProblem.unavailable("request-timeout",
                        "The request took too long to complete. Retry it with the same Idempotency-Key.", 1));
        if (problems != null) {
            outcome = outcome.onErrorResume(ApiProblem.class, problem -> Mono.just(problems.apply(problem)));
        }
        return outcome
                .flatMap(response -> response.isFinal()
                        ? store.complete(started, response).map(stored -> new Outcome(stored, false))
                        : store.release(started).thenReturn(new Outcome(response, false)))
                .onErrorResume(error -> store.release(started)
                        .onErrorResume(releaseError -> {
                            log.warn("Could not release idempotency key {}; it frees itself after its lease", started.id(), releaseError);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)));
    }
}
