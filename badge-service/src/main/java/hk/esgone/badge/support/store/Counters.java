package hk.esgone.badge.support.store;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Named sequences in one collection; each {@link #next} is one atomic increment. */
@Component
public class Counters {


    private final ReactiveMongoTemplate mongo;

    protected Counters(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next value of the sequence, starting at 1. */
    public Mono<Long> next(String name) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, "counters")
                .map(doc -> ((Number) doc.get("value")).longValue());
    }
}
