package hk.esgone.offers.claim.store;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.support.MongoErrors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reservations (claims being made) in Mongo. Every change of state is a single-document update conditional
 * on the state it leaves, so two attempts (or an attempt and recovery) never both make the same move.
 */
@Component
public class ReservationStore {

    private final ReactiveMongoTemplate mongo;

    public ReservationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The inserted reservation, or empty when one of the same request exists already (unique {@code requestId}). */
    public Mono<ReservationDocument> insert(ReservationDocument reservation) {
        return mongo.insert(reservation).onErrorResume(MongoErrors::isDuplicateKey, dup -> Mono.empty());
    }

    public Mono<ReservationDocument> byId(String id) {
        return mongo.findById(id, ReservationDocument.class);
    }

    public Mono<ReservationDocument> byRequest(String requestId) {
        return mongo.findOne(Query.query(Criteria.where("requestId").is(requestId)), ReservationDocument.class);
    }

    /** Extends the lease of a PENDING reservation; false when it is no longer PENDING. */
    public Mono<Boolean> renewLease(String id, Instant leaseUntil) {
        return update(pending(id), Updates.set("leaseUntil", Date.from(leaseUntil)));
    }

    /** PENDING → CONFIRMED with its code: the point of no return. False when it was no longer PENDING. */
    public Mono<Boolean> confirm(String id, String code, Instant at, Instant leaseUntil) {
        return update(pending(id), Updates.combine(Updates.set("status", ReservationDocument.Status.CONFIRMED.name()), Updates.set("code", code),
                Updates.set("confirmedAt", Date.from(at)), Updates.set("leaseUntil", Date.from(leaseUntil))));
    }

    public Mono<Boolean> setCode(String id, String code) {
        return update(Filters.eq("_id", id), Updates.set("code", code));
    }

    /**
     * PENDING → ABANDONED when its lease ran out before {@code now}: its request id is freed, and only the
     * caller that made this move gives back what the reservation took.
     */
    public Mono<Boolean> abandon(String id, Instant now) {
        Date at = Date.from(now);
        return update(Filters.and(pending(id), Filters.lt("leaseUntil", at)),
                Updates.combine(Updates.set("status", ReservationDocument.Status.ABANDONED.name()), Updates.set("abandonedAt", at),
                        Updates.unset("requestId"), Updates.unset("leaseUntil")));
    }

    public Mono<Void> delete(String id) {
        return collection().flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", id)))).then();
    }

    /** Reservations in {@code status} whose lease ran out before {@code now}. */
    public Flux<ReservationDocument> leaseExpired(ReservationDocument.Status status, Instant now) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name()).and("leaseUntil").lt(Date.from(now))), ReservationDocument.class);
    }

    public Flux<ReservationDocument> inStatus(ReservationDocument.Status status) {
        return mongo.find(Query.query(Criteria.where("status").is(status.name())), ReservationDocument.class);
    }

    /** Reservations of an offer (claims being made or given back). */
    public Mono<Long> countOfOffer(String offerId) {
        return collection().flatMap(c -> Mono.from(c.countDocuments(Filters.eq("offerId", offerId))));
    }

    private static org.bson.conversions.Bson pending(String id) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("status", ReservationDocument.Status.PENDING.name()));
    }

    private Mono<Boolean> update(org.bson.conversions.Bson filter, org.bson.conversions.Bson update) {
        return collection().flatMap(c -> Mono.from(c.updateOne(filter, update))).map(r -> r.getModifiedCount() == 1);
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(ReservationDocument.COLLECTION);
    }
}
