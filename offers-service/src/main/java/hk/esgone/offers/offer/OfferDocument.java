package hk.esgone.offers.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.offers.eligibility.EligibilityRule;
import hk.esgone.offers.eligibility.ScorecardLevel;

/**
 * An offer as stored. {@code remaining} is changed only by single-document conditional updates
 * (see {@code ClaimService}); {@code pending} lists the claims that took a place but are not finished
 * yet, so that a crash between the two writes can be repaired exactly (see {@code ClaimRecovery}).
 * Never written back whole once it exists: every change is a targeted update.
 */
@Document(OfferDocument.COLLECTION)
public record OfferDocument(
        @Id String id,
        String partnerId,
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
        int remaining,
        int perCompanyLimit,
        Eligibility eligibility,
        RedemptionMethod redemptionMethod,
        String redemptionLink,
        OfferStatus status,
        String reviewNote,
        String searchText,
        Instant listedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant decidedAt,
        Instant closedAt,
        Map<String, Instant> pending) {

    public static final String COLLECTION = "offers";

    /**
     * @param minScorecardRank {@link ScorecardLevel#rank()} of the minimum level, for range queries
     * @param anyIndustry      true when {@code industries} is empty
     */
    public record Eligibility(String requiredAchievementId, ScorecardLevel minScorecardLevel, Integer minScorecardRank,
                              List<String> industries, boolean anyIndustry) {

        public static Eligibility of(EligibilityRule rule) {
            return new Eligibility(rule.requiredAchievementId(), rule.minScorecardLevel(),
                    rule.minScorecardLevel() == null ? null : rule.minScorecardLevel().rank(),
                    rule.industries(), rule.industries().isEmpty());
        }

        public EligibilityRule rule() {
            return new EligibilityRule(requiredAchievementId, minScorecardLevel, industries);
        }
    }

    public OfferDocument {
        pending = pending == null ? Map.of() : pending;
    }

    /** The status as the clock sees it now: the validity window publishes and expires offers by itself. */
    public OfferStatus effectiveStatus(Instant now) {
        return switch (status) {
            case SUBMITTED, PUBLISHED, PAUSED, SCHEDULED -> {
                if (!now.isBefore(validUntil)) {
                    yield OfferStatus.EXPIRED;
                }
                if ((status == OfferStatus.PUBLISHED || status == OfferStatus.SCHEDULED) && now.isBefore(validFrom)) {
                    yield OfferStatus.SCHEDULED;
                }
                yield status;
            }
            default -> status;
        };
    }

    public boolean isClaimable(Instant now) {
        return effectiveStatus(now) == OfferStatus.PUBLISHED;
    }
}
