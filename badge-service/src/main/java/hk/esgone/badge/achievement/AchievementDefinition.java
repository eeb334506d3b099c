package hk.esgone.badge.achievement;

import hk.esgone.badge.support.Bilingual;

/**
 * What an admin defines about a badge type (texts already trimmed).
 *
 * @param id             {@code ach-} + slug; generated from the English name when null (create only)
 * @param validity       ISO-8601 period, e.g. {@code P1Y}
 * @param scorecardLevel required for, and only for, {@code SCORECARD_LEVEL}
 */
public record AchievementDefinition(
        String id,
        AchievementKind kind,
        Bilingual name,
        Bilingual description,
        Bilingual criteria,
        String criteriaUrl,
        String imageUrl,
        String validity,
        ScorecardLevel scorecardLevel) {
}
