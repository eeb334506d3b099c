package hk.esgone.offers.claim.store;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.support.MongoErrors;
import reactor.core.publisher.Mono;

/**
 * The per-company limit: one counter document per (offer, company) with a conditional increment, and
 * the claims holding its places in {@code holds} (at most the limit, so it stays small). The marker is
 * written in the same update as the count, so taking and returning are safe to repeat.
 */
@Component
public class CompanyPlaces {

    static final String COLLECTION = "company_claims";

    private final ReactiveMongoTemplate mongo;

    public CompanyPlaces(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when the claim holds one of the company's places (now or already); false when the limit is reached. */
    public Mono<Boolean> take(String offerId, String companyId, String claimId, int limit, Instant now) {
        String id = id(offerId, companyId);
        // Upsert: a missing counter is created with count 1; an existing one that is full (or already holds
        // this claim) does not match, so the upsert tries to insert a second document with the same _id and
        // the unique _id refuses it.
        return collection()
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.lt("count", limit), Filters.exists(hold(claimId), false)),
                        Updates.combine(Updates.inc("count", 1), Updates.set(hold(claimId), Date.from(now)),
                                Updates.set("offerId", offerId), Updates.set("companyId", companyId)),
                        new UpdateOptions().upsert(true))))
                .map(r -> r.getModifiedCount() == 1 || r.getUpsertedId() != null)
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.just(false))
                .flatMap(taken -> taken ? Mono.just(true) : holds(offerId, companyId, claimId));
    }

    public Mono<Boolean> holds(String offerId, String companyId, String claimId) {
        return collection().flatMap(c -> Mono.from(c.countDocuments(Filters.and(Filters.eq("_id", id(offerId, companyId)), Filters.exists(hold(claimId))))))
                .map(n -> n > 0);
    }

    /** Gives the company's place back if this claim holds one. */
    public Mono<Boolean> release(String offerId, String companyId, String claimId) {
        return collection()
                .flatMap(c -> Mono.from(c.updateOne(Filters.and(Filters.eq("_id", id(offerId, companyId)), Filters.exists(hold(claimId))),
                        Updates.combine(Updates.inc("count", -1), Updates.unset(hold(claimId))))))
                .map(r -> r.getModifiedCount() == 1);
    }

    public Mono<Document> counter(String offerId, String companyId) {
        return collection().flatMap(c -> Mono.from(c.find(Filters.eq("_id", id(offerId, companyId))).first()));
    }

    static String id(String offerId, String companyId) {
        return offerId + "|" + companyId;
    }

    private static String hold(String claimId) {
        return "holds." + claimId;
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
