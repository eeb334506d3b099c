package hk.esgone.badge.events;

import java.time.Instant;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.issuing.IssuedBadge;
import hk.esgone.badge.support.Bilingual;

/** One event on the feed, numbered by {@code seq}; {@code recordedAt} is when it was written (for gap handling). */
public record BadgeEvent(long seq, String eventId, BadgeEventType type, Instant occurredAt, Instant recordedAt, State badge) {

    /** The badge's full state when the event was published (docs/contracts.md). */
    public record State(String id, String achievementId, AchievementKind achievementKind, ScorecardLevel scorecardLevel,
                        Bilingual name, BadgeStatus status, Instant validFrom, Instant validUntil, String companyId) {

        public static State of(IssuedBadge b, Instant now) {
            return new State(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(), b.name(), b.statusAt(now),
                    b.validFrom(), b.validUntil(), b.holder().companyId());
        }
    }
}
