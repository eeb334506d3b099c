package hk.esgone.offers.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import hk.esgone.offers.support.OffersIntegrationTest;

/** What ESG_OFFERS_DEMO_DATA=true loads at start (run here directly, twice, in the shared context). */
class DemoDataIntegrationTests extends OffersIntegrationTest {

    @Autowired
    DemoData demo;

    @Test
    @SuppressWarnings("unchecked")
    void demoOffersArePublishedAndClaimableAndLoadingTwiceChangesNothing() {
        demo.load().block(Duration.ofSeconds(30));
        demo.load().block(Duration.ofSeconds(30));
        web.get().uri("/api/v1/offers/catalogue").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[?(@.partnerId == 'cmp-demo-partner')].id").value(ids -> assertThat((java.util.List<?>) ids).hasSize(2))
                .jsonPath("$.items[?(@.partnerId == 'cmp-demo-partner-2')].id").value(ids -> assertThat((java.util.List<?>) ids).hasSize(2))
                .jsonPath("$.items[?(@.eligibility.requiredAchievementId == 'ach-scorecard-gold-2026')].id")
                .value(ids -> assertThat((java.util.List<Object>) ids).containsExactly("off-demo-gold-cashback"));
        assertThat(count("pool_codes", com.mongodb.client.model.Filters.eq("offerId", "off-demo-freight-500"))).isEqualTo(20);
        claimOk(smeA(), "off-demo-bank-fees");
        claimOk(smeA(), "off-demo-freight-500");
        claim(smeA(), "off-demo-gold-cashback", newKey()).expectStatus().isForbidden();
        UPSTREAMS.validBadge(SME_A, GOLD, "GOLD");
        assertThat(claimOk(smeA(), "off-demo-gold-cashback").get("redemptionLink").toString())
                .startsWith("https://partner.example/esg-one/cashback?ref=");
    }
}
