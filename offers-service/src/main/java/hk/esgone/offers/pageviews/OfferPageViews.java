package hk.esgone.offers.pageviews;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.offers.pageviews.store.OfferViewStore;
import reactor.core.publisher.Mono;

/**
 * How often each offer's public page is read, per Hong Kong day: a counter only — no IP address, user, cookie or
 * time of day — so the figures need no personal data. Counting never holds up or fails the read it counts.
 */
@Component
public class OfferPageViews {

    /** The day a view counts on, as claims count theirs. */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Hong_Kong");

    private static final Logger log = LoggerFactory.getLogger(OfferPageViews.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final OfferViewStore store;
    private final Clock clock;

    OfferPageViews(OfferViewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts one view, in the background: the caller does not wait, and a failed count is only logged. */
    public void count(String offerId) {
        String day = today().toString();
        store.increment(offerId, day)
                .timeout(WRITE_TIMEOUT)
                .subscribe(null, e -> log.warn("Could not count a view of offer {}: {}", offerId, e.toString()));
    }

    public LocalDate today() {
        return clock.instant().atZone(DAY_ZONE).toLocalDate();
    }

    /** Views per day from {@code from} to {@code to} (inclusive); days without views are absent. */
    public Mono<Map<String, Long>> perDay(String offerId, LocalDate from, LocalDate to) {
        return store.perDay(offerId, from.toString(), to.toString());
    }
}
