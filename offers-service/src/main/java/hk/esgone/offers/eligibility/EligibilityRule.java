package hk.esgone.offers.eligibility;

import java.util.List;

/**
 * Who may claim an offer. Empty parts do not restrict.
 *
 * @param requiredAchievementId a badge of this achievement must be VALID now
 * @param minScorecardLevel     a VALID scorecard badge of at least this level
 * @param industries            the company's industry (directory profile) must be one of these
 */
public record EligibilityRule(String requiredAchievementId, ScorecardLevel minScorecardLevel, List<String> industries) {

    public EligibilityRule {
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    public boolean needsBadges() {
        return requiredAchievementId != null || minScorecardLevel != null;
    }

    public boolean needsIndustry() {
        return !industries.isEmpty();
    }
}
