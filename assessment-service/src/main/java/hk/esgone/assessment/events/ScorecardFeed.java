package hk.esgone.assessment.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.store.AssessmentStore;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The ordered feed of submitted scorecards, read straight from the stored assessments: a submission takes a feed
 * position from an atomic counter and writes it in the same single-document update as the submission itself, so a
 * submission that is stored is on the feed, whatever happens to the process afterwards (nothing else to publish).
 * <p>
 * Positions can commit out of order (a submission that took 5 may be written after one that took 6), and a
 * submission that lost its conditional write leaves its position unused for ever. As in badge-service's feed, a read
 * never hands out an event that follows a hole unless the event after the hole was written more than
 * {@link #GAP_GRACE} ago: a reader never skips a submission that is still being written.
 */
@Component
public class ScorecardFeed {

    static final Duration GAP_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ScorecardFeed.class);

    /** One page of the feed; {@code next} is the position of its last event, or the one read from. */
    public record Slice(List<ScorecardEvent> events, long next) {
    }

    private final AssessmentStore store;
    private final AssessmentService assessments;
    private final Clock clock;

    ScorecardFeed(AssessmentStore store, AssessmentService assessments, Clock clock) {
        this.store = store;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** Events after position {@code after}, at most {@code limit}, stopping before a hole that may still be filled. */
    public Mono<Slice> read(long after, int limit) {
        Instant now = clock.instant();
        return store.submittedInFeedOrder(after, limit).collectList().map(found -> {
            List<ScorecardEvent> events = new ArrayList<>();
            long expected = after + 1;
            for (Assessment assessment : found) {
                long seq = assessment.feedSeq();
                // feedAt, not submittedAt: an earlier submission numbered later (numberEarlierSubmissions) is fresh
                if (seq != expected && assessment.feedAt().plus(GAP_GRACE).isAfter(now)) {
                    break; // a hole that may still be filled: stop here, the reader comes back
                }
                events.add(event(assessment));
                expected = seq + 1;
            }
            return new Slice(events, events.isEmpty() ? after : events.getLast().seq());
        });
    }

    /**
     * Puts assessments submitted before the feed existed onto it (once; later ones get their position with the
     * submission). Safe on several instances at once: each assignment is conditional on there being none yet.
     */
    public Mono<Long> numberEarlierSubmissions() {
        return store.submittedWithoutFeedSeq()
                .concatMap(id -> store.nextFeedSeq().flatMap(seq -> store.assignFeedSeq(id, seq, clock.instant())))
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Put {} earlier submitted assessment(s) on the event feed", n);
                    }
                });
    }

    private ScorecardEvent event(Assessment a) {
        JsonNode score = assessments.scorecardOf(a).path("score");
        ScorecardEvent.Scorecard card = new ScorecardEvent.Scorecard(a.companyId(), a.id(), a.year(), a.questionnaireKey(),
                a.questionnaireVersion(), pillar(score, "E"), pillar(score, "S"), pillar(score, "G"),
                score.path("overall").decimalValue(), score.path("level").asString(), a.submittedAt(), a.scoreRevision());
        // a re-scored scorecard moved to a new feed position when it was stored (its old one is a hole readers step
        // over): its own event id, and it occurred when it was re-scored
        boolean rescored = a.scoreRevision() > 1;
        return new ScorecardEvent(a.feedSeq(), rescored ? "evt-" + a.id() + "-r" + a.scoreRevision() : "evt-" + a.id(),
                ScorecardEvent.SCORECARD_PUBLISHED, rescored ? a.feedAt() : a.submittedAt(), a.feedAt(), card);
    }

    private static java.math.BigDecimal pillar(JsonNode score, String pillar) {
        for (JsonNode p : score.path("pillars")) {
            if (pillar.equals(p.path("pillar").asString())) {
                return p.path("score").decimalValue();
            }
        }
        throw new IllegalStateException("a stored scorecard without pillar " + pillar);
    }
}
