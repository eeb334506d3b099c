package hk.esgone.badge.achievement.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.support.Bilingual;

/** A badge type as stored. */
@Document("achievements")
record AchievementDocument(
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

    static AchievementDocument of(Achievement a) {
        return new AchievementDocument(a.id(), a.kind(), a.name(), a.description(), a.criteria(), a.criteriaUrl(), a.imageUrl(),
                a.validity(), a.scorecardLevel(), a.archived(), a.createdAt(), a.updatedAt());
    }

    Achievement toAchievement() {
        return new Achievement(id, kind, name, description, criteria, criteriaUrl, imageUrl, validity, scorecardLevel, archived,
                createdAt, updatedAt);
    }
}
