package hk.esgone.offers.offer;

import java.math.BigDecimal;
import java.time.Instant;

import hk.esgone.offers.eligibility.EligibilityRule;

/** A validated, normalized offer definition (what the partner controls). */
public record OfferDefinition(
        OfferType type,
        BigDecimal value,
        String currency,
        LocalizedText title,
        LocalizedText description,
        LocalizedText terms,
        OfferCategory category,
        Instant validFrom,
        Instant validUntil,
        int quota,
        int perCompanyLimit,
        EligibilityRule eligibility,
        RedemptionMethod redemptionMethod,
        String redemptionLink) {

    /** Lower-cased text the catalogue's free-text filter matches against, in both languages. */
    public String searchText() {
        return String.join("\n", title.en(), title.zhHant(), description.en(), description.zhHant(), category.name().replace('_', ' '))
                .toLowerCase(java.util.Locale.ROOT);
    }
}
