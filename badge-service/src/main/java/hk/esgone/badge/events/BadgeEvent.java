package hk.esgone.badge.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.badge.BadgeDocument;
import hk.esgone.badge.badge.BadgeStatus;
import hk.esgone.badge.common.Bilingual;

/** One event on the feed, numbered by {@code seq}; {@code recordedAt} is when it was written (for gap handling). */
@Document("badge_events")
record BadgeEvent(@Id long seq, String eventId, BadgeEventType type, Instant occurredAt, Instant recordedAt, State badge) {

    /** The badge's full state when the event was published (docs/contracts.md). */
    record State(String id, String achievementId, AchievementKind achievementKind, ScorecardLevel scorecardLevel,
                 Bilingual name, BadgeStatus status, Instant validFrom, Instant validUntil, String companyId) {

        static State of(BadgeDocument b, Instant now) {
            return new State(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(), b.name(), b.statusAt(now),
                    b.validFrom(), b.validUntil(), b.holder().companyId());
        }
    }
}
