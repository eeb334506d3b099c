package hk.esgone.offers.offer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.conversions.Bson;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.eligibility.CompanyFacts;
import hk.esgone.offers.support.Keyset;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.offers.offer.store.OfferStore;
import reactor.core.publisher.Mono;

/**
 * Offers from the partner's and the admin's side, and the public catalogue. The lifecycle moves only by
 * conditional updates on the stored status, so two concurrent transitions cannot both win.
 */
@Service
public class OfferService {

    private static final int MAX_TERMS = 5;
    private static final int MAX_QUERY = 100;

    private final OfferStore store;
    private final CodePool codePool;
    private final CursorCodec cursors;
    private final Clock clock;

    public OfferService(OfferStore store, CodePool codePool, CursorCodec cursors, Clock clock) {
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
            Bson set = Updates.combine(
                    Updates.set("type", d.type().name()), Updates.set("value", d.value() == null ? null : new org.bson.types.Decimal128(d.value())),
                    Updates.set("currency", d.currency()),
                    Updates.set("title", text(d.title())), Updates.set("description", text(d.description())), Updates.set("terms", text(d.terms())),
                    Updates.set("category", d.category().name()),
                    Updates.set("validFrom", Date.from(d.validFrom())), Updates.set("validUntil", Date.from(d.validUntil())),
                    Updates.set("quota", d.quota()), Updates.set("remaining", d.quota()), Updates.set("perCompanyLimit", d.perCompanyLimit()),
                    Updates.set("eligibility", eligibility(d)),
                    Updates.set("redemptionMethod", d.redemptionMethod().name()), Updates.set("redemptionLink", d.redemptionLink()),
                    Updates.set("searchText", d.searchText()), Updates.set("updatedAt", Date.from(clock.instant())));
            return conditional(Filters.and(Filters.eq("_id", id), Filters.eq("partnerId", partnerId), Filters.eq("status", OfferStatus.DRAFT.name())),
                    set, id, "edited");
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
        return store.collection()
                .flatMap(c -> Mono.from(c.updateOne(filter, update)))
                .flatMap(r -> store.find(id).flatMap(after -> r.getModifiedCount() == 1 ? Mono.just(after)
                        // someone else changed it first
                        : Mono.error(invalidTransition(verb, after.effectiveStatus(clock.instant())))));
    }

    static ApiProblem invalidTransition(String verb, OfferStatus status) {
        return new ApiProblem(HttpStatus.CONFLICT, "invalid-transition", "Not possible in this status",
                "An offer that is " + status + " cannot be " + verb + ".", Map.of("offerStatus", status.name()));
    }

    // ---- lists ----------------------------------------------------------------------------------------

    /** The partner's own offers (any status), newest first. */
    public Mono<Page<OfferDocument>> listOwned(String partnerId, OfferStatus status, String cursor, int limit) {
        return listByCreation(Criteria.where("partnerId").is(partnerId), status, "partner|" + partnerId, cursor, limit);
    }

    /** For admins: all offers, by default those waiting for review. */
    public Mono<Page<OfferDocument>> listAll(OfferStatus status, String partnerId, String cursor, int limit) {
        return listByCreation(partnerId == null ? null : Criteria.where("partnerId").is(partnerId), status, "admin|" + partnerId, cursor, limit);
    }

