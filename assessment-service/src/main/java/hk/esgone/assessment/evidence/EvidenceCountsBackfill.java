package hk.esgone.assessment.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.store.AssessmentStore;
import reactor.core.publisher.Mono;

/**
 * The review list finds submitted assessments by the count of their evidence in each status ({@code evidenceCounts},
 * written with the submission). Assessments submitted before the review existed get theirs at start: every answer
 * with evidence pending. Each write is conditional on there being none yet, so several instances may run it at once.
 */
@Component
public class EvidenceCountsBackfill {

    private static final Logger log = LoggerFactory.getLogger(EvidenceCountsBackfill.class);
    /** Batches of 500 at most, so a start-up never reads an unbounded set at once. */
    private static final int MAX_BATCHES = 1_000;

    private final AssessmentStore store;

    EvidenceCountsBackfill(AssessmentStore store) {
        this.store = store;
    }

    /** The index the review list reads by; created before the service serves. */
    public Mono<Void> createIndex() {
        return store.createEvidenceIndex();
    }

    /**
     * After start, in the background: with many assessments stored before the review existed this takes longer than a
     * start-up may wait, and until it is done they are only missing from the review list.
     */
    @EventListener(ApplicationReadyEvent.class)
    void backfillInTheBackground() {
        indexesAndBackfill().subscribe(null, e -> log.warn("Evidence review counts not added yet (next start tries again): {}", e.toString()));
    }

    public Mono<Void> indexesAndBackfill() {
        return createIndex().then(batch()
                .expand(written -> written > 0 ? batch() : Mono.empty())
                .take(MAX_BATCHES)
                .reduce(0L, Long::sum)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Evidence review counts added to {} submitted assessment(s) stored without them", n);
                    }
                })
                .then());
    }

    private Mono<Long> batch() {
        return store.submittedWithoutEvidenceCounts()
                .concatMap(a -> store.setEvidenceCounts(a.id(), AssessmentService.withEvidence(a).size()))
                .filter(Boolean::booleanValue)
                .count();
    }
}
