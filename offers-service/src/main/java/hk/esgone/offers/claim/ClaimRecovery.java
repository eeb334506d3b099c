package hk.esgone.offers.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.claim.store.ReservationDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Repairs what crashed or stalled attempts left behind, so that no place is ever lost:
 * <ul>
 * <li>a PENDING reservation whose lease ran out is ABANDONED (its request id is freed) and every place
 * and code its markers show it took is given back — exactly once, since each give-back is guarded by
 * the marker it removes;</li>
 * <li>a CONFIRMED reservation whose attempt stopped is finished: its claim is written;</li>
 * <li>a CANCELLING claim whose cancel stalled is finished;</li>
 * <li>markers left on offers by finished claims are cleared;</li>
 * <li>as a last line of defence, an offer at rest (no marker, no claim in flight) whose
 * {@code remaining + claims holding a place != quota} is set right, by a write conditional on the
 * state that was read.</li>
 * </ul>
 * Runs from the periodic sweep; safe to run on several replicas at once.
 */
@Component
public class ClaimRecovery {

    private static final Logger log = LoggerFactory.getLogger(ClaimRecovery.class);
    private static final List<String> CANCELLING = List.of(ClaimStatus.CANCELLING.name());
    private static final List<String> HOLDING = List.of(ClaimStatus.ACTIVE.name(), ClaimStatus.REDEEMED.name(), ClaimStatus.EXPIRED.name());

    private final ClaimService claims;
    private final OfferStore offers;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;

    ClaimRecovery(ClaimService claims, OfferStore offers, ReactiveMongoTemplate mongo, Clock clock, OffersProperties properties) {
        this.claims = claims;
        this.offers = offers;
        this.mongo = mongo;
        this.clock = clock;
        this.lease = properties.claimLease();
    }

    /** What one run repaired. */
    public record Report(long abandoned, long claimsFinished, long cancelsFinished, long markersCleared, long quotasRepaired) {
    }

    public Mono<Report> recover() {
        return abandonStale()
                .zipWith(releaseAbandoned(), Long::sum)
                .flatMap(abandoned -> finishConfirmed()
                        .flatMap(confirmed -> finishStaleCancels()
                                .flatMap(cancels -> clearMarkers()
                                        .flatMap(markers -> reconcileQuotas()
                                                .map(repaired -> new Report(abandoned, confirmed, cancels, markers, repaired))))))
                .doOnNext(r -> {
                    if (r.abandoned() + r.claimsFinished() + r.cancelsFinished() + r.quotasRepaired() > 0) {
                        log.info("Claim recovery: {}", r);
                    }
                });
    }

