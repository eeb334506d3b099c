package hk.esgone.offers.claim.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.ClaimStatus;
import hk.esgone.offers.support.Keyset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claims in Mongo: written once (unique id, {@code requestId} and {@code codeKey}), then moved between statuses
 * by updates conditional on the status they leave; the lists (by effective status: CANCELLING reads as
 * CANCELLED), the figures' counts and the sweep's expiry.
 */
@Component
public class ClaimStore {

    static final List<String> VISIBLE = List.of(ClaimStatus.ACTIVE.name(), ClaimStatus.REDEEMED.name(), ClaimStatus.EXPIRED.name(),
            ClaimStatus.CANCELLING.name(), ClaimStatus.CANCELLED.name());

    private final ReactiveMongoTemplate mongo;

    public ClaimStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ClaimDocument> insert(ClaimDocument claim) {
        return mongo.insert(claim);
    }

    public Mono<ClaimDocument> byId(String claimId) {
        return mongo.findById(claimId, ClaimDocument.class);
    }

    public Mono<ClaimDocument> byRequest(String requestId) {
        return mongo.findOne(Query.query(Criteria.where("requestId").is(requestId)), ClaimDocument.class);
    }

    public Mono<ClaimDocument> byCodeKey(String codeKey) {
        return mongo.findOne(Query.query(Criteria.where("codeKey").is(codeKey)), ClaimDocument.class);
    }

    /** ACTIVE and unexpired → CANCELLING; false when the claim was not in that state. */
    public Mono<Boolean> markCancelling(String claimId, Instant now) {
        return update(Filters.and(Filters.eq("_id", claimId), Filters.eq("status", ClaimStatus.ACTIVE.name()), Filters.gt("redeemBy", Date.from(now))),
                Updates.combine(Updates.set("status", ClaimStatus.CANCELLING.name()), Updates.set("cancelRequestedAt", Date.from(now))));
    }

    /** CANCELLING → CANCELLED. */
    public Mono<Boolean> markCancelled(String claimId, Instant now) {
        return update(Filters.and(Filters.eq("_id", claimId), Filters.eq("status", ClaimStatus.CANCELLING.name())),
                Updates.combine(Updates.set("status", ClaimStatus.CANCELLED.name()), Updates.set("cancelledAt", Date.from(now))));
    }

    /** ACTIVE and unexpired → REDEEMED by {@code subject}; false when the claim was not in that state. */
    public Mono<Boolean> markRedeemed(String claimId, Instant now, String subject) {
        return update(Filters.and(Filters.eq("_id", claimId), Filters.eq("status", ClaimStatus.ACTIVE.name()), Filters.gt("redeemBy", Date.from(now))),
                Updates.combine(Updates.set("status", ClaimStatus.REDEEMED.name()), Updates.set("redeemedAt", Date.from(now)),
                        Updates.set("redeemedBy", subject)));
    }

    /** Claims whose cancel was requested before {@code cutoff} and never finished. */
    public Flux<ClaimDocument> cancellingSince(Instant cutoff) {
        return mongo.find(Query.query(Criteria.where("status").is(ClaimStatus.CANCELLING.name()).and("cancelRequestedAt").lt(Date.from(cutoff))),
                ClaimDocument.class);
    }

    /** Claims of an offer with one of these stored statuses. */
    public Mono<Long> count(String offerId, List<ClaimStatus> statuses) {
        return claims().flatMap(c -> Mono.from(c.countDocuments(
                Filters.and(Filters.eq("offerId", offerId), Filters.in("status", statuses.stream().map(Enum::name).toList())))));
    }

    /** A company's claims, newest first, after a keyset position (or from the start); {@code count} at most. */
    public Mono<List<ClaimDocument>> ofCompany(String companyId, ClaimStatus status, Instant now, String after, int count) {
        return newestFirst(Criteria.where("companyId").is(companyId), status, now, after, count);
    }

