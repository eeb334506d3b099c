package hk.esgone.offers.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;

import hk.esgone.offers.claim.store.ClaimStore;
import hk.esgone.offers.claim.store.ReservationDocument;
import hk.esgone.offers.claim.store.ReservationStore;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.offer.store.OfferPlaces;
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
    private static final List<ClaimStatus> CANCELLING = List.of(ClaimStatus.CANCELLING);
    private static final List<ClaimStatus> HOLDING = List.of(ClaimStatus.ACTIVE, ClaimStatus.REDEEMED, ClaimStatus.EXPIRED);

    private final ClaimService claims;
    private final ClaimStore claimStore;
    private final ReservationStore reservations;
    private final OfferPlaces offers;
    private final Clock clock;
    private final Duration lease;

    ClaimRecovery(ClaimService claims, ClaimStore claimStore, ReservationStore reservations, OfferPlaces offers, Clock clock,
                  OffersProperties properties) {
        this.claims = claims;
        this.claimStore = claimStore;
        this.reservations = reservations;
        this.offers = offers;
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
        Instant now = clock.instant();
        return reservations.leaseExpired(ReservationDocument.Status.PENDING, now)
                .concatMap(r -> reservations.abandon(r.id(), now)
                        .filter(abandoned -> abandoned)
                        .flatMap(abandoned -> giveBack(r))
                        .thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    /** ABANDONED reservations whose give-back did not finish (recovery itself stopped half-way). */
    Mono<Long> releaseAbandoned() {
        return reservations.inStatus(ReservationDocument.Status.ABANDONED)
                .concatMap(r -> giveBack(r).thenReturn(0L))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> giveBack(ReservationDocument reservation) {
        return claims.releaseAll(reservation.offerId(), reservation.companyId(), reservation.id())
                .then(reservations.delete(reservation.id()));
    }

    /** CONFIRMED reservations whose attempt stopped before writing the claim: write it now. */
    Mono<Long> finishConfirmed() {
        return reservations.leaseExpired(ReservationDocument.Status.CONFIRMED, clock.instant())
                .concatMap(r -> reservations.byId(r.id()).flatMap(claims::finish).thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    Mono<Long> finishStaleCancels() {
        return claimStore.cancellingSince(clock.instant().minus(lease))
                .concatMap(claim -> claims.finishCancel(claim.offerId(), claim.companyId(), claim.id()).thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    /** Markers of claims that are finished (or that never got to exist) are removed; orphaned places are given back. */
    Mono<Long> clearMarkers() {
        Instant pendingCutoff = clock.instant().minus(lease);
        Instant releasedCutoff = clock.instant().minus(lease.multipliedBy(2));
        return offers.booksOfNonDrafts()
                .filter(o -> !o.pending().isEmpty() || !o.released().isEmpty())
                .concatMap(offer -> {
                    String offerId = offer.offerId();
                    // the reservation is looked at before the claim: a claim is written before its reservation is deleted
                    Flux<Long> pending = Flux.fromIterable(offer.pending().entrySet())
                            .filter(e -> e.getValue() != null && e.getValue().isBefore(pendingCutoff))
                            .concatMap(e -> reservations.byId(e.getKey())
                                    .map(reservation -> 0L) // abandonStale / finishConfirmed decide
                                    .switchIfEmpty(Mono.defer(() -> claimStore.byId(e.getKey())
                                            .flatMap(claim -> offers.clearPending(offerId, e.getKey()))
                                            // neither a reservation nor a claim: nobody holds this place
                                            .switchIfEmpty(Mono.defer(() -> offers.releasePending(offerId, e.getKey())))
                                            .map(done -> done ? 1L : 0L))));
                    Flux<Long> released = Flux.fromIterable(offer.released().entrySet())
                            .filter(e -> e.getValue() != null && e.getValue().isBefore(releasedCutoff))
                            .concatMap(e -> claimStore.byId(e.getKey())
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
        return offers.booksOfNonDrafts()
                .filter(o -> o.pending().isEmpty() && o.released().isEmpty())
                .concatMap(offer -> audit(offer.offerId())
                        .filter(a -> a.inFlight() == 0 && a.pendingMarkers() == 0 && a.releasedMarkers() == 0 && !a.consistent())
                        .flatMap(a -> offers.repairRemaining(a.offerId(), a.remaining(), a.quota() - (int) a.holding())
                                .map(repaired -> {
                                    if (repaired) {
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
        return offers.books(offerId)
                .flatMap(offer -> claimStore.count(offerId, HOLDING)
                        .flatMap(holding -> claimStore.count(offerId, CANCELLING)
                                .zipWith(reservations.countOfOffer(offerId), Long::sum)
                                .map(inFlight -> new Audit(offerId, offer.quota(), offer.remaining(), holding, inFlight,
                                        offer.pending().size(), offer.released().size()))));
    }
}
