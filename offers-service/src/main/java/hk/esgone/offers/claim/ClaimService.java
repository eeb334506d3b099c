package hk.esgone.offers.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import hk.esgone.offers.claim.store.ClaimStore;
import hk.esgone.offers.claim.store.CompanyPlaces;
import hk.esgone.offers.claim.store.ReservationDocument;
import hk.esgone.offers.claim.store.ReservationStore;
import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.eligibility.EligibilityChecker;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.offers.offer.store.OfferPlaces;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.support.MongoErrors;
import hk.esgone.platform.idempotency.Attempt;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Claims with hard guarantees and no transactions. A claim is made in steps, each a single-document
 * conditional write that records which claim it was for:
 * <ol>
 * <li>a {@link ReservationDocument reservation} is inserted as PENDING (unique {@code requestId}: one per
 * idempotent request);</li>
 * <li>one of the company's places is taken (conditional increment below the limit, marker {@code holds.<claim>});</li>
 * <li>one of the offer's places is taken (conditional decrement {@code remaining > 0}, marker {@code pending.<claim>});</li>
 * <li>for a code pool, one AVAILABLE code is taken by findAndModify (unique {@code claimId});</li>
 * <li>the reservation becomes CONFIRMED (only from PENDING: the point of no return);</li>
 * <li>the claim is written (unique id and code), the offer's pending marker cleared, the reservation deleted.</li>
 * </ol>
 * A refusal at steps 2–4 gives back what was taken (guarded by the markers, so never twice) and deletes
 * the reservation. A crash anywhere leaves a reservation: {@link ClaimRecovery} abandons a PENDING one
 * whose lease ran out and gives back exactly what its markers show, or finishes a CONFIRMED one; a
 * retry with the same key picks the reservation up first and finishes the original claim.
 */
@Service
public class ClaimService {

    static final ZoneId DAY_ZONE = ZoneId.of("Asia/Hong_Kong");

    private final OfferStore offers;
    private final OfferPlaces places;
    private final ReservationStore reservations;
    private final ClaimStore claims;
    private final CompanyPlaces companyPlaces;
    private final CodePool codePool;
    private final EligibilityChecker eligibility;
    private final Clock clock;
    private final Duration lease;
    private final ObjectProvider<ClaimFaults> faultsProvider;

    ClaimService(OfferStore offers, OfferPlaces places, ReservationStore reservations, ClaimStore claims, CompanyPlaces companyPlaces, CodePool codePool,
                 EligibilityChecker eligibility, Clock clock, OffersProperties properties, ObjectProvider<ClaimFaults> faults) {
        this.offers = offers;
        this.places = places;
        this.reservations = reservations;
        this.claims = claims;
        this.companyPlaces = companyPlaces;
        this.codePool = codePool;
        this.eligibility = eligibility;
        this.clock = clock;
        this.lease = properties.claimLease();
        this.faultsProvider = faults;
    }

    public record Claimed(ClaimDocument claim, OfferDocument offer) {
    }

    /**
     * Claims one place of {@code offerId} for {@code companyId}. When an earlier attempt of the same
     * request may have run, what it left is picked up first: its claim is returned, or its reservation
     * finished — so a retry never makes a second claim.
     */
    public Mono<Claimed> claim(String offerId, String companyId, String subject, Attempt attempt, String note) {
        return visibleOffer(offerId).flatMap(offer -> (attempt.firstAttempt() ? Mono.<ClaimDocument>empty() : pickUp(offer, attempt.requestId()))
                .switchIfEmpty(Mono.defer(() -> fresh(offer, companyId, subject, attempt.requestId(), note)))
                .map(claim -> new Claimed(claim, offer)));
    }

    /** Offers that exist publicly (anything past review); drafts and submissions are not claimable and not visible. */
    private Mono<OfferDocument> visibleOffer(String offerId) {
        if (!Ids.OFFER.isValid(offerId)) {
            return Mono.error(ApiProblem.notFound("Offer", String.valueOf(offerId)));
        }
        return offers.find(offerId)
                .filter(o -> o.status() != OfferStatus.DRAFT && o.status() != OfferStatus.SUBMITTED)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", offerId)));
    }

