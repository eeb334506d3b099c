package hk.esgone.offers.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The clock moves offers between statuses without anyone writing. */
class OfferDocumentTests {

    private final Instant from = Instant.parse("2026-05-01T00:00:00Z");
    private final Instant until = Instant.parse("2026-06-01T00:00:00Z");

    private OfferDocument offer(OfferStatus stored) {
        return new OfferDocument("off-x1y2z3", "cmp-demo-partner", OfferType.PERCENTAGE_DISCOUNT, null, "HKD", null, null, null,
                OfferCategory.OTHER, from, until, 10, 10, 1, null, RedemptionMethod.UNIQUE_CODE, null, stored, null, null, null,
                null, null, null, null, null, Map.of());
    }

    @Test
    void anApprovedOfferIsScheduledThenPublishedThenExpired() {
        OfferDocument published = offer(OfferStatus.PUBLISHED);
        assertThat(published.effectiveStatus(from.minusSeconds(1))).isEqualTo(OfferStatus.SCHEDULED);
        assertThat(published.effectiveStatus(from)).isEqualTo(OfferStatus.PUBLISHED);
        assertThat(published.isClaimable(from.plus(Duration.ofDays(3)))).isTrue();
        assertThat(published.effectiveStatus(until)).isEqualTo(OfferStatus.EXPIRED);
        assertThat(published.isClaimable(until)).isFalse();
    }

    @Test
    void pausedAndSubmittedOffersExpireToo_draftsAndClosedOffersDoNotChange() {
        assertThat(offer(OfferStatus.PAUSED).effectiveStatus(until.plusSeconds(1))).isEqualTo(OfferStatus.EXPIRED);
        assertThat(offer(OfferStatus.SUBMITTED).effectiveStatus(until.plusSeconds(1))).isEqualTo(OfferStatus.EXPIRED);
        assertThat(offer(OfferStatus.SUBMITTED).effectiveStatus(from.minusSeconds(1))).isEqualTo(OfferStatus.SUBMITTED);
        assertThat(offer(OfferStatus.DRAFT).effectiveStatus(until.plusSeconds(1))).isEqualTo(OfferStatus.DRAFT);
        assertThat(offer(OfferStatus.WITHDRAWN).effectiveStatus(from)).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(offer(OfferStatus.PAUSED).isClaimable(from.plusSeconds(1))).isFalse();
    }
}
