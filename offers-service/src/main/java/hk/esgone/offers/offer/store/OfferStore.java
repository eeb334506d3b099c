package hk.esgone.offers.offer.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.eligibility.CompanyFacts;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferDefinition;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.support.Keyset;
import reactor.core.publisher.Mono;

/**
 * Offers in Mongo: the documents, the lifecycle's conditional updates, the lists and the catalogue query.
 * The quota (places and their markers) is {@link OfferPlaces}.
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

    /** Applies {@code update} if the offer matches {@code filter}; true when it did (the lifecycle's conditional moves). */
    public Mono<Boolean> updateIf(Bson filter, Bson update) {
        return update(filter, update);
    }

    /** Replaces the definition of a draft of the partner (quota and remaining start over: a draft has no claims). */
    public Mono<Boolean> replaceDraft(String id, String partnerId, OfferDefinition d, Instant now) {
        Bson set = Updates.combine(
                Updates.set("type", d.type().name()), Updates.set("value", d.value() == null ? null : new Decimal128(d.value())),
                Updates.set("currency", d.currency()),
                Updates.set("title", text(d.title())), Updates.set("description", text(d.description())), Updates.set("terms", text(d.terms())),
                Updates.set("category", d.category().name()),
                Updates.set("validFrom", Date.from(d.validFrom())), Updates.set("validUntil", Date.from(d.validUntil())),
                Updates.set("quota", d.quota()), Updates.set("remaining", d.quota()), Updates.set("perCompanyLimit", d.perCompanyLimit()),
                Updates.set("eligibility", eligibility(d)),
                Updates.set("redemptionMethod", d.redemptionMethod().name()), Updates.set("redemptionLink", d.redemptionLink()),
                Updates.set("searchText", d.searchText()), Updates.set("updatedAt", Date.from(now)));
        return update(Filters.and(Filters.eq("_id", id), Filters.eq("partnerId", partnerId), Filters.eq("status", OfferStatus.DRAFT.name())), set);
    }

    /**
     * Offers newest created first (of one partner, or all when {@code partnerId} is null; in one effective status,
     * or any when {@code status} is null), after a keyset position; {@code count} at most.
     */
    public Mono<List<OfferDocument>> newestCreated(String partnerId, OfferStatus status, Instant now, String after, int count) {
        List<Criteria> and = new ArrayList<>();
        if (partnerId != null) {
            and.add(Criteria.where("partnerId").is(partnerId));
        }
        if (status != null) {
            and.add(statusCriteria(status, now));
        }
        if (after != null) {
            and.add(Keyset.after("createdAt", after));
        }
        Query query = (and.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(and)))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(count);
        return mongo.find(query, OfferDocument.class).collectList();
    }

    /**
     * Published offers inside their validity window, newest listing first, with every filter given (null: any).
     * With {@code facts}, only offers the company is eligible for (unknown facts match no offer that requires them).
     */
    public Mono<List<OfferDocument>> catalogue(String partnerId, OfferType type, OfferCategory category, List<String> terms, CompanyFacts facts,
                                               Instant now, String after, int count) {
        List<Criteria> and = new ArrayList<>();
        and.add(statusCriteria(OfferStatus.PUBLISHED, now));
        if (partnerId != null) {
            and.add(Criteria.where("partnerId").is(partnerId));
        }
        if (type != null) {
            and.add(Criteria.where("type").is(type.name()));
        }
        if (category != null) {
            and.add(Criteria.where("category").is(category.name()));
        }
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
        if (after != null) {
            and.add(Keyset.after("listedAt", after));
        }
        Query query = Query.query(new Criteria().andOperator(and))
                .with(Sort.by(Sort.Direction.DESC, "listedAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(count);
        return mongo.find(query, OfferDocument.class).collectList();
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

    private static Document text(LocalizedText t) {
        return new Document("en", t.en()).append("zhHant", t.zhHant());
    }

    private static Document eligibility(OfferDefinition d) {
        OfferDocument.Eligibility e = OfferDocument.Eligibility.of(d.eligibility());
        Document doc = new Document("industries", e.industries()).append("anyIndustry", e.anyIndustry());
        if (e.requiredAchievementId() != null) {
            doc.append("requiredAchievementId", e.requiredAchievementId());
        }
        if (e.minScorecardLevel() != null) {
            doc.append("minScorecardLevel", e.minScorecardLevel().name()).append("minScorecardRank", e.minScorecardRank());
        }
        return doc;
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

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(OfferDocument.COLLECTION);
    }
}
