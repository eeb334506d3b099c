package hk.esgone.offers.pageviews.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import hk.esgone.offers.support.MongoErrors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Page views of offers, one small document per offer and Hong Kong day: {@code _id = offerId|yyyy-MM-dd}, a
 * counter and nothing about who looked. Keyed by {@code _id} so the upsert and the range read use the primary
 * index (an offer id never contains '|', and dates of one width sort as text).
 */
@Component
public class OfferViewStore {

    public static final String COLLECTION = "offer_views";

    private final ReactiveMongoTemplate mongo;

    public OfferViewStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds one view; a duplicate key (two first views of the day at once) is retried once, as an increment. */
    public Mono<Void> increment(String offerId, String day) {
        Mono<Void> upsert = mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", offerId + "|" + day),
                Updates.combine(Updates.inc("views", 1L), Updates.setOnInsert("offerId", offerId), Updates.setOnInsert("day", day)),
                new UpdateOptions().upsert(true)))).then();
        return upsert.onErrorResume(MongoErrors::isDuplicateKey, e -> upsert);
    }

    /** Views per day from {@code fromDay} to {@code toDay} (inclusive), only days with views, oldest first. */
    public Mono<Map<String, Long>> perDay(String offerId, String fromDay, String toDay) {
        return mongo.getCollection(COLLECTION)
                .flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.gte("_id", offerId + "|" + fromDay), Filters.lte("_id", offerId + "|" + toDay)))
                        .sort(Sorts.ascending("_id"))))
                .collect(LinkedHashMap<String, Long>::new, (m, d) -> m.put(day(d), ((Number) d.get("views")).longValue()))
                .map(m -> (Map<String, Long>) m);
    }

    private static String day(Document d) {
        String id = d.getString("_id");
        return id.substring(id.indexOf('|') + 1);
    }
}
