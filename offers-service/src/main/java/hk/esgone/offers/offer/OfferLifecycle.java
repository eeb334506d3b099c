package hk.esgone.offers.offer;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.support.Keyset;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Offers from the partner's and the admin's side: drafts, review and the lifecycle, and the lists of both.
 * The lifecycle moves only by conditional updates on the stored status, so two concurrent transitions
 * cannot both win.
 */
@Service
public class OfferLifecycle {

    private final OfferStore store;
    private final CodePool codePool;
    private final CursorCodec cursors;
    private final Clock clock;

    OfferLifecycle(OfferStore store, CodePool codePool, CursorCodec cursors, Clock clock) {
        this.store = store;
        this.codePool = codePool;
        this.cursors = cursors;
        this.clock = clock;
    }

    public Mono<OfferDocument> create(String partnerId, OfferDefinition d) {
        Instant now = clock.instant();
        OfferDocument offer = new OfferDocument(Ids.OFFER.newId(), partnerId, d.type(), d.value(), d.currency(), d.title(),
                d.description(), d.terms(), d.category(), d.validFrom(), d.validUntil(), d.quota(), d.quota(), d.perCompanyLimit(),
                OfferDocument.Eligibility.of(d.eligibility()), d.redemptionMethod(), d.redemptionLink(), OfferStatus.DRAFT, null,
                d.searchText(), null, now, now, null, null, null, Map.of());
        return store.insert(offer);
    }

    /** Replaces the definition of a draft (quota and remaining start over: a draft has no claims). */
    public Mono<OfferDocument> update(String id, String partnerId, OfferDefinition d) {
        return owned(id, partnerId).flatMap(current -> {
            if (current.status() != OfferStatus.DRAFT) {
                return Mono.error(invalidTransition("edited", current.effectiveStatus(clock.instant())));
            }
            return store.replaceDraft(id, partnerId, d, clock.instant())
                    .flatMap(replaced -> afterwards(replaced, id, "edited"));
        });
    }

    public Mono<OfferDocument> owned(String id, String partnerId) {
        if (!Ids.OFFER.isValid(id)) {
            return Mono.error(ApiProblem.notFound("Offer", String.valueOf(id)));
        }
        return store.findOwned(id, partnerId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", id)));
    }

    /** The offer if it exists (for showing what a claim was for; no problem when it is gone). */
    public Mono<OfferDocument> find(String id) {
        return store.find(id);
    }

    public Mono<OfferDocument> any(String id) {
        if (!Ids.OFFER.isValid(id)) {
            return Mono.error(ApiProblem.notFound("Offer", String.valueOf(id)));
        }
        return store.find(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", id)));
    }

    // ---- lifecycle ------------------------------------------------------------------------------------

    public Mono<OfferDocument> submit(String id, String partnerId) {
        Instant now = clock.instant();
        return owned(id, partnerId).flatMap(offer -> {
            if (offer.status() != OfferStatus.DRAFT) {
                return Mono.error(invalidTransition("submitted", offer.effectiveStatus(now)));
            }
            if (!offer.validUntil().isAfter(now)) {
                return Mono.error(ApiProblem.validation("The validity window has ended; move validUntil into the future before submitting."));
            }
            Mono<Void> poolReady = offer.redemptionMethod() != RedemptionMethod.CODE_POOL ? Mono.empty()
                    : codePool.available(id).flatMap(n -> n > 0 ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                            "code-pool-empty", "Code pool empty", "Upload the code pool (CSV) before submitting a CODE_POOL offer.")));
            return poolReady.then(conditional(
                    Filters.and(Filters.eq("_id", id), Filters.eq("partnerId", partnerId), Filters.eq("status", OfferStatus.DRAFT.name())),
                    Updates.combine(Updates.set("status", OfferStatus.SUBMITTED.name()), Updates.set("submittedAt", Date.from(now)),
                            Updates.set("updatedAt", Date.from(now))), id, "submitted"));
        });
    }

    public Mono<OfferDocument> approve(String id) {
        Instant now = clock.instant();
        return any(id).flatMap(offer -> {
            if (offer.effectiveStatus(now) != OfferStatus.SUBMITTED) {
                return Mono.error(invalidTransition("approved", offer.effectiveStatus(now)));
            }
            Instant listedAt = offer.validFrom().isAfter(now) ? offer.validFrom() : now;
            return conditional(live(id, OfferStatus.SUBMITTED, now),
                    Updates.combine(Updates.set("status", OfferStatus.PUBLISHED.name()), Updates.set("decidedAt", Date.from(now)),
                            Updates.set("listedAt", Date.from(listedAt)), Updates.unset("reviewNote"), Updates.set("updatedAt", Date.from(now))),
                    id, "approved");
        });
    }

