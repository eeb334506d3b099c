package hk.esgone.offers.codes;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.platform.ids.Ids;
import hk.esgone.offers.support.MongoErrors;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The codes partners upload for CODE_POOL offers. A code document's id is {@code offerId|code}, so a
 * code exists once per offer; {@code claimId} is unique, so a claim holds at most one code; a code is
 * taken by one atomic findAndModify from AVAILABLE to ASSIGNED, so no code goes to two claims.
 *
 * <p>Uploads are all-or-nothing without transactions: rows are inserted as STAGED under a batch, the
 * batch is marked COMMITTED, then its rows become AVAILABLE. A batch that never reached COMMITTED is
 * deleted by {@link #recoverBatches}; one that did is finished by it.
 */
@Component
public class CodePool {

    private static final Logger log = LoggerFactory.getLogger(CodePool.class);

    public static final String CODES = "pool_codes";
    public static final String BATCHES = "code_batches";

    static final String STAGED = "STAGED";
    static final String AVAILABLE = "AVAILABLE";
    static final String ASSIGNED = "ASSIGNED";
    static final String VOID = "VOID";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public CodePool(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Void> ensureIndexes() {
        return codes().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("claimId"), new IndexOptions().name("claimId_unique").unique(true).sparse(true)))
                        .then(Mono.from(c.createIndex(Indexes.ascending("offerId", "status"), new IndexOptions().name("offer_status"))))
                        .then(Mono.from(c.createIndex(Indexes.ascending("batchId"), new IndexOptions().name("batch")))))
                .then();
    }

    /** Counts per state, and whether the pool is running low against the places still open. */
    public record Stock(long available, long assigned, long voided, boolean lowStock, long shortfall) {
    }

    public Mono<Stock> stock(String offerId, int quota, int remaining, int lowStockThreshold) {
        return codes().flatMapMany(c -> Flux.from(c.aggregate(List.of(
                        Aggregates.match(Filters.eq("offerId", offerId)),
                        Aggregates.group("$status", Accumulators.sum("n", 1))))))
                .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("n")).longValue())
                .map(counts -> {
                    long available = counts.getOrDefault(AVAILABLE, 0L);
                    long threshold = Math.max(lowStockThreshold, (quota + 9) / 10);
                    boolean low = remaining > 0 && available < remaining && available <= threshold;
                    return new Stock(available, counts.getOrDefault(ASSIGNED, 0L), counts.getOrDefault(VOID, 0L), low,
                            Math.max(0, remaining - available));
                });
    }

    public Mono<Long> available(String offerId) {
        return codes().flatMap(c -> Mono.from(c.countDocuments(Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", AVAILABLE)))));
    }

    /**
     * Imports all rows or none. Codes already in this offer's pool are reported by line (422); a code
     * uploaded concurrently by another request aborts this batch (409), leaving nothing behind.
     */
    public Mono<Integer> importAll(String offerId, List<CodeCsv.Row> rows) {
        List<String> ids = rows.stream().map(r -> id(offerId, r.code())).toList();
        return codes()
                .flatMapMany(c -> Flux.from(c.find(Filters.in("_id", ids)).projection(new Document("code", 1))))
                .map(d -> d.getString("code"))
                .collect(Collectors.toSet())
                .flatMap(existing -> {
                    if (!existing.isEmpty()) {
                        return Mono.error(CodeCsv.invalid("Some codes are already in this offer's pool; nothing was imported.",
                                rows.stream().filter(r -> existing.contains(r.code()))
                                        .map(r -> CodeCsv.error(r.line(), "Already in this offer's pool.")).toList()));
                    }
                    return stageAndCommit(offerId, rows);
                });
    }

    private Mono<Integer> stageAndCommit(String offerId, List<CodeCsv.Row> rows) {
        String batchId = "bat-" + Ids.random(16);
        Date now = Date.from(clock.instant());
        Document batch = new Document("_id", batchId).append("offerId", offerId).append("state", "STAGING")
                .append("count", rows.size()).append("createdAt", now);
        List<Document> staged = new ArrayList<>(rows.size());
        for (CodeCsv.Row row : rows) {
            staged.add(new Document("_id", id(offerId, row.code())).append("offerId", offerId).append("code", row.code())
                    .append("status", STAGED).append("batchId", batchId).append("createdAt", now));
        }
        Mono<Void> stage = batches().flatMap(b -> Mono.from(b.insertOne(batch)))
                .then(codes().flatMap(c -> Mono.from(c.insertMany(staged, new InsertManyOptions().ordered(true))))).then();
        Mono<Void> commit = batches().flatMap(b -> Mono.from(b.updateOne(Filters.and(Filters.eq("_id", batchId), Filters.eq("state", "STAGING")),
                        Updates.set("state", "COMMITTED"))))
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("batch " + batchId + " was aborted while importing")))
                .then(publish(batchId));
        return stage
                .onErrorResume(e -> abort(batchId).then(Mono.error(MongoErrors.isDuplicateKey(e)
                        ? ApiProblem.conflict("concurrent-upload", "Some of these codes were uploaded at the same time by another request; nothing was imported. Retry.")
                        : e)))
                .then(commit)
                .thenReturn(rows.size());
    }

    private Mono<Void> publish(String batchId) {
        return codes().flatMap(c -> Mono.from(c.updateMany(Filters.and(Filters.eq("batchId", batchId), Filters.eq("status", STAGED)),
                Updates.set("status", AVAILABLE)))).then();
    }

    private Mono<Void> abort(String batchId) {
        return codes().flatMap(c -> Mono.from(c.deleteMany(Filters.and(Filters.eq("batchId", batchId), Filters.eq("status", STAGED)))))
                .then(batches().flatMap(b -> Mono.from(b.updateOne(Filters.and(Filters.eq("_id", batchId), Filters.eq("state", "STAGING")),
                        Updates.set("state", "ABORTED")))))
                .then();
    }

    /** Finishes committed batches and removes the rows of batches abandoned before committing. */
    public Mono<Long> recoverBatches(Duration olderThan) {
        Date cutoff = Date.from(clock.instant().minus(olderThan));
        Mono<Long> finishCommitted = batches()
                .flatMapMany(b -> Flux.from(b.find(Filters.eq("state", "COMMITTED"))))
                .concatMap(batch -> codes().flatMap(c -> Mono.from(c.updateMany(
                        Filters.and(Filters.eq("batchId", batch.getString("_id")), Filters.eq("status", STAGED)), Updates.set("status", AVAILABLE))))
                        .map(r -> r.getModifiedCount()))
                .reduce(0L, Long::sum);
        Mono<Long> abortStale = batches()
                .flatMapMany(b -> Flux.from(b.find(Filters.and(Filters.eq("state", "STAGING"), Filters.lt("createdAt", cutoff)))))
                .concatMap(batch -> abort(batch.getString("_id")).thenReturn(1L))
                .reduce(0L, Long::sum);
        return finishCommitted.zipWith(abortStale, Long::sum)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Code pool recovery repaired {} staged code(s)/batch(es)", n);
                    }
                });
    }

    /** The code held by this claim, taking an AVAILABLE one if it holds none yet; empty when none is left. */
    public Mono<String> take(String offerId, String claimId) {
        return held(offerId, claimId).switchIfEmpty(Mono.defer(() -> codes()
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", AVAILABLE)),
                        Updates.combine(Updates.set("status", ASSIGNED), Updates.set("claimId", claimId),
                                Updates.set("assignedAt", Date.from(clock.instant()))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                // the embedded server may show a later state of the document: trust only our own claim id
                .flatMap(d -> claimId.equals(d.getString("claimId")) ? Mono.just(d.getString("code")) : held(offerId, claimId))
                .onErrorResume(MongoErrors::isDuplicateKey, e -> held(offerId, claimId))));
    }

    private Mono<String> held(String offerId, String claimId) {
        return codes().flatMap(c -> Mono.from(c.find(Filters.and(Filters.eq("claimId", claimId), Filters.eq("offerId", offerId))).first()))
                .map(d -> d.getString("code"));
    }

    /** Returns a code that was never shown to anyone (its claim was abandoned) to the pool. */
    public Mono<Void> putBack(String offerId, String claimId) {
        return codes().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("claimId", claimId), Filters.eq("offerId", offerId), Filters.eq("status", ASSIGNED)),
                Updates.combine(Updates.set("status", AVAILABLE), Updates.unset("claimId"), Updates.unset("assignedAt"))))).then();
    }

    /** Retires the code of a cancelled claim: it was shown to the claimant, so it never goes to anyone else. */
    public Mono<Void> retire(String offerId, String claimId) {
        return codes().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("claimId", claimId), Filters.eq("offerId", offerId), Filters.eq("status", ASSIGNED)),
                Updates.combine(Updates.set("status", VOID), Updates.set("voidedAt", Date.from(clock.instant())))))).then();
    }

    /** Codes of the pool by id, for tests and audits. */
    public Flux<Map<String, Object>> all(String offerId) {
        return codes().flatMapMany(c -> Flux.from(c.find(Filters.eq("offerId", offerId)))).map(d -> (Map<String, Object>) d);
    }

    static String id(String offerId, String code) {
        return offerId + "|" + code;
    }

    private Mono<MongoCollection<Document>> codes() {
        return mongo.getCollection(CODES);
    }

    private Mono<MongoCollection<Document>> batches() {
        return mongo.getCollection(BATCHES);
    }
}
