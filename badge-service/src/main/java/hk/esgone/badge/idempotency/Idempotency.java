package hk.esgone.badge.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import hk.esgone.badge.keys.SigningKeyRing;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} semantics of the IETF httpapi draft, for POSTs that create something: a missing key is
 * a 400, the same key with another body a 422, a key whose first request is still running a 409, and a repeat of
 * a completed request gets the same status and body again (with {@code Idempotent-Replayed: true}). Keys are
 * scoped to the caller and the operation, and kept for a day. A request that fails releases its key, so the
 * client may retry it.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");
    private static final Duration RETENTION = Duration.ofHours(24);
    /** A first request that has not finished after this long is presumed dead, and its key is released. */
    private static final Duration STALE_IN_PROGRESS = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    public Mono<String> createIndexes() {
        return mongo.indexOps(IdempotencyRecord.class).createIndex(new Index("expiresAt", org.springframework.data.domain.Sort.Direction.ASC)
                .expire(Duration.ZERO));
    }

    /**
     * Runs {@code action} once per (scope, key, request): later calls replay its result.
     *
     * @param scope   who and what, e.g. {@code issue:<subject>}
     * @param key     the header value (null when missing)
     * @param request the parsed request body; its canonical JSON is the fingerprint
     */
    public Mono<ResponseEntity<String>> run(String scope, String key, Object request, HttpStatus successStatus,
                                            Supplier<Mono<?>> action) {
        if (key == null || key.isBlank()) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Idempotency-Key missing",
                    "This operation needs an Idempotency-Key header (for example a UUID), so that a retry cannot issue twice."));
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Idempotency-Key invalid",
                    "The Idempotency-Key must be 1 to 255 visible ASCII characters."));
        }
        String id = SigningKeyRing.sha256(scope + "\n" + key);
        String hash = SigningKeyRing.sha256(json.writeValueAsString(request));
        Instant now = clock.instant();
        IdempotencyRecord claim = new IdempotencyRecord(id, hash, false, 0, null, now, now.plus(RETENTION));
        return mongo.insert(claim)
                .then(Mono.defer(() -> execute(id, successStatus, action)))
                .onErrorResume(DuplicateKeyException.class, dup -> mongo.findById(id, IdempotencyRecord.class)
                        .flatMap(existing -> answerRepeat(existing, hash, scope, key, request, successStatus, action))
                        .switchIfEmpty(Mono.defer(() -> run(scope, key, request, successStatus, action))));
    }

    private Mono<ResponseEntity<String>> answerRepeat(IdempotencyRecord existing, String hash, String scope, String key,
                                                      Object request, HttpStatus successStatus, Supplier<Mono<?>> action) {
        Instant now = clock.instant();
        boolean expired = existing.expiresAt().isBefore(now);
        boolean abandoned = !existing.completed() && existing.createdAt().plus(STALE_IN_PROGRESS).isBefore(now);
        if (expired || abandoned) {
            // release exactly the record we saw, then try again as a first request
            Query same = Query.query(Criteria.where("_id").is(existing.id()).and("createdAt").is(existing.createdAt()));
            return mongo.remove(same, IdempotencyRecord.class).then(Mono.defer(() -> run(scope, key, request, successStatus, action)));
        }
        if (!existing.requestHash().equals(hash)) {
            return Mono.error(ApiProblem.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request body. Use a new key for a new request."));
        }
        if (!existing.completed()) {
            return Mono.error(ApiProblem.conflict("idempotency-key-in-progress",
                    "The first request with this Idempotency-Key is still being processed; retry in a moment."));
        }
        return Mono.just(ResponseEntity.status(HttpStatusCode.valueOf(existing.responseStatus()))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true")
                .body(existing.responseBody()));
    }

    private Mono<ResponseEntity<String>> execute(String id, HttpStatus successStatus, Supplier<Mono<?>> action) {
        return Mono.defer(action)
                .map(json::writeValueAsString)
                .flatMap(body -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                                new Update().set("completed", true).set("responseStatus", successStatus.value()).set("responseBody", body),
                                IdempotencyRecord.class)
                        .thenReturn(ResponseEntity.status(successStatus).contentType(MediaType.APPLICATION_JSON).body(body)))
                .onErrorResume(error -> mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class)
                        .onErrorResume(ignored -> Mono.empty())
                        .then(Mono.error(error)));
    }
}
