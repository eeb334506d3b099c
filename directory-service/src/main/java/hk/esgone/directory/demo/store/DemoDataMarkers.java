package hk.esgone.directory.demo.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** The marker in {@code meta} that records that the demo directory was loaded. */
@Repository
public class DemoDataMarkers {

    private static final String MARKER = "demo-data";

    @Document("meta")
    record Marker(@Id String id, int count, long seed, Instant loadedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    DemoDataMarkers(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Boolean> loaded() {
        return mongo.exists(query(where("_id").is(MARKER)), Marker.class);
    }

    public Mono<Void> markLoaded(int count, long seed, Instant at) {
        return mongo.save(new Marker(MARKER, count, seed, at)).then();
    }
}
