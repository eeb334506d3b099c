package hk.esgone.offers.offer.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;

/**
 * Offers in Mongo. The quota operations are single-document conditional updates that also record, in
 * the same write, which claim they were for ({@code pending.<claimId>} while a claim is being made,
 * {@code released.<claimId>} while one is being cancelled): that is what makes each of them safe to
 * repeat and exactly repairable after a crash, without transactions.
 */
@Component
public class OfferStore {

    private final ReactiveMongoTemplate mongo;

    public OfferStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<OfferDocument> find(String id) {
        return mongo.findById(id, OfferDocument.class);
    }

    public Mono<OfferDocument> findOwned(String id, String partnerId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("partnerId").is(partnerId)), OfferDocument.class);
    }

    public Mono<OfferDocument> insert(OfferDocument offer) {
        return mongo.insert(offer);
    }

    public ReactiveMongoTemplate template() {
        return mongo;
    }

    public Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(OfferDocument.COLLECTION);
    }

    /**
     * The conditional decrement: takes one place if the offer is live and has one left, and records the
     * claim in {@code pending} in the same write. False when nothing was taken (sold out, not live, or
     * this claim already holds a place — {@link #holdsPending} tells which).
     */
    public Mono<Boolean> takePlace(String offerId, String claimId, Instant now) {
        Date at = Date.from(now);
        Bson live = Filters.and(
                Filters.eq("_id", offerId),
                Filters.eq("status", OfferStatus.PUBLISHED.name()),
                Filters.lte("validFrom", at),
                Filters.gt("validUntil", at),
                Filters.gt("remaining", 0),
                Filters.exists(pending(claimId), false));
        return update(live, Updates.combine(Updates.inc("remaining", -1), Updates.set(pending(claimId), at)));
    }

    public Mono<Boolean> holdsPending(String offerId, String claimId) {
        return collection().flatMap(c -> Mono.from(c.countDocuments(Filters.and(Filters.eq("_id", offerId), Filters.exists(pending(claimId))))))
                .map(n -> n > 0);
    }

    /** Gives back the place a claim took, if (and only if) it is still marked as pending. */
    public Mono<Boolean> releasePending(String offerId, String claimId) {
        return update(Filters.and(Filters.eq("_id", offerId), Filters.exists(pending(claimId))),
                Updates.combine(Updates.inc("remaining", 1), Updates.unset(pending(claimId))));
    }

    /** The claim is finished and keeps its place: forget the pending mark without touching the count. */
    public Mono<Boolean> clearPending(String offerId, String claimId) {
        return update(Filters.eq("_id", offerId), Updates.unset(pending(claimId)));
    }

    /** Returns a cancelled claim's place, once: {@code released.<claimId>} records that it was done. */
    public Mono<Boolean> returnPlace(String offerId, String claimId, Instant now) {
        return update(Filters.and(Filters.eq("_id", offerId), Filters.exists(released(claimId), false)),
                Updates.combine(Updates.inc("remaining", 1), Updates.set(released(claimId), Date.from(now))));
    }

    public Mono<Boolean> clearReleased(String offerId, String claimId) {
        return update(Filters.eq("_id", offerId), Updates.unset(released(claimId)));
    }

    /** Persists what the clock already decided: offers past their validity window are EXPIRED. */
    public Mono<Long> expireEnded(Instant now) {
        Date at = Date.from(now);
        return collection().flatMap(c -> Mono.from(c.updateMany(
                        Filters.and(Filters.in("status", List.of(OfferStatus.SUBMITTED.name(), OfferStatus.PUBLISHED.name(), OfferStatus.PAUSED.name())),
                                Filters.lte("validUntil", at)),
                        Updates.combine(Updates.set("status", OfferStatus.EXPIRED.name()), Updates.set("closedAt", at)))))
                .map(r -> r.getModifiedCount());
    }

    private Mono<Boolean> update(Bson filter, Bson update) {
        return collection().flatMap(c -> Mono.from(c.updateOne(filter, update))).map(r -> r.getModifiedCount() == 1);
    }

    static String pending(String claimId) {
        return "pending." + claimId;
    }

    static String released(String claimId) {
        return "released." + claimId;
    }
}
