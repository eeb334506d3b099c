package hk.esgone.badge.achievement.web;

import java.time.Instant;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.support.Bilingual;

/** An achievement as the API shows it. */
public record AchievementView(
        String id,
        AchievementKind kind,
        ScorecardLevel scorecardLevel,
        Bilingual name,
        Bilingual description,
        Bilingual criteria,
        String criteriaUrl,
        String imageUrl,
        String validity,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {

    static AchievementView of(Achievement a) {
        return new AchievementView(a.id(), a.kind(), a.scorecardLevel(), a.name(), a.description(), a.criteria(),
                a.criteriaUrl(), a.imageUrl(), a.validity(), a.archived(), a.createdAt(), a.updatedAt());
    }
}