    private Mono<Page<OfferDocument>> listByCreation(Criteria criteria, OfferStatus status, String scope, String cursor, int limit) {
        List<Criteria> and = new ArrayList<>();
        if (criteria != null) {
            and.add(criteria);
        }
        if (status != null) {
            and.add(statusCriteria(status, clock.instant()));
        }
        String fingerprint = scope + "|" + status;
        if (cursor != null) {
            and.add(Keyset.after("createdAt", cursors.decode(cursor, fingerprint)));
        }
        Query query = (and.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(and)))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(limit + 1);
        return store.template().find(query, OfferDocument.class).collectList()
                .map(found -> Keyset.page(found, limit, o -> Keyset.position(o.createdAt(), o.id()), cursors, fingerprint));
    }

    /** Offers by effective status (the clock moves offers between statuses without a write). */
    private static Criteria statusCriteria(OfferStatus status, Instant now) {
        Date at = Date.from(now);
        List<String> windowed = List.of(OfferStatus.SUBMITTED.name(), OfferStatus.PUBLISHED.name(), OfferStatus.PAUSED.name());
        return switch (status) {
            case EXPIRED -> new Criteria().orOperator(Criteria.where("status").is(OfferStatus.EXPIRED.name()),
                    Criteria.where("status").in(windowed).and("validUntil").lte(at));
            case SCHEDULED -> Criteria.where("status").is(OfferStatus.PUBLISHED.name()).and("validFrom").gt(at).and("validUntil").gt(at);
            case PUBLISHED -> Criteria.where("status").is(OfferStatus.PUBLISHED.name()).and("validFrom").lte(at).and("validUntil").gt(at);
            case SUBMITTED, PAUSED -> Criteria.where("status").is(status.name()).and("validUntil").gt(at);
            default -> Criteria.where("status").is(status.name());
        };
    }

    /** Catalogue filters; all optional. */
    public record CatalogueQuery(String partnerId, OfferType type, OfferCategory category, String text) {
    }

    /**
     * Published offers inside their validity window, newest listing first. With {@code facts}, only
     * offers the company is eligible for (unknown facts match no offer that requires them).
     */
    public Mono<Page<OfferDocument>> catalogue(CatalogueQuery q, String companyId, CompanyFacts facts, String cursor, int limit) {
        Instant now = clock.instant();
        List<Criteria> and = new ArrayList<>();
        and.add(statusCriteria(OfferStatus.PUBLISHED, now));
        if (q.partnerId() != null) {
            and.add(Criteria.where("partnerId").is(q.partnerId()));
        }
        if (q.type() != null) {
            and.add(Criteria.where("type").is(q.type().name()));
        }
        if (q.category() != null) {
            and.add(Criteria.where("category").is(q.category().name()));
        }
        List<String> terms = terms(q.text());
        for (String term : terms) {
            and.add(Criteria.where("searchText").regex(Pattern.quote(term)));
        }
        if (facts != null) {
            and.add(new Criteria().orOperator(Criteria.where("eligibility.requiredAchievementId").is(null),
                    Criteria.where("eligibility.requiredAchievementId").in(facts.validAchievementIds())));
            and.add(facts.bestLevel() == null ? Criteria.where("eligibility.minScorecardRank").is(null)
                    : new Criteria().orOperator(Criteria.where("eligibility.minScorecardRank").is(null),
                            Criteria.where("eligibility.minScorecardRank").lte(facts.bestLevel().rank())));
            and.add(facts.industryCode() == null ? Criteria.where("eligibility.anyIndustry").is(true)
                    : new Criteria().orOperator(Criteria.where("eligibility.anyIndustry").is(true),
                            Criteria.where("eligibility.industries").is(facts.industryCode())));
        }
        String fingerprint = "catalogue|" + q.partnerId() + "|" + q.type() + "|" + q.category() + "|" + String.join(" ", terms)
                + "|" + (facts == null ? "-" : companyId);
        if (cursor != null) {
            and.add(Keyset.after("listedAt", cursors.decode(cursor, fingerprint)));
        }
        Query query = Query.query(new Criteria().andOperator(and))
                .with(Sort.by(Sort.Direction.DESC, "listedAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(limit + 1);
        return store.template().find(query, OfferDocument.class).collectList()
                .map(found -> Keyset.page(found, limit, o -> Keyset.position(o.listedAt(), o.id()), cursors, fingerprint));
    }

    /** One offer of the catalogue: published and inside its window, otherwise not found. */
    public Mono<OfferDocument> catalogueOffer(String id) {
        return any(id).filter(o -> o.effectiveStatus(clock.instant()) == OfferStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", id)));
    }

    private static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (text.length() > MAX_QUERY) {
            throw ApiProblem.validation("q must be at most " + MAX_QUERY + " characters.");
        }
        List<String> terms = new ArrayList<>();
        for (String t : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!t.isEmpty() && !terms.contains(t)) {
                terms.add(t);
            }
        }
        if (terms.size() > MAX_TERMS) {
            throw ApiProblem.validation("q may hold at most " + MAX_TERMS + " words.");
        }
        return terms;
    }

    private static org.bson.Document text(LocalizedText t) {
        return new org.bson.Document("en", t.en()).append("zhHant", t.zhHant());
    }

    private static org.bson.Document eligibility(OfferDefinition d) {
        OfferDocument.Eligibility e = OfferDocument.Eligibility.of(d.eligibility());
        org.bson.Document doc = new org.bson.Document("industries", e.industries()).append("anyIndustry", e.anyIndustry());
        if (e.requiredAchievementId() != null) {
            doc.append("requiredAchievementId", e.requiredAchievementId());
        }
        if (e.minScorecardLevel() != null) {
            doc.append("minScorecardLevel", e.minScorecardLevel().name()).append("minScorecardRank", e.minScorecardRank());
        }
        return doc;
    }
}
