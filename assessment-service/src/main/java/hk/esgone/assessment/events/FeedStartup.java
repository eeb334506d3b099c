package hk.esgone.assessment.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At start, assessments submitted before the event feed existed are put on it (see {@link ScorecardFeed}). */
@Component
class FeedStartup {

    private static final Logger log = LoggerFactory.getLogger(FeedStartup.class);

    private final ScorecardFeed feed;

    FeedStartup(ScorecardFeed feed) {
        this.feed = feed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void numberEarlierSubmissions() {
        // start-up, not a request path; a failure only delays those older scorecards until the next start
        feed.numberEarlierSubmissions()
                .doOnError(e -> log.warn("Earlier submissions not put on the event feed yet: {}", e.toString()))
                .onErrorComplete()
                .block(Duration.ofSeconds(60));
    }
}
