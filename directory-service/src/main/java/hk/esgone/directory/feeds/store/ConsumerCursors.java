package hk.esgone.directory.feeds.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** Where each event feed this service follows was read up to ({@code consumer_cursors}). */
@Repository
public class ConsumerCursors {

    @Document("consumer_cursors")
    public record ConsumerCursor(@Id String id, String cursor, String lastEventId, Instant updatedAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ConsumerCursors(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The feed's cursor, or "" before the first event. */
    public Mono<String> current(String feed) {
        return mongo.findById(feed, ConsumerCursor.class).map(c -> c.cursor() == null ? "" : c.cursor()).defaultIfEmpty("");
    }

    /** Moves the feed's cursor; {@code eventId} (optional) names the event just applied. */
    public Mono<Void> save(String feed, String cursor, String eventId) {
        Update update = new Update().set("cursor", cursor).set("updatedAt", clock.instant());
        if (eventId != null) {
            update.set("lastEventId", eventId);
        }
        return mongo.upsert(query(where("_id").is(feed)), update, ConsumerCursor.class).then();
    }
}