    public Mono<OfferDocument> reject(String id, String reason) {
        Instant now = clock.instant();
        return any(id).flatMap(offer -> {
            if (offer.effectiveStatus(now) != OfferStatus.SUBMITTED) {
                return Mono.error(invalidTransition("rejected", offer.effectiveStatus(now)));
            }
            return conditional(live(id, OfferStatus.SUBMITTED, now),
                    Updates.combine(Updates.set("status", OfferStatus.DRAFT.name()), Updates.set("decidedAt", Date.from(now)),
                            Updates.set("reviewNote", reason), Updates.set("updatedAt", Date.from(now))),
                    id, "rejected");
        });
    }

    /** Stops new claims; existing claims stay valid. {@code partnerId} null: an admin acts. */
    public Mono<OfferDocument> pause(String id, String partnerId) {
        Instant now = clock.instant();
        return load(id, partnerId).flatMap(offer -> {
            OfferStatus effective = offer.effectiveStatus(now);
            if (effective != OfferStatus.PUBLISHED && effective != OfferStatus.SCHEDULED) {
                return Mono.error(invalidTransition("paused", effective));
            }
            return conditional(live(id, OfferStatus.PUBLISHED, now),
                    Updates.combine(Updates.set("status", OfferStatus.PAUSED.name()), Updates.set("updatedAt", Date.from(now))), id, "paused");
        });
    }

    public Mono<OfferDocument> resume(String id, String partnerId) {
        Instant now = clock.instant();
        return load(id, partnerId).flatMap(offer -> {
            if (offer.effectiveStatus(now) != OfferStatus.PAUSED) {
                return Mono.error(invalidTransition("resumed", offer.effectiveStatus(now)));
            }
            return conditional(live(id, OfferStatus.PAUSED, now),
                    Updates.combine(Updates.set("status", OfferStatus.PUBLISHED.name()), Updates.set("updatedAt", Date.from(now))), id, "resumed");
        });
    }

    /** Ends the offer for good. Claims already made stay valid until the offer's validity ends. */
    public Mono<OfferDocument> withdraw(String id, String partnerId) {
        Instant now = clock.instant();
        Set<OfferStatus> from = Set.of(OfferStatus.DRAFT, OfferStatus.SUBMITTED, OfferStatus.SCHEDULED, OfferStatus.PUBLISHED, OfferStatus.PAUSED);
        return load(id, partnerId).flatMap(offer -> {
            OfferStatus effective = offer.effectiveStatus(now);
            if (!from.contains(effective)) {
                return Mono.error(invalidTransition("withdrawn", effective));
            }
            return conditional(Filters.and(Filters.eq("_id", id), Filters.eq("status", offer.status().name())),
                    Updates.combine(Updates.set("status", OfferStatus.WITHDRAWN.name()), Updates.set("closedAt", Date.from(now)),
                            Updates.set("updatedAt", Date.from(now))), id, "withdrawn");
        });
    }

    private Mono<OfferDocument> load(String id, String partnerId) {
        return partnerId == null ? any(id) : owned(id, partnerId);
    }

    /** Stored status {@code from} and still inside the validity window. */
    private static Bson live(String id, OfferStatus from, Instant now) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name()), Filters.gt("validUntil", Date.from(now)));
    }

    private Mono<OfferDocument> conditional(Bson filter, Bson update, String id, String verb) {
        return store.updateIf(filter, update).flatMap(updated -> afterwards(updated, id, verb));
    }

    /** The offer after a conditional update; when the update did not apply, someone else changed it first. */
    private Mono<OfferDocument> afterwards(boolean updated, String id, String verb) {
        return store.find(id).flatMap(after -> updated ? Mono.just(after)
                : Mono.error(invalidTransition(verb, after.effectiveStatus(clock.instant()))));
    }

    static ApiProblem invalidTransition(String verb, OfferStatus status) {
        return new ApiProblem(HttpStatus.CONFLICT, "invalid-transition", "Not possible in this status",
                "An offer that is " + status + " cannot be " + verb + ".", Map.of("offerStatus", status.name()));
    }

    // ---- lists ----------------------------------------------------------------------------------------

    /** The partner's own offers (any status), newest first. */
    public Mono<Page<OfferDocument>> listOwned(String partnerId, OfferStatus status, String cursor, int limit) {
        return listByCreation(partnerId, status, "partner|" + partnerId + "|" + status, cursor, limit);
    }

    /** For admins: all offers, by default those waiting for review. */
    public Mono<Page<OfferDocument>> listAll(OfferStatus status, String partnerId, String cursor, int limit) {
        return listByCreation(partnerId, status, "admin|" + partnerId + "|" + status, cursor, limit);
    }

    private Mono<Page<OfferDocument>> listByCreation(String partnerId, OfferStatus status, String query, String cursor, int limit) {
        String after = cursor == null ? null : cursors.decode(cursor, query);
        return store.newestCreated(partnerId, status, clock.instant(), after, limit + 1)
                .map(found -> Keyset.page(found, limit, o -> Keyset.position(o.createdAt(), o.id()), cursors, query));
    }
}
