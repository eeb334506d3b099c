package hk.esgone.badge.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.badge.events.store.EventStore;
import reactor.core.publisher.Mono;

/**
 * The ordered event feed. A change writes its event into the badge's outbox in the same update; publishing moves
 * outbox entries onto the feed (see {@link EventStore}).
 * <p>
 * Sequence numbers can commit out of order (a writer that took 5 may insert after one that took 6), so the feed
 * never hands out an event that follows a hole unless the hole is older than {@link #GAP_GRACE}: a reader
 * never skips an event that is still being written.
 */
@Component
public class EventFeed {

    static final Duration GAP_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    /** One page of the feed. */
    public record Slice(List<BadgeEvent> events, long next) {
    }

    private final EventStore store;
    private final Clock clock;

    public EventFeed(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Publishes the badge's outbox entries, oldest first. */
    public Mono<Void> publishOutbox(String badgeId) {
        return store.publishOutbox(badgeId);
    }

    /** Publishes outbox entries older than {@code olderThan}, left behind by a writer that stopped half-way. */
    public Mono<Long> relayStale(Duration olderThan) {
        return store.badgesWithOutboxBefore(clock.instant().minus(olderThan))
                .concatMap(id -> publishOutbox(id).thenReturn(1))
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
        return store.after(after, limit).collectList().map(found -> {
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
