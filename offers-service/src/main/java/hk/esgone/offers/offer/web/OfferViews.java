package hk.esgone.offers.offer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.eligibility.ScorecardLevel;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.offer.RedemptionMethod;

/** What the API shows of offers. */
public final class OfferViews {

    private OfferViews() {
    }

    public record EligibilityView(String requiredAchievementId, ScorecardLevel minScorecardLevel, List<String> industries) {
        static EligibilityView of(OfferDocument.Eligibility e) {
            return e == null ? new EligibilityView(null, null, List.of())
                    : new EligibilityView(e.requiredAchievementId(), e.minScorecardLevel(), e.industries() == null ? List.of() : e.industries());
        }
    }

    public record RedemptionView(RedemptionMethod method, String link) {
    }

    /** The partner's (and the admin's) view: everything, with the effective status. */
    public record OfferView(String id, String partnerId, OfferType type, BigDecimal value, String currency, LocalizedText title,
                            LocalizedText description, LocalizedText terms, OfferCategory category, Instant validFrom, Instant validUntil,
                            int quota, int remaining, int perCompanyLimit, EligibilityView eligibility, RedemptionView redemption,
                            OfferStatus status, String reviewNote, Instant createdAt, Instant updatedAt, Instant submittedAt,
                            Instant listedAt, CodePool.Stock codePool) {

        public static OfferView of(OfferDocument o, Instant now, CodePool.Stock stock) {
            return new OfferView(o.id(), o.partnerId(), o.type(), o.value(), o.currency(), o.title(), o.description(), o.terms(),
                    o.category(), o.validFrom(), o.validUntil(), o.quota(), o.remaining(), o.perCompanyLimit(),
                    EligibilityView.of(o.eligibility()), new RedemptionView(o.redemptionMethod(), o.redemptionLink()),
                    o.effectiveStatus(now), o.reviewNote(), o.createdAt(), o.updatedAt(), o.submittedAt(), o.listedAt(), stock);
        }
    }

    /** The public catalogue's view: no internal notes, no link (claimants get it with their code). */
    public record CatalogueOfferView(String id, String partnerId, OfferType type, BigDecimal value, String currency, LocalizedText title,
                                     LocalizedText description, LocalizedText terms, OfferCategory category, Instant validFrom,
                                     Instant validUntil, int quota, int remaining, int perCompanyLimit, EligibilityView eligibility,
                                     RedemptionMethod redemptionMethod, boolean soldOut) {

        public static CatalogueOfferView of(OfferDocument o) {
            return new CatalogueOfferView(o.id(), o.partnerId(), o.type(), o.value(), o.currency(), o.title(), o.description(), o.terms(),
                    o.category(), o.validFrom(), o.validUntil(), o.quota(), Math.max(0, o.remaining()), o.perCompanyLimit(),
                    EligibilityView.of(o.eligibility()), o.redemptionMethod(), o.remaining() <= 0);
        }
    }

    public record PageView<T>(List<T> items, String nextCursor) {
    }

    /**
     * A catalogue page. {@code eligibility} is present when the caller asked for offers it is eligible
     * for: which company was checked, and whether its badges and industry could be learnt (when not,
     * offers that need them are left out rather than shown on doubt).
     */
    public record CataloguePage(List<CatalogueOfferView> items, String nextCursor, EligibilityCheck eligibility) {
    }

    public record EligibilityCheck(String companyId, boolean badgesChecked, boolean industryChecked) {
    }
}
