package hk.esgone.platform.idempotency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keys in one collection ({@code <name>}: one document per scope and key, holding the request's
 * fingerprint, a nonce and the lease of the attempt running it) and final responses in another
 * ({@code <name>_responses}, keyed by the request id). The common path is two inserts: claiming a key
 * and storing its response, both decided by the unique {@code _id} — so the first response stored
 * for a request is the one every replay gets. Taking over a crashed or failed attempt's key is a
 * compare-and-set on its owner token. Expired keys are treated as absent when read, and removed by
 * {@link #purgeExpired()}.
 */
public class IdempotencyStore {

    static final String RUNNING = "RUNNING";
    /** The attempt failed in a way worth retrying; the next request with the key runs again, with the same request id. */
    static final String RELEASED = "RELEASED";
    private static final int ATTEMPTS = 4;

    private final ReactiveMongoTemplate mongo;
    private final String keysName;
    private final String responsesName;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;
    private final SecureRandom random = new SecureRandom();

    public IdempotencyStore(ReactiveMongoTemplate mongo, String collectionName, Clock clock, Duration retention, Duration lease) {
        this.mongo = mongo;
        this.keysName = collectionName;
        this.responsesName = collectionName + "_responses";
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * TTL indexes (honoured by a real MongoDB; the embedded server relies on the read-time check and the purge).
     * An equivalent index under another name (created by earlier code on the same collection) is kept.
     */
    public Mono<Void> ensureIndexes() {
        IndexOptions ttl = new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS);
        return keys().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("expiresAt"), ttl)))
                .onErrorResume(IdempotencyStore::isSameIndexUnderAnotherName, e -> Mono.empty())
                .then(responses().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("expiresAt"), ttl)))
                        .onErrorResume(IdempotencyStore::isSameIndexUnderAnotherName, e -> Mono.empty()))
                .then();
    }

    /** MongoDB's IndexOptionsConflict: the same keys and options are already indexed under another name. */
    private static boolean isSameIndexUnderAnotherName(Throwable e) {
        return e instanceof MongoException m && m.getCode() == 85;
    }

    /** Outcome of {@link #begin}: either this caller now runs the request, or it gets the stored response. */
    public sealed interface Begin permits Started, Replay {
    }

    /**
     * @param id        key document id (scope and key)
     * @param attempt   what the operation gets: the stable request id and whether an earlier attempt may have run
     * @param owner     this attempt's token; releasing the key needs it
     */
    public record Started(String id, Attempt attempt, String owner) implements Begin {
    }

    public record Replay(StoredResponse response) implements Begin {
    }

    public Mono<Begin> begin(String scope, String key, String fingerprint) {
        return attempt(scope + "|" + key, scope, fingerprint, ATTEMPTS);
    }

    private Mono<Begin> attempt(String id, String scope, String fingerprint, int attemptsLeft) {
        if (attemptsLeft == 0) {
            return Mono.error(inUse());
        }
        Instant now = clock.instant();
        String nonce = token();
        String owner = token();
        Document fresh = new Document("_id", id)
                .append("scope", scope)
                .append("fingerprint", fingerprint)
                .append("nonce", nonce)
                .append("owner", owner)
                .append("state", RUNNING)
                .append("leaseUntil", Date.from(now.plus(lease)))
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(retention)));
        return keys()
                .flatMap(c -> Mono.from(c.insertOne(fresh)))
                .<Begin>map(ok -> new Started(id, new Attempt(requestId(id, nonce), true), owner))
                .onErrorResume(IdempotencyStore::isDuplicateKey, dup -> existing(id, scope, fingerprint, fresh, now, attemptsLeft));
    }

    private Mono<Begin> existing(String id, String scope, String fingerprint, Document fresh, Instant now, int attemptsLeft) {
        return keys()
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .flatMap(found -> {
                    String foundNonce = found.getString("nonce");
                    if (!found.getDate("expiresAt").toInstant().isAfter(now)) {
                        // expired: the key is free again; replace only the exact record we looked at
                        return keys()
                                .flatMap(c -> Mono.from(c.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("nonce", foundNonce)), fresh)))
                                .flatMap(result -> result.getModifiedCount() == 1
                                        ? Mono.<Begin>just(new Started(id, new Attempt(requestId(id, fresh.getString("nonce")), true),
                                                fresh.getString("owner")))
                                        : attempt(id, scope, fingerprint, attemptsLeft - 1));
                    }
                    if (!fingerprint.equals(found.getString("fingerprint"))) {
                        return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                                "Idempotency-Key reused",
                                "This Idempotency-Key was already used for a different request. Use a new key for a new request."));
                    }
                    String requestId = requestId(id, foundNonce);
                    return storedResponse(requestId)
                            .<Begin>map(Replay::new)
                            .switchIfEmpty(Mono.defer(() -> takeOver(found, id, requestId, now)));
                })
                // deleted between our insert and our read: try again
                .switchIfEmpty(Mono.defer(() -> attempt(id, scope, fingerprint, attemptsLeft - 1)));
    }

    /** A key without a response: still running (409), or released by a failed attempt, or its owner crashed. */
    private Mono<Begin> takeOver(Document found, String id, String requestId, Instant now) {
        Date leaseUntil = found.getDate("leaseUntil");
        boolean released = RELEASED.equals(found.getString("state"));
        if (!released && leaseUntil != null && leaseUntil.toInstant().isAfter(now)) {
            return Mono.error(inUse());
        }
        // keep the nonce, so the operation finds what the earlier attempt wrote
        String owner = token();
        return keys()
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.eq("owner", found.getString("owner")),
                                Filters.eq("state", found.getString("state"))),
                        Updates.combine(Updates.set("owner", owner), Updates.set("state", RUNNING),
                                Updates.set("leaseUntil", Date.from(now.plus(lease)))))))
                .flatMap(result -> result.getModifiedCount() == 1
                        ? Mono.<Begin>just(new Started(id, new Attempt(requestId, false), owner))
                        : Mono.error(inUse()));
    }

    /**
     * Stores the final response of the request; the first one stored wins. Returns the response every
     * replay will get (normally {@code response}; the earlier one if another attempt of the same request
     * finished first).
     */
    public Mono<StoredResponse> complete(Started started, StoredResponse response) {
        Document headers = new Document();
        response.headers().forEach(headers::append);
        Instant now = clock.instant();
        Document stored = new Document("_id", started.attempt().requestId())
                .append("status", response.status())
                .append("contentType", response.contentType())
                .append("body", response.body())
                .append("headers", headers)
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(retention)));
        return responses()
                .flatMap(c -> Mono.from(c.insertOne(stored)))
                .thenReturn(response)
                .onErrorResume(IdempotencyStore::isDuplicateKey, dup -> storedResponse(started.attempt().requestId()).defaultIfEmpty(response));
    }

    /**
     * Frees the key after a failure worth retrying, so the client's retry runs again — with the same
     * request id, so that it picks up whatever this attempt left half-done. The fingerprint stays: a
     * retry must be the same request.
     */
    public Mono<Void> release(Started started) {
        return keys()
                .flatMap(c -> Mono.from(c.updateOne(Filters.and(Filters.eq("_id", started.id()), Filters.eq("owner", started.owner())),
                        Updates.combine(Updates.set("state", RELEASED), Updates.unset("leaseUntil")))))
                .then();
    }

    /** Removes keys and responses past their retention (a real MongoDB's TTL index does this by itself). */
    public Mono<Long> purgeExpired() {
        Date now = Date.from(clock.instant());
        return Flux.concat(keys(), responses())
                .concatMap(c -> Mono.from(c.deleteMany(Filters.lt("expiresAt", now))))
                .map(r -> r.getDeletedCount())
                .reduce(0L, Long::sum);
    }

    private Mono<StoredResponse> storedResponse(String requestId) {
        return responses().flatMap(c -> Mono.from(c.find(Filters.eq("_id", requestId)).first()))
                .filter(d -> d.getDate("expiresAt").toInstant().isAfter(clock.instant()))
                .map(IdempotencyStore::response);
    }

    private static StoredResponse response(Document found) {
        Map<String, String> headers = new LinkedHashMap<>();
        Document stored = found.get("headers", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> headers.put(k, String.valueOf(v)));
        }
        return new StoredResponse(found.getInteger("status"), found.getString("contentType"), found.getString("body"), headers);
    }

    private static String requestId(String id, String nonce) {
        return id + "#" + nonce;
    }

    private ApiProblem inUse() {
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-use", "Request still running",
                "A request with this Idempotency-Key is still being processed. Retry shortly to get its result.");
        problem.getHeaders().set("Retry-After", "1");
        return problem;
    }

    private Mono<MongoCollection<Document>> keys() {
        return mongo.getCollection(keysName);
    }

    private Mono<MongoCollection<Document>> responses() {
        return mongo.getCollection(responsesName);
    }

    private String token() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static boolean isDuplicateKey(Throwable e) {
        return e instanceof DuplicateKeyException || (e instanceof MongoException m && m.getCode() == 11000);
    }
}
