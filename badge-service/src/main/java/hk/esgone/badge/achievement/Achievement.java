package hk.esgone.badge.achievement;

import java.time.Instant;
import java.time.Period;

import hk.esgone.badge.support.Bilingual;

/** A badge type. {@code validity} is an ISO-8601 period such as {@code P1Y}. */
public record Achievement(
        String id,
        AchievementKind kind,
        Bilingual name,
        Bilingual description,
        Bilingual criteria,
        String criteriaUrl,
        String imageUrl,
        String validity,
        ScorecardLevel scorecardLevel,
        boolean archived,
        Instant createdAt,
        Instant updatedAt) {

    public Period validityPeriod() {
        return Period.parse(validity);
    }
}
