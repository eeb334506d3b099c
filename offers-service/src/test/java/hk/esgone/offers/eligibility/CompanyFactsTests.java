package hk.esgone.offers.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import hk.esgone.offers.upstream.CompanyBadges;
import hk.esgone.offers.upstream.CompanyProfile;

class CompanyFactsTests {

    private final Instant now = Instant.parse("2026-06-01T00:00:00Z");

    private CompanyBadges.HeldBadge badge(String achievement, String kind, String level, String status, Instant until) {
        return new CompanyBadges.HeldBadge("bdg-1", achievement, kind, level, status, now.minusSeconds(86_400), until);
    }

    @Test
    void onlyBadgesValidNowCount() {
        CompanyBadges holdings = new CompanyBadges("cmp-x", List.of(
                badge("ach-a", "E_BADGE", null, "VALID", now.plusSeconds(60)),
                badge("ach-b", "E_BADGE", null, "SUSPENDED", now.plusSeconds(60)),
                badge("ach-c", "E_BADGE", null, "VALID", now.minusSeconds(1)),
                badge("ach-gold", "SCORECARD_LEVEL", "GOLD", "VALID", now.plusSeconds(60)),
                badge("ach-plat", "SCORECARD_LEVEL", "PLATINUM", "REVOKED", now.plusSeconds(60))));
        CompanyFacts facts = CompanyFacts.from(Optional.of(holdings), Optional.empty(), now);
        assertThat(facts.validAchievementIds()).containsExactlyInAnyOrder("ach-a", "ach-gold");
        assertThat(facts.bestLevel()).isEqualTo(ScorecardLevel.GOLD);
        assertThat(facts.unmet(new EligibilityRule("ach-a", ScorecardLevel.GOLD, List.of()))).isEmpty();
        assertThat(facts.unmet(new EligibilityRule("ach-b", null, List.of()))).hasSize(1);
        assertThat(facts.unmet(new EligibilityRule(null, ScorecardLevel.PLATINUM, List.of()))).hasSize(1);
    }

    @Test
    void anUnknownPartNeverMakesACompanyEligible() {
        CompanyFacts unknown = CompanyFacts.from(Optional.empty(), Optional.empty(), now);
        assertThat(unknown.unmet(new EligibilityRule("ach-a", null, List.of()))).isNotEmpty();
        assertThat(unknown.unmet(new EligibilityRule(null, null, List.of("C")))).isNotEmpty();
        assertThat(unknown.unmet(new EligibilityRule(null, null, List.of()))).isEmpty();
        CompanyFacts inC = CompanyFacts.from(Optional.empty(),
                Optional.of(Optional.of(new CompanyProfile("cmp-x", "SUPPLIER", new CompanyProfile.Industry("c"), null, "PUBLISHED"))), now);
        assertThat(inC.unmet(new EligibilityRule(null, null, List.of("C", "F")))).isEmpty();
        assertThat(inC.unmet(new EligibilityRule(null, null, List.of("G")))).isNotEmpty();
    }
}