    /**
     * What an earlier attempt of this request left. The reservation is looked at before the claim: a
     * claim is written before its reservation is deleted, so one of the two is always found.
     */
    private Mono<ClaimDocument> pickUp(OfferDocument offer, String requestId) {
        return reservations.byRequest(requestId)
                .flatMap(r -> switch (r.status()) {
                    case PENDING -> resume(r, offer);
                    case CONFIRMED -> finish(r);
                    case ABANDONED -> Mono.<ClaimDocument>empty();
                })
                .switchIfEmpty(Mono.defer(() -> claims.byRequest(requestId)));
    }

    private Mono<ClaimDocument> fresh(OfferDocument offer, String companyId, String subject, String requestId, String note) {
        Instant now = clock.instant();
        OfferStatus status = offer.effectiveStatus(now);
        if (status != OfferStatus.PUBLISHED) {
            return Mono.error(ClaimProblems.notAvailable(status));
        }
        if (offer.remaining() <= 0) {
            return Mono.error(ClaimProblems.quotaExhausted());
        }
        String code = offer.redemptionMethod() == RedemptionMethod.CODE_POOL ? null : RedemptionCodes.next();
        ReservationDocument reservation = new ReservationDocument(Ids.CLAIM.newId(16), offer.id(), offer.partnerId(), companyId, requestId,
                code, ReservationDocument.Status.PENDING, note, subject, now, now.atZone(DAY_ZONE).toLocalDate().toString(),
                offer.validUntil(), now.plus(lease), null);
        return eligibility.requireEligible(offer.eligibility().rule(), companyId)
                .then(Mono.defer(() -> reservations.insert(reservation)))
                .flatMap(inserted -> proceed(inserted, offer))
                // the same request got there first (it can only be a stalled earlier attempt): use what it has
                .switchIfEmpty(Mono.defer(() -> pickUp(offer, requestId)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("reservation of " + requestId + " exists but cannot be used")))));
    }

    /** Picks up a reservation a failed attempt of the same request left PENDING. */
    private Mono<ClaimDocument> resume(ReservationDocument r, OfferDocument offer) {
        Instant now = clock.instant();
        return eligibility.requireEligible(offer.eligibility().rule(), r.companyId())
                .then(reservations.renewLease(r.id(), now.plus(lease)))
                .flatMap(renewed -> renewed
                        ? proceed(r, offer)
                        // confirmed meanwhile (finish it), or abandoned by recovery (then start afresh)
                        : reservations.byId(r.id()).filter(x -> x.status() == ReservationDocument.Status.CONFIRMED).flatMap(this::finish));
    }

    private Mono<ClaimDocument> proceed(ReservationDocument r, OfferDocument offer) {
        Instant now = clock.instant();
        return companyPlaces.take(offer.id(), r.companyId(), r.id(), offer.perCompanyLimit(), now)
                .flatMap(companyPlace -> companyPlace
                        ? places.takePlace(offer.id(), r.id(), now).flatMap(taken -> taken ? Mono.just(true) : places.holdsPending(offer.id(), r.id()))
                        : discard(r).then(Mono.<Boolean>error(ClaimProblems.companyLimitReached(offer.perCompanyLimit()))))
                .flatMap(offerPlace -> offerPlace
                        ? faults().at(ClaimFaults.Stage.PLACE_TAKEN, r.id()).then(code(r, offer))
                        : discard(r).then(this.<String>whyNoPlace(offer.id())))
                .flatMap(code -> confirm(r, code));
    }

    private Mono<String> code(ReservationDocument r, OfferDocument offer) {
        if (offer.redemptionMethod() != RedemptionMethod.CODE_POOL) {
            return Mono.just(r.code());
        }
        return codePool.take(offer.id(), r.id())
                .flatMap(code -> faults().at(ClaimFaults.Stage.CODE_TAKEN, r.id()).thenReturn(code))
                .switchIfEmpty(Mono.defer(() -> discard(r).then(Mono.error(ClaimProblems.codesExhausted()))));
    }

    /** The point of no return: from here on, the claim is written — by this attempt, a retry, or recovery. */
    private Mono<ClaimDocument> confirm(ReservationDocument r, String code) {
        Instant now = clock.instant();
        return reservations.confirm(r.id(), code, now, now.plus(lease))
                .flatMap(confirmed -> confirmed
                        ? finish(r.withCode(code, ReservationDocument.Status.CONFIRMED, now))
                        : reservations.byId(r.id()).filter(x -> x.status() == ReservationDocument.Status.CONFIRMED).flatMap(this::finish)
                                .switchIfEmpty(Mono.defer(() -> claims.byId(r.id())))
                                // recovery gave its places back while this attempt was stalled
                                .switchIfEmpty(Mono.error(ClaimProblems.interrupted())));
    }

    /** Writes the claim of a CONFIRMED reservation and tidies up; safe to repeat. */
    Mono<ClaimDocument> finish(ReservationDocument r) {
        Instant now = clock.instant();
        return claims.insert(r.toClaim(now))
                .onErrorResume(MongoErrors::isDuplicateKey, dup -> claims.byId(r.id())
                        // not written yet, so its code collided with another claim's: only a generated code can; draw another
                        .switchIfEmpty(Mono.defer(() -> redraw(r).flatMap(redrawn -> claims.insert(redrawn.toClaim(now))))))
                .flatMap(written -> places.clearPending(r.offerId(), r.id())
                        .then(reservations.delete(r.id()))
                        .thenReturn(written));
    }

    private Mono<ReservationDocument> redraw(ReservationDocument r) {
        String code = RedemptionCodes.next();
        return offers.find(r.offerId())
                .filter(o -> o.redemptionMethod() != RedemptionMethod.CODE_POOL)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("pool code of reservation " + r.id() + " is taken")))
                .then(reservations.setCode(r.id(), code))
                .thenReturn(r.withCode(code, r.status(), r.confirmedAt()));
    }

    private <T> Mono<T> whyNoPlace(String offerId) {
        return offers.find(offerId).flatMap(now -> {
            OfferStatus status = now.effectiveStatus(clock.instant());
            return Mono.<T>error(status != OfferStatus.PUBLISHED ? ClaimProblems.notAvailable(status) : ClaimProblems.quotaExhausted());
        });
    }

    /** Undoes a refused attempt: returns whatever its markers show it took, then deletes the reservation. */
    private Mono<Void> discard(ReservationDocument r) {
        return releaseAll(r.offerId(), r.companyId(), r.id()).then(reservations.delete(r.id()));
    }

    /** Returns the places and code an unfinished claim took; every step is guarded, so repeating it is harmless. */
    Mono<Void> releaseAll(String offerId, String companyId, String claimId) {
        return places.releasePending(offerId, claimId)
                .then(companyPlaces.release(offerId, companyId, claimId))
                .then(codePool.putBack(offerId, claimId));
    }

    /** Cancels an unredeemed claim of the company; its place goes back to the quota. */
    public Mono<ClaimDocument> cancel(String claimId, String companyId) {
        Instant now = clock.instant();
        return ownClaim(claimId, companyId)
                .flatMap(claim -> {
                    ClaimStatus status = claim.effectiveStatus(now);
                    if (status != ClaimStatus.ACTIVE) {
                        return Mono.error(ClaimProblems.notCancellable(status));
                    }
                    return claims.markCancelling(claimId, now)
                            .flatMap(marked -> marked
                                    ? faults().at(ClaimFaults.Stage.CANCEL_MARKED, claimId).then(finishCancel(claim.offerId(), companyId, claimId))
                                    : claims.byId(claimId).flatMap(c -> Mono.error(ClaimProblems.notCancellable(c.effectiveStatus(clock.instant())))));
                })
                .then(Mono.defer(() -> claims.byId(claimId)));
    }

    /** The steps after CANCELLING; each is guarded by a marker, so recovery can repeat them. */
    Mono<Void> finishCancel(String offerId, String companyId, String claimId) {
        Instant now = clock.instant();
        return places.returnPlace(offerId, claimId, now)
                .then(companyPlaces.release(offerId, companyId, claimId))
                .then(codePool.retire(offerId, claimId))
                .then(claims.markCancelled(claimId, now))
                .then();
    }

    public Mono<ClaimDocument> ownClaim(String claimId, String companyId) {
        if (!Ids.CLAIM.isValid(claimId)) {
            return Mono.error(ApiProblem.notFound("Claim", String.valueOf(claimId)));
        }
        return claims.byId(claimId).filter(c -> c.companyId().equals(companyId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Claim", claimId)));
    }

    Mono<ReservationDocument> reservationById(String id) {
        return reservations.byId(id);
    }

    private ClaimFaults faults() {
        return faultsProvider.getIfAvailable(() -> ClaimFaults.NONE);
    }
}
