package hk.esgone.directory.badges;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import hk.esgone.directory.feeds.FeedFollower;
import hk.esgone.directory.support.Bilingual;

/** The feed's wire format (docs/contracts.md): each event carries the badge's full current state. */
final class BadgeEvents {

    private BadgeEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Event> events, String nextCursor) implements FeedFollower.Page<Event> {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String cursor, String id, String type, Instant occurredAt, Badge badge) implements FeedFollower.Event {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Badge(String id, String achievementId, String achievementKind, String scorecardLevel, Bilingual name,
                 String status, Instant validFrom, Instant validUntil, String companyId) {
    }
}
