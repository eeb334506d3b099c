package hk.esgone.offers.eligibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import hk.esgone.offers.upstream.CompanyBadges;
import hk.esgone.offers.upstream.CompanyProfile;

/**
 * What is known about a company for eligibility: the achievements it holds VALID now, its best
 * scorecard level, its industry. A part that could not be learnt is marked unknown, and an unknown part
 * never makes a company eligible.
 */
public record CompanyFacts(boolean badgesKnown, Set<String> validAchievementIds, ScorecardLevel bestLevel,
                           boolean industryKnown, String industryCode) {

    public static CompanyFacts from(Optional<CompanyBadges> holdings, Optional<Optional<CompanyProfile>> profile, Instant now) {
        Set<String> achievements = new HashSet<>();
        ScorecardLevel best = null;
        if (holdings.isPresent()) {
            for (CompanyBadges.HeldBadge badge : holdings.get().badges()) {
                if (!badge.isValidAt(now)) {
                    continue;
                }
                if (badge.achievementId() != null) {
                    achievements.add(badge.achievementId());
                }
                ScorecardLevel level = "SCORECARD_LEVEL".equals(badge.achievementKind()) ? ScorecardLevel.parse(badge.scorecardLevel()) : null;
                if (level != null && (best == null || level.compareTo(best) > 0)) {
                    best = level;
                }
            }
        }
        String industry = profile.flatMap(p -> p).map(CompanyProfile::industryCode).map(String::toUpperCase).orElse(null);
        return new CompanyFacts(holdings.isPresent(), Set.copyOf(achievements), best, profile.isPresent(), industry);
    }

    /** Why the company may not claim under {@code rule}; empty when it may. */
    public List<String> unmet(EligibilityRule rule) {
        List<String> reasons = new ArrayList<>();
        if (rule.requiredAchievementId() != null && !validAchievementIds.contains(rule.requiredAchievementId())) {
            reasons.add("Requires a valid '" + rule.requiredAchievementId() + "' badge.");
        }
        if (rule.minScorecardLevel() != null && (bestLevel == null || bestLevel.compareTo(rule.minScorecardLevel()) < 0)) {
            reasons.add("Requires a valid ESG scorecard badge of level " + rule.minScorecardLevel() + " or higher.");
        }
        if (rule.needsIndustry() && (industryCode == null || !rule.industries().contains(industryCode))) {
            reasons.add("Open to companies in industries " + String.join(", ", rule.industries())
                    + (industryCode == null ? "; your company has no published directory profile with an industry." : "."));
        }
        return reasons;
    }
}
