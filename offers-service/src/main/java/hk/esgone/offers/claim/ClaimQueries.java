package hk.esgone.offers.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.support.Keyset;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists and figures over claims. CANCELLING (a cancel in progress) reads as CANCELLED. */
@Component
public class ClaimQueries {

    static final List<String> VISIBLE = List.of(ClaimStatus.ACTIVE.name(), ClaimStatus.REDEEMED.name(), ClaimStatus.EXPIRED.name(),
            ClaimStatus.CANCELLING.name(), ClaimStatus.CANCELLED.name());

    private final ReactiveMongoTemplate mongo;
    private final CursorCodec cursors;
    private final Clock clock;

    ClaimQueries(ReactiveMongoTemplate mongo, CursorCodec cursors, Clock clock) {
        this.mongo = mongo;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** A company's claims, newest first. */
    public Mono<Page<ClaimDocument>> ofCompany(String companyId, ClaimStatus status, String cursor, int limit) {
        return list(Criteria.where("companyId").is(companyId), status, "company|" + companyId, cursor, limit);
    }

    /** Claims on a partner's offers (one offer, or all), newest first. */
    public Mono<Page<ClaimDocument>> ofPartner(String partnerId, String offerId, ClaimStatus status, String cursor, int limit) {
        Criteria criteria = Criteria.where("partnerId").is(partnerId);
        if (offerId != null) {
            criteria = criteria.and("offerId").is(offerId);
        }
        return list(criteria, status, "partner|" + partnerId + "|" + offerId, cursor, limit);
    }

    /** Every visible claim of an offer, oldest first, for the CSV export. */
    public Flux<ClaimDocument> allOfOffer(String offerId) {
        return mongo.find(Query.query(Criteria.where("offerId").is(offerId).and("status").in(VISIBLE))
                .with(Sort.by(Sort.Direction.ASC, "claimedAt").and(Sort.by(Sort.Direction.ASC, "_id"))), ClaimDocument.class);
    }

    private Mono<Page<ClaimDocument>> list(Criteria base, ClaimStatus status, String scope, String cursor, int limit) {
        Instant now = clock.instant();
        List<Criteria> and = new ArrayList<>();
        and.add(base);
        and.add(statusCriteria(status, now));
        String fingerprint = scope + "|" + status;
        if (cursor != null) {
            and.add(Keyset.after("claimedAt", cursors.decode(cursor, fingerprint)));
        }
        Query query = Query.query(new Criteria().andOperator(and))
                .with(Sort.by(Sort.Direction.DESC, "claimedAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(limit + 1);
        return mongo.find(query, ClaimDocument.class).collectList()
                .map(found -> Keyset.page(found, limit, c -> Keyset.position(c.claimedAt(), c.id()), cursors, fingerprint));
    }

    /** By effective status: ACTIVE past its redeem-by date is EXPIRED, CANCELLING is CANCELLED. */
    private static Criteria statusCriteria(ClaimStatus status, Instant now) {
        java.util.Date at = java.util.Date.from(now);
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

    public record DayCount(String date, long claims) {
    }

    /**
     * @param claimed        claims that hold a place (active, redeemed, expired)
     * @param redemptionRate redeemed / claimed, 0 when nothing was claimed
     * @param claimsPerDay   claims made per day (Hong Kong time), including those later cancelled
     */
    public record Figures(String offerId, OfferStatus status, int quota, int remaining, long claimed, long active, long redeemed,
                          long cancelled, long expired, BigDecimal redemptionRate, String timeZone, List<DayCount> claimsPerDay) {
    }

    public Mono<Figures> figures(OfferDocument offer) {
        Instant now = clock.instant();
        boolean ended = !now.isBefore(offer.validUntil());
        return mongo.getCollection(ClaimDocument.COLLECTION)
                .flatMapMany(c -> Flux.from(c.aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq("offerId", offer.id()), Filters.in("status", VISIBLE))),
                        Aggregates.group(new Document("day", "$claimDay").append("status", "$status"), Accumulators.sum("n", 1))))))
                .collectList()
                .map(groups -> {
                    Map<String, Long> perDay = new TreeMap<>();
                    long active = 0;
                    long redeemed = 0;
                    long cancelled = 0;
                    long expired = 0;
                    for (Document g : groups) {
                        Document key = g.get("_id", Document.class);
                        long n = ((Number) g.get("n")).longValue();
                        perDay.merge(key.getString("day"), n, Long::sum);
                        switch (ClaimStatus.valueOf(key.getString("status"))) {
                            case ACTIVE -> {
                                if (ended) {
                                    expired += n;
                                } else {
                                    active += n;
                                }
                            }
                            case REDEEMED -> redeemed += n;
                            case EXPIRED -> expired += n;
                            case CANCELLING, CANCELLED -> cancelled += n;
                        }
                    }
                    long claimed = active + redeemed + expired;
                    BigDecimal rate = claimed == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(redeemed).divide(BigDecimal.valueOf(claimed), 4, RoundingMode.HALF_UP);
                    List<DayCount> days = perDay.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
                    return new Figures(offer.id(), offer.effectiveStatus(now), offer.quota(), Math.max(0, offer.remaining()), claimed, active,
                            redeemed, cancelled, expired, rate, ClaimService.DAY_ZONE.getId(), days);
                });
    }
}
