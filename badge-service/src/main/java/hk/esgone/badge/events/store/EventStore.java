package hk.esgone.badge.events.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.badge.events.BadgeEvent;
import hk.esgone.badge.events.BadgeEventType;
import hk.esgone.badge.issuing.store.IssuedBadgeDocument;
import hk.esgone.badge.support.store.Counters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code badge_events} collection and the badges' outboxes: moves outbox entries onto the feed (numbered by an
 * atomic counter; a unique {@code eventId} makes a second publication of the same entry a no-op) and removes them
 * from the outbox.
 */
@Component
public class EventStore {

    private final ReactiveMongoTemplate mongo;
    private final Counters counters;
    private final Clock clock;

    public EventStore(ReactiveMongoTemplate mongo, Counters counters, Clock clock) {
        this.mongo = mongo;
        this.counters = counters;
        this.clock = clock;
    }

    public Mono<String> createIndexes() {
        return mongo.indexOps(BadgeEventDocument.class).createIndex(new Index("eventId", Sort.Direction.ASC).unique());
    }

    /** Publishes the badge's outbox entries, oldest first. */
    public Mono<Void> publishOutbox(String badgeId) {
        return mongo.findById(badgeId, IssuedBadgeDocument.class)
                .flatMapMany(badge -> Flux.fromIterable(badge.outbox() == null ? List.<IssuedBadgeDocument.OutboxEntry>of() : badge.outbox())
                        .concatMap(entry -> publish(badge, entry)))
                .then();
    }

    private Mono<Void> publish(IssuedBadgeDocument badge, IssuedBadgeDocument.OutboxEntry entry) {
        Instant now = clock.instant();
        return counters.next("badge-events")
                .flatMap(seq -> mongo.insert(new BadgeEventDocument(seq, entry.eventId(), BadgeEventType.valueOf(entry.type()),
                        entry.occurredAt(), now, BadgeEvent.State.of(badge.toBadge(), now))))
                .then()
                .onErrorResume(DuplicateKeyException.class, alreadyPublished -> Mono.empty())
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(badge.id())),
                        new Update().pull("outbox", Query.query(Criteria.where("eventId").is(entry.eventId())).getQueryObject()),
                        IssuedBadgeDocument.class))
                .then();
    }

    /** Ids of badges with an outbox entry older than {@code cutoff} (at most 500). */
    public Flux<String> badgesWithOutboxBefore(Instant cutoff) {
        Query stale = Query.query(Criteria.where("outbox.occurredAt").lt(cutoff)).limit(500);
        stale.fields().include("_id");
        return mongo.find(stale, org.bson.Document.class, mongo.getCollectionName(IssuedBadgeDocument.class))
                .map(b -> b.getString("_id"));
    }

    /** Up to {@code limit} events with a sequence number above {@code after}, in order. */
    public Flux<BadgeEvent> after(long after, int limit) {
        Query query = Query.query(Criteria.where("_id").gt(after)).with(Sort.by("_id")).limit(limit);
        return mongo.find(query, BadgeEventDocument.class).map(BadgeEventDocument::toEvent);
    }
}