    /** PENDING reservations past their lease become ABANDONED and give back what they took. */
    Mono<Long> abandonStale() {
        Date now = Date.from(clock.instant());
        return reservations()
                .flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.eq("status", ReservationDocument.Status.PENDING.name()),
                        Filters.lt("leaseUntil", now)))))
                .concatMap(r -> reservations()
                        .flatMap(c -> Mono.from(c.updateOne(
                                Filters.and(Filters.eq("_id", r.getString("_id")), Filters.eq("status", ReservationDocument.Status.PENDING.name()),
                                        Filters.lt("leaseUntil", now)),
                                Updates.combine(Updates.set("status", ReservationDocument.Status.ABANDONED.name()), Updates.set("abandonedAt", now),
                                        Updates.unset("requestId"), Updates.unset("leaseUntil")))))
                        .filter(u -> u.getModifiedCount() == 1)
                        .flatMap(u -> giveBack(r))
                        .thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    /** ABANDONED reservations whose give-back did not finish (recovery itself stopped half-way). */
    Mono<Long> releaseAbandoned() {
        return reservations()
                .flatMapMany(c -> Flux.from(c.find(Filters.eq("status", ReservationDocument.Status.ABANDONED.name()))))
                .concatMap(r -> giveBack(r).thenReturn(0L))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> giveBack(Document reservation) {
        String id = reservation.getString("_id");
        return claims.releaseAll(reservation.getString("offerId"), reservation.getString("companyId"), id)
                .then(reservations().flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", id)))))
                .then();
    }

    /** CONFIRMED reservations whose attempt stopped before writing the claim: write it now. */
    Mono<Long> finishConfirmed() {
        Date now = Date.from(clock.instant());
        return reservations()
                .flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.eq("status", ReservationDocument.Status.CONFIRMED.name()),
                        Filters.lt("leaseUntil", now)))))
                .concatMap(r -> claims.reservationById(r.getString("_id")).flatMap(claims::finish).thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    Mono<Long> finishStaleCancels() {
        Date cutoff = Date.from(clock.instant().minus(lease));
        return claimsCollection()
                .flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.eq("status", ClaimStatus.CANCELLING.name()),
                        Filters.lt("cancelRequestedAt", cutoff)))))
                .concatMap(claim -> claims.finishCancel(claim.getString("offerId"), claim.getString("companyId"), claim.getString("_id"))
                        .thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    /** Markers of claims that are finished (or that never got to exist) are removed; orphaned places are given back. */
    Mono<Long> clearMarkers() {
        Instant pendingCutoff = clock.instant().minus(lease);
        Instant releasedCutoff = clock.instant().minus(lease.multipliedBy(2));
        return offers.collection()
                .flatMapMany(c -> Flux.from(c.find(Filters.ne("status", OfferStatus.DRAFT.name()))
                        .projection(Projections.include("pending", "released"))))
                .filter(o -> !markers(o, "pending").isEmpty() || !markers(o, "released").isEmpty())
                .concatMap(offer -> {
                    String offerId = offer.getString("_id");
                    // the reservation is looked at before the claim: a claim is written before its reservation is deleted
                    Flux<Long> pending = Flux.fromIterable(markers(offer, "pending").entrySet())
                            .filter(e -> e.getValue() instanceof Date d && d.toInstant().isBefore(pendingCutoff))
                            .concatMap(e -> claims.reservationById(e.getKey())
                                    .map(reservation -> 0L) // abandonStale / finishConfirmed decide
                                    .switchIfEmpty(Mono.defer(() -> claims.claimById(e.getKey())
                                            .flatMap(claim -> offers.clearPending(offerId, e.getKey()))
                                            // neither a reservation nor a claim: nobody holds this place
                                            .switchIfEmpty(Mono.defer(() -> offers.releasePending(offerId, e.getKey())))
                                            .map(done -> done ? 1L : 0L))));
                    Flux<Long> released = Flux.fromIterable(markers(offer, "released").entrySet())
                            .filter(e -> e.getValue() instanceof Date d && d.toInstant().isBefore(releasedCutoff))
                            .concatMap(e -> claims.claimById(e.getKey())
                                    .filter(claim -> claim.status() == ClaimStatus.CANCELLED)
                                    .flatMap(claim -> offers.clearReleased(offerId, e.getKey()).map(done -> done ? 1L : 0L)));
                    return Flux.concat(pending, released);
                })
                .reduce(0L, Long::sum);
    }

    /**
     * The safety net: at rest, {@code remaining} must equal {@code quota - claims holding a place}. The
     * offer is read first, then the claims are counted, then the fix is written only if the offer is
     * still exactly as read — any claim or cancel in between changes {@code remaining} and voids the fix.
     */
    Mono<Long> reconcileQuotas() {
        return offers.collection()
                .flatMapMany(c -> Flux.from(c.find(Filters.ne("status", OfferStatus.DRAFT.name()))
                        .projection(Projections.include("quota", "remaining", "pending", "released"))))
                .filter(o -> markers(o, "pending").isEmpty() && markers(o, "released").isEmpty())
                .concatMap(offer -> audit(offer.getString("_id"))
                        .filter(a -> a.inFlight() == 0 && a.pendingMarkers() == 0 && a.releasedMarkers() == 0 && !a.consistent())
                        .flatMap(a -> offers.collection().flatMap(c -> Mono.from(c.updateOne(
                                        Filters.and(Filters.eq("_id", a.offerId()), Filters.eq("remaining", a.remaining()),
                                                Filters.or(Filters.exists("pending", false), Filters.eq("pending", new Document())),
                                                Filters.or(Filters.exists("released", false), Filters.eq("released", new Document()))),
                                        Updates.set("remaining", a.quota() - (int) a.holding()))))
                                .map(r -> {
                                    if (r.getModifiedCount() == 1) {
                                        log.warn("Quota of offer {} repaired: remaining {} -> {} (quota {}, {} claims hold a place)",
                                                a.offerId(), a.remaining(), a.quota() - a.holding(), a.quota(), a.holding());
                                        return 1L;
                                    }
                                    return 0L;
                                })))
                .reduce(0L, Long::sum);
    }

    /**
     * The books of one offer: {@code consistent} when {@code remaining + holding == quota}. Meaningful at
     * rest ({@code inFlight == 0} and no markers); while claims are being made a place can be taken
     * before its claim is counted.
     */
    /**
     * The books of one offer: {@code consistent} when {@code remaining + holding == quota}. Meaningful at
     * rest ({@code inFlight == 0} and no markers): while claims are being made a place is taken before
     * its claim exists.
     *
     * @param inFlight reservations of the offer plus its claims being cancelled
     */
    public record Audit(String offerId, int quota, int remaining, long holding, long inFlight, int pendingMarkers, int releasedMarkers) {
        @JsonProperty("consistent")
        public boolean consistent() {
            return remaining + holding == quota;
        }
    }

    public Mono<Audit> audit(String offerId) {
        // Order matters for reconcileQuotas: the offer first, then the holders, then what is in flight
        // (a claim moving from ACTIVE to CANCELLING between the two counts is then seen in flight).
        return offers.collection()
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", offerId)).first()))
                .flatMap(offer -> count(offerId, HOLDING)
                        .flatMap(holding -> count(offerId, CANCELLING)
                                .zipWith(reservations().flatMap(c -> Mono.from(c.countDocuments(Filters.eq("offerId", offerId)))), Long::sum)
                                .map(inFlight -> new Audit(offerId, offer.getInteger("quota"), offer.getInteger("remaining"), holding, inFlight,
                                        markers(offer, "pending").size(), markers(offer, "released").size()))));
    }

    private Mono<Long> count(String offerId, List<String> statuses) {
        return claimsCollection().flatMap(c -> Mono.from(c.countDocuments(
                Filters.and(Filters.eq("offerId", offerId), Filters.in("status", statuses)))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> markers(Document offer, String field) {
        Object value = offer.get(field);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private Mono<MongoCollection<Document>> reservations() {
        return mongo.getCollection(ReservationDocument.COLLECTION);
    }

    private Mono<MongoCollection<Document>> claimsCollection() {
        return mongo.getCollection(ClaimDocument.COLLECTION);
    }
}
