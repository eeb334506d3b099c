package hk.esgone.offers.pageviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import hk.esgone.offers.pageviews.store.OfferViewStore;
import reactor.core.publisher.Mono;

/** Counting a view never fails or holds up the read it counts, and counts on the Hong Kong day. */
class OfferPageViewsTests {

    /** A store whose writes never finish, or fail, and which records what it was asked. */
    private static final class BrokenStore extends OfferViewStore {

        final List<String> asked = new CopyOnWriteArrayList<>();
        private final Mono<Void> answer;

        BrokenStore(Mono<Void> answer) {
            super(null);
            this.answer = answer;
        }

        @Override
        public Mono<Void> increment(String offerId, String day) {
            asked.add(offerId + "|" + day);
            return answer;
        }
    }

    // 2026-12-05 17:30 UTC is already 2026-12-06 in Hong Kong
    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-12-05T17:30:00Z"), ZoneOffset.UTC);

    @Test
    @Timeout(30) // a count that waited for the store would never return
    void aStoreThatNeverAnswersDoesNotHoldUpTheRead() {
        BrokenStore hanging = new BrokenStore(Mono.never());
        OfferPageViews views = new OfferPageViews(hanging, LATE_EVENING_UTC);

        assertThatCode(() -> views.count("off-green")).doesNotThrowAnyException();

        assertThat(hanging.asked).containsExactly("off-green|2026-12-06");
    }

    @Test
    void aFailingStoreIsOnlyLogged() {
        BrokenStore failing = new BrokenStore(Mono.error(new IllegalStateException("database down")));
        OfferPageViews views = new OfferPageViews(failing, LATE_EVENING_UTC);

        assertThatCode(() -> views.count("off-green")).doesNotThrowAnyException();
        assertThat(failing.asked).hasSize(1);
    }
}
