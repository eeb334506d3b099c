package hk.esgone.badge.issuing.web;

import java.time.Instant;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.issuing.IssuedBadge;
import hk.esgone.badge.support.Bilingual;

/** One badge in the holders answer and in events (docs/contracts.md); {@code companyId} only in events. */
public record HeldBadge(
        String id,
        String achievementId,
        AchievementKind achievementKind,
        ScorecardLevel scorecardLevel,
        Bilingual name,
        BadgeStatus status,
        Instant validFrom,
        Instant validUntil) {

    static HeldBadge of(IssuedBadge b, Instant now) {
        return new HeldBadge(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(), b.name(), b.statusAt(now),
                b.validFrom(), b.validUntil());
    }
}
