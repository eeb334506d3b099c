package hk.esgone.offers.offer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import hk.esgone.offers.eligibility.EligibilityRule;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.offers.support.StoreMongoTest;

/** The quota's conditional writes against the test MongoDB: each place is taken and given back at most once per claim. */
@DataMongoTest
@Import(OfferPlaces.class)
class OfferPlacesMongoTests extends StoreMongoTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    private OfferPlaces places;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void oneOfferWithTwoPlaces() {
        mongo.dropCollection(OfferDocument.class).block(TIMEOUT);
        LocalizedText text = new LocalizedText("Offer", "優惠");
        mongo.insert(new OfferDocument("off-places01", "cmp-demo-partner", OfferType.PERCENTAGE_DISCOUNT, BigDecimal.TEN, "HKD", text, text, text,
                OfferCategory.BANKING_AND_FINANCE, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), 2, 2, 1,
                OfferDocument.Eligibility.of(new EligibilityRule(null, null, List.of())), RedemptionMethod.UNIQUE_CODE, null,
                OfferStatus.PUBLISHED, null, "offer", NOW, NOW, NOW, NOW, NOW, null, Map.of())).block(TIMEOUT);
    }

    private OfferPlaces.Books books() {
        return places.books("off-places01").block(TIMEOUT);
    }

    @Test
    void aPlaceIsTakenOncePerClaimAndNeverBelowZero() {
        assertThat(places.takePlace("off-places01", "clm-a", NOW).block(TIMEOUT)).isTrue();
        assertThat(places.takePlace("off-places01", "clm-a", NOW).block(TIMEOUT)).as("the same claim again").isFalse();
        assertThat(places.holdsPending("off-places01", "clm-a").block(TIMEOUT)).isTrue();
        assertThat(places.takePlace("off-places01", "clm-b", NOW).block(TIMEOUT)).isTrue();
        assertThat(places.takePlace("off-places01", "clm-c", NOW).block(TIMEOUT)).as("sold out").isFalse();
        assertThat(books().remaining()).isZero();
        assertThat(books().pending()).containsOnlyKeys("clm-a", "clm-b");
    }

    @Test
    void aPendingPlaceIsGivenBackOnceAndAFinishedOneKeepsIt() {
        places.takePlace("off-places01", "clm-a", NOW).block(TIMEOUT);
        places.takePlace("off-places01", "clm-b", NOW).block(TIMEOUT);
        assertThat(places.releasePending("off-places01", "clm-a").block(TIMEOUT)).isTrue();
        assertThat(places.releasePending("off-places01", "clm-a").block(TIMEOUT)).as("only once").isFalse();
        assertThat(places.clearPending("off-places01", "clm-b").block(TIMEOUT)).isTrue();
        assertThat(books().remaining()).isEqualTo(1);
        assertThat(books().pending()).isEmpty();
    }

    @Test
    void aCancelledClaimsPlaceReturnsOnceAndTheRepairNeedsTheStateItRead() {
        places.takePlace("off-places01", "clm-a", NOW).block(TIMEOUT);
        places.clearPending("off-places01", "clm-a").block(TIMEOUT);
        assertThat(places.returnPlace("off-places01", "clm-a", NOW).block(TIMEOUT)).isTrue();
        assertThat(places.returnPlace("off-places01", "clm-a", NOW).block(TIMEOUT)).as("only once").isFalse();
        assertThat(books().released()).containsOnlyKeys("clm-a");
        assertThat(places.repairRemaining("off-places01", 2, 1).block(TIMEOUT)).as("a marker is still there").isFalse();
        places.clearReleased("off-places01", "clm-a").block(TIMEOUT);
        assertThat(places.repairRemaining("off-places01", 1, 0).block(TIMEOUT)).as("remaining is no longer 1").isFalse();
        assertThat(places.repairRemaining("off-places01", 2, 1).block(TIMEOUT)).isTrue();
        assertThat(books().remaining()).isEqualTo(1);
    }
}
