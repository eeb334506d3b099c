package hk.esgone.offers.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.eligibility.EligibilityChecker;
import hk.esgone.platform.idempotency.Attempt;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.platform.ids.Ids;
import hk.esgone.offers.support.MongoErrors;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.offers.claim.store.CompanyPlaces;
import hk.esgone.offers.claim.store.ReservationDocument;
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
    private final CompanyPlaces companyPlaces;
    private final CodePool codePool;
    private final EligibilityChecker eligibility;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final ObjectProvider<ClaimFaults> faultsProvider;

    ClaimService(OfferStore offers, CompanyPlaces companyPlaces, CodePool codePool, EligibilityChecker eligibility,
                 ReactiveMongoTemplate mongo, Clock clock, OffersProperties properties, ObjectProvider<ClaimFaults> faults) {
        this.offers = offers;
        this.companyPlaces = companyPlaces;
        this.codePool = codePool;
        this.eligibility = eligibility;
        this.mongo = mongo;
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
        return reservationByRequest(requestId)
                .flatMap(r -> switch (r.status()) {
                    case PENDING -> resume(r, offer);
                    case CONFIRMED -> finish(r);
                    case ABANDONED -> Mono.<ClaimDocument>empty();
                })
                .switchIfEmpty(Mono.defer(() -> claimByRequest(requestId)));
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
                .then(Mono.defer(() -> mongo.insert(reservation).onErrorResume(MongoErrors::isDuplicateKey, dup -> Mono.empty())))
                .flatMap(inserted -> proceed(inserted, offer))
                // the same request got there first (it can only be a stalled earlier attempt): use what it has
                .switchIfEmpty(Mono.defer(() -> pickUp(offer, requestId)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("reservation of " + requestId + " exists but cannot be used")))));
    }

    /** Picks up a reservation a failed attempt of the same request left PENDING. */
    private Mono<ClaimDocument> resume(ReservationDocument r, OfferDocument offer) {
        Instant now = clock.instant();
        return eligibility.requireEligible(offer.eligibility().rule(), r.companyId())
                .then(reservations().flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", r.id()), Filters.eq("status", ReservationDocument.Status.PENDING.name())),
                        Updates.set("leaseUntil", Date.from(now.plus(lease)))))))
                .flatMap(u -> u.getModifiedCount() == 1
                        ? proceed(r, offer)
                        // confirmed meanwhile (finish it), or abandoned by recovery (then start afresh)
                        : reservationById(r.id()).filter(x -> x.status() == ReservationDocument.Status.CONFIRMED).flatMap(this::finish));
    }

    private Mono<ClaimDocument> proceed(ReservationDocument r, OfferDocument offer) {
        Instant now = clock.instant();
        return companyPlaces.take(offer.id(), r.companyId(), r.id(), offer.perCompanyLimit(), now)
                .flatMap(companyPlace -> companyPlace
                        ? offers.takePlace(offer.id(), r.id(), now).flatMap(taken -> taken ? Mono.just(true) : offers.holdsPending(offer.id(), r.id()))
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
        return reservations()
                .flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", r.id()), Filters.eq("status", ReservationDocument.Status.PENDING.name())),
                        Updates.combine(Updates.set("status", ReservationDocument.Status.CONFIRMED.name()), Updates.set("code", code),
                                Updates.set("confirmedAt", Date.from(now)), Updates.set("leaseUntil", Date.from(now.plus(lease)))))))
                .flatMap(u -> u.getModifiedCount() == 1
                        ? finish(r.withCode(code, ReservationDocument.Status.CONFIRMED, now))
                        : reservationById(r.id()).filter(x -> x.status() == ReservationDocument.Status.CONFIRMED).flatMap(this::finish)
                                .switchIfEmpty(Mono.defer(() -> claimById(r.id())))
                                // recovery gave its places back while this attempt was stalled
                                .switchIfEmpty(Mono.error(ClaimProblems.interrupted())));
    }

    /** Writes the claim of a CONFIRMED reservation and tidies up; safe to repeat. */
    Mono<ClaimDocument> finish(ReservationDocument r) {
        Instant now = clock.instant();
        return mongo.insert(r.toClaim(now))
                .onErrorResume(MongoErrors::isDuplicateKey, dup -> claimById(r.id())
                        // not written yet, so its code collided with another claim's: only a generated code can; draw another
                        .switchIfEmpty(Mono.defer(() -> redraw(r).flatMap(redrawn -> mongo.insert(redrawn.toClaim(now))))))
                .flatMap(written -> offers.clearPending(r.offerId(), r.id())
                        .then(reservations().flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", r.id())))))
                        .thenReturn(written));
    }

    private Mono<ReservationDocument> redraw(ReservationDocument r) {
        String code = RedemptionCodes.next();
        return offers.find(r.offerId())
                .filter(o -> o.redemptionMethod() != RedemptionMethod.CODE_POOL)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("pool code of reservation " + r.id() + " is taken")))
                .then(reservations().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", r.id()), Updates.set("code", code)))))
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
        return releaseAll(r.offerId(), r.companyId(), r.id())
                .then(reservations().flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", r.id())))))
                .then();
    }

    /** Returns the places and code an unfinished claim took; every step is guarded, so repeating it is harmless. */
    Mono<Void> releaseAll(String offerId, String companyId, String claimId) {
        return offers.releasePending(offerId, claimId)
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
                    return claims().flatMap(c -> Mono.from(c.updateOne(
                                    Filters.and(Filters.eq("_id", claimId), Filters.eq("status", ClaimStatus.ACTIVE.name()),
                                            Filters.gt("redeemBy", Date.from(now))),
                                    Updates.combine(Updates.set("status", ClaimStatus.CANCELLING.name()),
                                            Updates.set("cancelRequestedAt", Date.from(now))))))
                            .flatMap(r -> r.getModifiedCount() == 1
                                    ? faults().at(ClaimFaults.Stage.CANCEL_MARKED, claimId).then(finishCancel(claim.offerId(), companyId, claimId))
                                    : claimById(claimId).flatMap(c -> Mono.error(ClaimProblems.notCancellable(c.effectiveStatus(clock.instant())))));
                })
                .then(Mono.defer(() -> claimById(claimId)));
    }

    /** The steps after CANCELLING; each is guarded by a marker, so recovery can repeat them. */
    Mono<Void> finishCancel(String offerId, String companyId, String claimId) {
        Instant now = clock.instant();
        return offers.returnPlace(offerId, claimId, now)
                .then(companyPlaces.release(offerId, companyId, claimId))
                .then(codePool.retire(offerId, claimId))
                .then(claims().flatMap(c -> Mono.from(c.updateOne(
                        Filters.and(Filters.eq("_id", claimId), Filters.eq("status", ClaimStatus.CANCELLING.name())),
                        Updates.combine(Updates.set("status", ClaimStatus.CANCELLED.name()), Updates.set("cancelledAt", Date.from(now)))))))
                .then();
    }

    /** Confirms that a code was redeemed, on an offer of the partner. */
    public Mono<ClaimDocument> redeem(String offerId, String partnerId, String code, String subject) {
        Instant now = clock.instant();
        return ownedOffer(offerId, partnerId)
                .then(byCode(offerId, code))
                .flatMap(claim -> claims().flatMap(c -> Mono.from(c.updateOne(
                                Filters.and(Filters.eq("_id", claim.id()), Filters.eq("status", ClaimStatus.ACTIVE.name()),
                                        Filters.gt("redeemBy", Date.from(now))),
                                Updates.combine(Updates.set("status", ClaimStatus.REDEEMED.name()), Updates.set("redeemedAt", Date.from(now)),
                                        Updates.set("redeemedBy", subject)))))
                        .flatMap(r -> claimById(claim.id())
                                .flatMap(after -> r.getModifiedCount() == 1 ? Mono.just(after)
                                        : Mono.error(ClaimProblems.notRedeemable(after.effectiveStatus(clock.instant()))))));
    }

    /** The claim holding this code on this offer (exact, or as typed in upper case). */
    public Mono<ClaimDocument> byCode(String offerId, String code) {
        Mono<ClaimDocument> exact = claimByCodeKey(ClaimDocument.codeKey(offerId, code));
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        Mono<ClaimDocument> either = upper.equals(code) ? exact
                : exact.switchIfEmpty(Mono.defer(() -> claimByCodeKey(ClaimDocument.codeKey(offerId, upper))));
        return either.switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "code-not-found",
                "Code not found", "No claim on this offer holds this code.")));
    }

    public Mono<OfferDocument> ownedOffer(String offerId, String partnerId) {
        if (!Ids.OFFER.isValid(offerId)) {
            return Mono.error(ApiProblem.notFound("Offer", String.valueOf(offerId)));
        }
        return offers.findOwned(offerId, partnerId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", offerId)));
    }

    public Mono<ClaimDocument> ownClaim(String claimId, String companyId) {
        if (!Ids.CLAIM.isValid(claimId)) {
            return Mono.error(ApiProblem.notFound("Claim", String.valueOf(claimId)));
        }
        return claimById(claimId).filter(c -> c.companyId().equals(companyId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Claim", claimId)));
    }

    Mono<ClaimDocument> claimById(String claimId) {
        return mongo.findById(claimId, ClaimDocument.class);
    }

    Mono<ReservationDocument> reservationById(String id) {
        return mongo.findById(id, ReservationDocument.class);
    }

    private Mono<ReservationDocument> reservationByRequest(String requestId) {
        return mongo.findOne(Query.query(Criteria.where("requestId").is(requestId)), ReservationDocument.class);
    }

    private Mono<ClaimDocument> claimByRequest(String requestId) {
        return mongo.findOne(Query.query(Criteria.where("requestId").is(requestId)), ClaimDocument.class);
    }

    private Mono<ClaimDocument> claimByCodeKey(String codeKey) {
        return mongo.findOne(Query.query(Criteria.where("codeKey").is(codeKey)), ClaimDocument.class);
    }

    private ClaimFaults faults() {
        return faultsProvider.getIfAvailable(() -> ClaimFaults.NONE);
    }

    private Mono<MongoCollection<Document>> claims() {
        return mongo.getCollection(ClaimDocument.COLLECTION);
    }

    private Mono<MongoCollection<Document>> reservations() {
        return mongo.getCollection(ReservationDocument.COLLECTION);
    }
}
