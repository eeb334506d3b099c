package hk.esgone.offers.claim.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.ClaimStatus;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.offer.RedemptionMethod;

/** What the API shows of claims: the claimant sees its code and how to redeem; the partner sees who claimed. */
final class ClaimViews {

    private ClaimViews() {
    }

    record OfferSummary(String partnerId, LocalizedText title, OfferType type, BigDecimal value, String currency,
                        RedemptionMethod redemptionMethod) {
    }

    record ClaimView(String id, String offerId, OfferSummary offer, String code, String redemptionLink, ClaimStatus status,
                     Instant claimedAt, Instant redeemBy, Instant redeemedAt, Instant cancelledAt) {

        static ClaimView of(ClaimDocument c, OfferDocument o, Instant now) {
            OfferSummary summary = o == null ? null
                    : new OfferSummary(o.partnerId(), o.title(), o.type(), o.value(), o.currency(), o.redemptionMethod());
            return new ClaimView(c.id(), c.offerId(), summary, c.code(), link(o, c.code()), c.effectiveStatus(now), c.claimedAt(),
                    c.redeemBy(), c.redeemedAt(), c.cancelledAt());
        }

        private static String link(OfferDocument o, String code) {
            if (o == null || o.redemptionLink() == null) {
                return null;
            }
            return o.redemptionLink().replace("{code}", URLEncoder.encode(code == null ? "" : code, StandardCharsets.UTF_8));
        }
    }

    record PartnerClaimView(String id, String offerId, String companyId, String code, ClaimStatus status, Instant claimedAt,
                            Instant redeemedAt, Instant cancelledAt, String note) {

        static PartnerClaimView of(ClaimDocument c, Instant now) {
            return new PartnerClaimView(c.id(), c.offerId(), c.companyId(), c.code(), c.effectiveStatus(now), c.claimedAt(),
                    c.redeemedAt(), c.cancelledAt(), c.note());
        }
    }
}
