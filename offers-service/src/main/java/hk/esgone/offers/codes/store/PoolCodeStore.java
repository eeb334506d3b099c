package hk.esgone.offers.codes.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
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

import hk.esgone.offers.support.MongoErrors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pool codes and upload batches in Mongo. A code document's id is {@code offerId|code}, so a code exists once
 * per offer; {@code claimId} is unique, so a claim holds at most one code; a code is taken by one atomic
 * findAndModify from AVAILABLE to ASSIGNED, so no code goes to two claims. A code is STAGED under its batch
 * until the batch is committed, then AVAILABLE; a cancelled claim's code is VOID.
 */
@Component
public class PoolCodeStore {

    public static final String CODES = "pool_codes";
    public static final String BATCHES = "code_batches";

    public static final String STAGED = "STAGED";
    public static final String AVAILABLE = "AVAILABLE";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String VOID = "VOID";

    private final ReactiveMongoTemplate mongo;

    public PoolCodeStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> ensureIndexes() {
        return codes().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("claimId"), new IndexOptions().name("claimId_unique").unique(true).sparse(true)))
                        .then(Mono.from(c.createIndex(Indexes.ascending("offerId", "status"), new IndexOptions().name("offer_status"))))
                        .then(Mono.from(c.createIndex(Indexes.ascending("batchId"), new IndexOptions().name("batch")))))
                .then();
    }

    /** How many codes of the offer are in each state. */
    public Mono<Map<String, Long>> countsByStatus(String offerId) {
        return codes().flatMapMany(c -> Flux.from(c.aggregate(List.of(
                        Aggregates.match(Filters.eq("offerId", offerId)),
                        Aggregates.group("$status", Accumulators.sum("n", 1))))))
                .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("n")).longValue());
    }

    public Mono<Long> countAvailable(String offerId) {
        return codes().flatMap(c -> Mono.from(c.countDocuments(Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", AVAILABLE)))));
    }

    /** Which of {@code codes} the offer's pool holds already. */
    public Mono<Set<String>> existing(String offerId, List<String> codes) {
        return codes()
                .flatMapMany(c -> Flux.from(c.find(Filters.in("_id", codes.stream().map(code -> id(offerId, code)).toList()))
                        .projection(new Document("code", 1))))
                .map(d -> d.getString("code"))
                .collect(Collectors.toSet());
    }

    /** Records a new batch as STAGING, then inserts its codes as STAGED (in order; a duplicate stops the insert). */
    public Mono<Void> stage(String batchId, String offerId, List<String> codes, Instant now) {
        Date at = Date.from(now);
        Document batch = new Document("_id", batchId).append("offerId", offerId).append("state", "STAGING")
                .append("count", codes.size()).append("createdAt", at);
        List<Document> staged = new ArrayList<>(codes.size());
        for (String code : codes) {
            staged.add(new Document("_id", id(offerId, code)).append("offerId", offerId).append("code", code)
                    .append("status", STAGED).append("batchId", batchId).append("createdAt", at));
        }
        return batches().flatMap(b -> Mono.from(b.insertOne(batch)))
                .then(codes().flatMap(c -> Mono.from(c.insertMany(staged, new InsertManyOptions().ordered(true))))).then();
    }

    /** STAGING → COMMITTED; false when the batch was aborted meanwhile. */
    public Mono<Boolean> commit(String batchId) {
        return batches().flatMap(b -> Mono.from(b.updateOne(Filters.and(Filters.eq("_id", batchId), Filters.eq("state", "STAGING")),
                        Updates.set("state", "COMMITTED"))))
                .map(r -> r.getModifiedCount() == 1);
    }

    /** The batch's STAGED codes become AVAILABLE; how many did. */
    public Mono<Long> publish(String batchId) {
        return codes().flatMap(c -> Mono.from(c.updateMany(Filters.and(Filters.eq("batchId", batchId), Filters.eq("status", STAGED)),
                        Updates.set("status", AVAILABLE))))
                .map(r -> r.getModifiedCount());
    }

    /** Removes the batch's STAGED codes and marks a STAGING batch ABORTED. */
    public Mono<Void> abort(String batchId) {
        return codes().flatMap(c -> Mono.from(c.deleteMany(Filters.and(Filters.eq("batchId", batchId), Filters.eq("status", STAGED)))))
                .then(batches().flatMap(b -> Mono.from(b.updateOne(Filters.and(Filters.eq("_id", batchId), Filters.eq("state", "STAGING")),
                        Updates.set("state", "ABORTED")))))
                .then();
    }

    public Flux<String> committedBatches() {
        return batches().flatMapMany(b -> Flux.from(b.find(Filters.eq("state", "COMMITTED")))).map(d -> d.getString("_id"));
    }

    public Flux<String> stagingBatchesCreatedBefore(Instant cutoff) {
        return batches().flatMapMany(b -> Flux.from(b.find(Filters.and(Filters.eq("state", "STAGING"), Filters.lt("createdAt", Date.from(cutoff))))))
                .map(d -> d.getString("_id"));
    }

    /** The code held by this claim, taking an AVAILABLE one if it holds none yet; empty when none is left. */
    public Mono<String> take(String offerId, String claimId, Instant now) {
        return held(offerId, claimId).switchIfEmpty(Mono.defer(() -> codes()
                .flatMap(c -> Mono.from(c.findOneAndUpdate(
                        Filters.and(Filters.eq("offerId", offerId), Filters.eq("status", AVAILABLE)),
                        Updates.combine(Updates.set("status", ASSIGNED), Updates.set("claimId", claimId), Updates.set("assignedAt", Date.from(now))),
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
    public Mono<Void> retire(String offerId, String claimId, Instant now) {
        return codes().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("claimId", claimId), Filters.eq("offerId", offerId), Filters.eq("status", ASSIGNED)),
                Updates.combine(Updates.set("status", VOID), Updates.set("voidedAt", Date.from(now)))))).then();
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
