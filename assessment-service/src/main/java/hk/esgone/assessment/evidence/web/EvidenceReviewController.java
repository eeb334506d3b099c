package hk.esgone.assessment.evidence.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.evidence.EvidenceReviews;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** The admin's review of evidence attached to submitted answers: the list, and one final decision per answer. */
@RestController
@RequestMapping(path = "/api/v1/assessments/admin/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
class EvidenceReviewController {

    /**
     * An admin's decision.
     *
     * @param decision ACCEPT (the question's evidence cap lifts: the assessment is re-scored) or REJECT
     * @param note     at most 500 characters of plain text, shown to the company; required for REJECT
     */
    record DecisionRequest(String decision, String note) {
    }

    private final EvidenceReviews reviews;

    EvidenceReviewController(EvidenceReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    Mono<Page<EvidenceReviews.Item>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return Callers.required().flatMap(caller -> reviews.list(caller, status, cursor, limit));
    }

    @PostMapping(path = "/{assessmentId}/{questionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<EvidenceReviews.Item> decide(@PathVariable String assessmentId, @PathVariable String questionId,
            @RequestBody DecisionRequest body) {
        return Callers.required().flatMap(caller -> reviews.decide(caller, assessmentId, questionId, body.decision(), body.note()));
    }
}