    /** Claims on a partner's offers (one offer, or all when {@code offerId} is null). */
    public Mono<List<ClaimDocument>> ofPartner(String partnerId, String offerId, ClaimStatus status, Instant now, String after, int count) {
        Criteria criteria = Criteria.where("partnerId").is(partnerId);
        if (offerId != null) {
            criteria = criteria.and("offerId").is(offerId);
        }
        return newestFirst(criteria, status, now, after, count);
    }

    /** Every visible claim of an offer, oldest first, for the CSV export. */
    public Flux<ClaimDocument> allOfOffer(String offerId) {
        return mongo.find(Query.query(Criteria.where("offerId").is(offerId).and("status").in(VISIBLE))
                .with(Sort.by(Sort.Direction.ASC, "claimedAt").and(Sort.by(Sort.Direction.ASC, "_id"))), ClaimDocument.class);
    }

    /** How many visible claims of the offer were made on one day (Hong Kong time) and have one stored status. */
    public record DayStatusCount(String day, ClaimStatus status, long count) {
    }

    public Mono<List<DayStatusCount>> countsByDayAndStatus(String offerId) {
        return claims()
                .flatMapMany(c -> Flux.from(c.aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq("offerId", offerId), Filters.in("status", VISIBLE))),
                        Aggregates.group(new Document("day", "$claimDay").append("status", "$status"), Accumulators.sum("n", 1))))))
                .map(g -> {
                    Document key = g.get("_id", Document.class);
                    return new DayStatusCount(key.getString("day"), ClaimStatus.valueOf(key.getString("status")), ((Number) g.get("n")).longValue());
                })
                .collectList();
    }

    /** Persists what the clock already decided: unredeemed claims past their redeem-by date are EXPIRED. */
    public Mono<Long> expireEnded(Instant now) {
        return claims().flatMap(c -> Mono.from(c.updateMany(
                        Filters.and(Filters.eq("status", ClaimStatus.ACTIVE.name()), Filters.lte("redeemBy", Date.from(now))),
                        Updates.set("status", ClaimStatus.EXPIRED.name()))))
                .map(r -> r.getModifiedCount());
    }

    private Mono<Boolean> update(org.bson.conversions.Bson filter, org.bson.conversions.Bson update) {
        return claims().flatMap(c -> Mono.from(c.updateOne(filter, update))).map(r -> r.getModifiedCount() == 1);
    }

    private Mono<List<ClaimDocument>> newestFirst(Criteria base, ClaimStatus status, Instant now, String after, int count) {
        List<Criteria> and = new ArrayList<>();
        and.add(base);
        and.add(statusCriteria(status, now));
        if (after != null) {
            and.add(Keyset.after("claimedAt", after));
        }
        Query query = Query.query(new Criteria().andOperator(and))
                .with(Sort.by(Sort.Direction.DESC, "claimedAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(count);
        return mongo.find(query, ClaimDocument.class).collectList();
    }

    /** By effective status: ACTIVE past its redeem-by date is EXPIRED, CANCELLING is CANCELLED. */
    private static Criteria statusCriteria(ClaimStatus status, Instant now) {
        Date at = Date.from(now);
        if (status == null) {
            return Criteria.where("status").in(VISIBLE);
        }
        return switch (status) {
            case ACTIVE -> Criteria.where("status").is(ClaimStatus.ACTIVE.name()).and("redeemBy").gt(at);
            case EXPIRED -> new Criteria().orOperator(Criteria.where("status").is(ClaimStatus.EXPIRED.name()),
                    Criteria.where("status").is(ClaimStatus.ACTIVE.name()).and("redeemBy").lte(at));
            case CANCELLED, CANCELLING -> Criteria.where("status").in(ClaimStatus.CANCELLED.name(), ClaimStatus.CANCELLING.name());
            case REDEEMED -> Criteria.where("status").is(ClaimStatus.REDEEMED.name());
        };
    }

    private Mono<MongoCollection<Document>> claims() {
        return mongo.getCollection(ClaimDocument.COLLECTION);
    }
}
