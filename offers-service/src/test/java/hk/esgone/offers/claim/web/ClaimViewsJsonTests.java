package hk.esgone.offers.claim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.ClaimRecovery;
import hk.esgone.offers.claim.ClaimStatus;
import hk.esgone.offers.eligibility.EligibilityRule;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.offer.RedemptionMethod;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of what the claim endpoints answer: field names, the redemption link, the partner's view, the audit. */
@JsonTest
class ClaimViewsJsonTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    private JsonMapper json;

    private static OfferDocument linkOffer() {
        LocalizedText text = new LocalizedText("Cashback", "現金回贈");
        return new OfferDocument("off-json00001", "cmp-demo-partner", OfferType.CASHBACK_PERCENTAGE, new BigDecimal("8"), "HKD", text, text, text,
                OfferCategory.BANKING_AND_FINANCE, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), 10, 9, 1,
                OfferDocument.Eligibility.of(new EligibilityRule(null, null, List.of())), RedemptionMethod.LINK,
                "https://bank.example/esg?ref={code}", OfferStatus.PUBLISHED, null, "cashback", NOW, NOW, NOW, NOW, NOW, null, Map.of());
    }

    private static ClaimDocument claim(String code, String note) {
        return new ClaimDocument("clm-json00001", "off-json00001", "cmp-demo-partner", "cmp-demo-supplier", "req", code,
                ClaimDocument.codeKey("off-json00001", code), ClaimStatus.ACTIVE, note, "sme", NOW, "2026-03-01", NOW.plus(Duration.ofDays(30)),
                NOW, null, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object value) {
        return json.readValue(json.writeValueAsString(value), Map.class);
    }

    @Test
    void theClaimantSeesItsCodeTheOfferAndTheLinkWithTheCodeEncoded() {
        Map<String, Object> view = asMap(ClaimViews.ClaimView.of(claim("AB CD&1", null), linkOffer(), NOW));
        assertThat(view).containsOnlyKeys("id", "offerId", "offer", "code", "redemptionLink", "status", "claimedAt", "redeemBy",
                "redeemedAt", "cancelledAt");
        assertThat(view.get("redemptionLink")).isEqualTo("https://bank.example/esg?ref=AB+CD%261");
        assertThat(view.get("status")).isEqualTo("ACTIVE");
        assertThat(view.get("claimedAt")).isEqualTo("2026-03-01T10:00:00Z");
        assertThat((Map<String, Object>) view.get("offer")).containsOnlyKeys("partnerId", "title", "type", "value", "currency", "redemptionMethod");
    }

    @Test
    void anEndedOffersUnredeemedClaimReadsAsExpiredAndAGoneOfferShowsNoSummary() {
        Map<String, Object> view = asMap(ClaimViews.ClaimView.of(claim("CODE-1", null), null, NOW.plus(Duration.ofDays(31))));
        assertThat(view.get("status")).isEqualTo("EXPIRED");
        assertThat(view.get("offer")).isNull();
        assertThat(view.get("redemptionLink")).isNull();
    }

    @Test
    void thePartnerSeesWhoClaimedAndTheirNote() {
        Map<String, Object> view = asMap(ClaimViews.PartnerClaimView.of(claim("CODE-1", "please call"), NOW));
        assertThat(view).containsOnlyKeys("id", "offerId", "companyId", "code", "status", "claimedAt", "redeemedAt", "cancelledAt", "note");
        assertThat(view.get("companyId")).isEqualTo("cmp-demo-supplier");
        assertThat(view.get("note")).isEqualTo("please call");
    }

    @Test
    void theAuditSaysWhetherTheBooksBalance() {
        assertThat(asMap(new ClaimRecovery.Audit("off-json00001", 10, 7, 3, 0, 0, 0))).containsEntry("consistent", true)
                .containsOnlyKeys("offerId", "quota", "remaining", "holding", "inFlight", "pendingMarkers", "releasedMarkers", "consistent");
        assertThat(asMap(new ClaimRecovery.Audit("off-json00001", 10, 8, 3, 0, 0, 0))).containsEntry("consistent", false);
    }
}
