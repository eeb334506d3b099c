package hk.esgone.badge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class DemoDataIntegrationTests extends BadgeServiceIntegrationTest {

    @Autowired
    DemoData demo;

    @Test
    void seedsTheDemoAchievementsAndBadgesOnceWhateverHowOftenItRuns() {
        demo.seedAll().block(Duration.ofSeconds(60));
        demo.seedAll().block(Duration.ofSeconds(60));

        for (String id : new String[] {"ach-esg-one-ebadge", "ach-scorecard-gold-2026", "ach-cleaner-production-partner-2026",
                "ach-green-directory-listed"}) {
            assertThat(getJson("/api/v1/badges/achievements/" + id).path("bilingual").path("name").path("zhHant").asString()).isNotBlank();
        }
        assertThat(getJson("/api/v1/badges/achievements/ach-scorecard-gold-2026").path("bilingual").path("scorecardLevel").asString())
                .isEqualTo("GOLD");

        JsonNode supplier = getJson("/api/v1/badges/holders/cmp-demo-supplier").path("badges");
        assertThat(supplier).hasSize(4);
        assertThat(supplier.findValuesAsString("status")).containsOnly("VALID");
        assertThat(supplier.findValuesAsString("scorecardLevel")).contains("GOLD");

        JsonNode supplier2 = getJson("/api/v1/badges/holders/cmp-demo-supplier-2").path("badges");
        assertThat(supplier2).hasSize(3);
        assertThat(supplier2.findValuesAsString("status")).contains("VALID", "REVOKED");
        assertThat(getJson("/api/v1/badges/verify/bdg-demo-supplier-2-gold-2026").path("status").asString()).isEqualTo("REVOKED");
        assertThat(getJson("/api/v1/badges/holders?brNumber=11226648").path("companyId").asString()).isEqualTo("cmp-demo-supplier");
    }
}
