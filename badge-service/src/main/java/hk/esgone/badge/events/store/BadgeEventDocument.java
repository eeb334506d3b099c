package hk.esgone.badge.events.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.events.BadgeEvent;
import hk.esgone.badge.events.BadgeEventType;

/** One event of the feed as stored, numbered by {@code seq} (the document id). */
@Document("badge_events")
public record BadgeEventDocument(@Id long seq, String eventId, BadgeEventType type, Instant occurredAt, Instant recordedAt,
                                 BadgeEvent.State badge) {

    BadgeEvent toEvent() {
        return new BadgeEvent(seq, eventId, type, occurredAt, recordedAt, badge);
    }
}
