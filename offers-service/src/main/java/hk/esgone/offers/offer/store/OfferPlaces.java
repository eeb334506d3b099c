package hk.esgone.offers.offer.store;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An offer's places (its quota). The quota operations are single-document conditional updates that also
 * record, in the same write, which claim they were for ({@code pending.<claimId>} while a claim is being
 * made, {@code released.<claimId>} while one is being cancelled): that is what makes each of them safe to
 * repeat and exactly repairable after a crash, without transactions.
 */
@Component
public class OfferPlaces {

    private final ReactiveMongoTemplate mongo;

    public OfferPlaces(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
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

    /**
     * The quota fields of an offer: {@code pending} and {@code released} markers by claim id, with the time
     * they were set (null when a marker holds something else than a time).
     */
    public record Books(String offerId, int quota, int remaining, Map<String, Instant> pending, Map<String, Instant> released) {
    }

    public Mono<Books> books(String offerId) {
        return collection().flatMap(c -> Mono.from(c.find(Filters.eq("_id", offerId)).first())).map(OfferPlaces::books);
    }

    /** The books of every offer past its draft. */
    public Flux<Books> booksOfNonDrafts() {
        return collection().flatMapMany(c -> Flux.from(c.find(Filters.ne("status", OfferStatus.DRAFT.name()))
                .projection(Projections.include("quota", "remaining", "pending", "released")))).map(OfferPlaces::books);
    }

    /**
     * Sets {@code remaining} only if the offer is still exactly as read: {@code remaining} unchanged and no
     * marker (any claim or cancel in between changes one of them and voids the fix).
     */
    public Mono<Boolean> repairRemaining(String offerId, int remainingAsRead, int remaining) {
        return update(Filters.and(Filters.eq("_id", offerId), Filters.eq("remaining", remainingAsRead),
                        Filters.or(Filters.exists("pending", false), Filters.eq("pending", new Document())),
                        Filters.or(Filters.exists("released", false), Filters.eq("released", new Document()))),
                Updates.set("remaining", remaining));
    }

    private static Books books(Document offer) {
        return new Books(offer.getString("_id"), offer.getInteger("quota", 0), offer.getInteger("remaining", 0),
                markers(offer, "pending"), markers(offer, "released"));
    }

    private static Map<String, Instant> markers(Document offer, String field) {
        Map<String, Instant> markers = new HashMap<>();
        if (offer.get(field) instanceof Map<?, ?> map) {
            map.forEach((claimId, at) -> markers.put(String.valueOf(claimId), at instanceof Date d ? d.toInstant() : null));
        }
        return markers;
    }

    private Mono<Boolean> update(Bson filter, Bson update) {
        return collection().flatMap(c -> Mono.from(c.updateOne(filter, update))).map(r -> r.getModifiedCount() == 1);
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(OfferDocument.COLLECTION);
    }

    static String pending(String claimId) {
        return "pending." + claimId;
    }

    static String released(String claimId) {
        return "released." + claimId;
    }
}
