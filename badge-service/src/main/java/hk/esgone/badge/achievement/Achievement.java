package hk.esgone.badge.achievement;

import java.time.Instant;
import java.time.Period;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.common.Bilingual;

/** A badge type as stored. {@code validity} is an ISO-8601 period such as {@code P1Y}. */
@Document("achievements")
public record Achievement(
        @Id String id,
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
