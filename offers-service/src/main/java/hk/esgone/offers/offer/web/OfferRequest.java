package hk.esgone.offers.offer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import hk.esgone.offers.eligibility.ScorecardLevel;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.offer.RedemptionMethod;

/**
 * What a partner may set on an offer. Nothing else: status, remaining, owner and codes are the
 * service's, and a body that names them (or any unknown field) is refused as malformed.
 */
public record OfferRequest(
        OfferType type,
        BigDecimal value,
        String currency,
        LocalizedText title,
        LocalizedText description,
        LocalizedText terms,
        OfferCategory category,
        Instant validFrom,
        Instant validUntil,
        Integer quota,
        Integer perCompanyLimit,
        EligibilityInput eligibility,
        RedemptionInput redemption) {

    public record EligibilityInput(String requiredAchievementId, ScorecardLevel minScorecardLevel, List<String> industries) {
    }

    public record RedemptionInput(RedemptionMethod method, String link) {
    }
}
