package hk.esgone.directory.assessments;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.directory.feeds.FeedFollower;
import hk.esgone.directory.feeds.store.ConsumerCursors;
import reactor.core.publisher.Mono;

/** Follows assessment-service's scorecard feed; {@link CompanyScorecards} applies each event idempotently. */
@Component
public class AssessmentFeedConsumer extends FeedFollower<AssessmentEvents.Event, AssessmentEvents.Page> {

    public static final String CURSOR_ID = "assessment-service-events";

    private final CompanyScorecards scorecards;

    AssessmentFeedConsumer(AssessmentFeedProperties properties, CompanyScorecards scorecards, ConsumerCursors cursors,
                           WebClient.Builder builder) {
        super("assessment-service", CURSOR_ID, properties, AssessmentEvents.Page.class, cursors, builder);
        this.scorecards = scorecards;
    }

    @Override
    protected Mono<Boolean> apply(AssessmentEvents.Event event) {
        return scorecards.apply(event);
    }
}
