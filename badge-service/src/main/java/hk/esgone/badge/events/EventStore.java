package hk.esgone.badge.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.badge.badge.BadgeDocument;
import hk.esgone.badge.common.Counters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ordered event feed. A change writes its event into the badge's {@code outbox} in the same update; this
 * class moves outbox entries onto the feed (numbered by an atomic counter; a unique {@code eventId} makes a
 * second publication of the same entry a no-op) and removes them from the outbox.
 * <p>
 * Sequence numbers can commit out of order (a writer that took 5 may insert after one that took 6), so the feed
 * never hands out an event that follows a hole unless the hole is older than {@link #GAP_GRACE}: a reader
 * never skips an event that is still being written.
 */
@Component
public class EventStore {

    static final Duration GAP_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(EventStore.class);

    /** One page of the feed. */
    public record Slice(List<BadgeEvent> events, long next) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Counters counters;
    private final Clock clock;

    public EventStore(ReactiveMongoTemplate mongo, Counters counters, Clock clock) {
        this.mongo = mongo;
        this.counters = counters;
        this.clock = clock;
    }

    public Mono<String> createIndexes() {
        return mongo.indexOps(BadgeEvent.class).createIndex(new Index("eventId", Sort.Direction.ASC).unique());
    }

    /** Publishes the badge's outbox entries, oldest first. */
    public Mono<Void> publishOutbox(String badgeId) {
        return mongo.findById(badgeId, BadgeDocument.class)
                .flatMapMany(badge -> Flux.fromIterable(badge.outbox() == null ? List.<BadgeDocument.OutboxEntry>of() : badge.outbox())
                        .concatMap(entry -> publish(badge, entry)))
                .then();
    }

    private Mono<Void> publish(BadgeDocument badge, BadgeDocument.OutboxEntry entry) {
        Instant now = clock.instant();
        return counters.next("badge-events")
                .flatMap(seq -> mongo.insert(new BadgeEvent(seq, entry.eventId(), BadgeEventType.valueOf(entry.type()),
                        entry.occurredAt(), now, BadgeEvent.State.of(badge, now))))
                .then()
                .onErrorResume(DuplicateKeyException.class, alreadyPublished -> Mono.empty())
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(badge.id())),
                        new Update().pull("outbox", Query.query(Criteria.where("eventId").is(entry.eventId())).getQueryObject()),
                        BadgeDocument.class))
                .then();
    }

    /** Publishes outbox entries older than {@code olderThan}, left behind by a writer that stopped half-way. */
    public Mono<Long> relayStale(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        Query stale = Query.query(Criteria.where("outbox.occurredAt").lt(cutoff)).limit(500);
        stale.fields().include("_id");
        return mongo.find(stale, org.bson.Document.class, mongo.getCollectionName(BadgeDocument.class))
                .concatMap(b -> publishOutbox(b.getString("_id")).thenReturn(1))
                .count()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Relayed the outbox of {} badge(s)", n);
                    }
                });
    }

    /** Events after {@code after}, at most {@code limit}, stopping before a hole that may still be filled. */
    public Mono<Slice> read(long after, int limit) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(limit);
        return mongo.find(query, BadgeEvent.class).collectList().map(found -> {
            List<BadgeEvent> events = new ArrayList<>();
            long expected = after + 1;
            for (BadgeEvent event : found) {
                if (event.seq() != expected && event.recordedAt().plus(GAP_GRACE).isAfter(now)) {
                    break; // a hole that may still be filled: stop here, the reader comes back
                }
                events.add(event);
                expected = event.seq() + 1;
            }
            long next = events.isEmpty() ? after : events.getLast().seq();
            return new Slice(events, next);
        });
    }
}
