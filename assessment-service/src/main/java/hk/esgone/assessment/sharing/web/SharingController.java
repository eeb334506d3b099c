package hk.esgone.assessment.sharing.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.sharing.ScorecardSharing;
import hk.esgone.assessment.sharing.ScorecardSummary;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Opting a submitted scorecard in or out of public sharing, the public read of a shared scorecard (no token), and the
 * company's own report of its scorecard (what the portal's PDF shows).
 */
@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class SharingController {

    private final ScorecardSharing sharing;

    SharingController(ScorecardSharing sharing) {
        this.sharing = sharing;
    }

    /**
     * The choice as it stands.
     *
     * @param submitted whether the assessment can be shared at all
     * @param publicPath the portal's page of the shared scorecard (relative to the marketplace's address)
     */
    record SharingView(String assessmentId, boolean submitted, @com.fasterxml.jackson.annotation.JsonProperty("public") boolean shared,
            String publicPath) {

        static SharingView of(ScorecardSharing.Sharing s) {
            return new SharingView(s.assessmentId(), s.submitted(), s.shared(), "/scorecards/" + s.assessmentId());
        }
    }

    @GetMapping("/{id}/sharing")
    Mono<SharingView> sharing(@PathVariable String id) {
        return Callers.required().flatMap(caller -> sharing.sharing(caller, id)).map(SharingView::of);
    }

    /**
     * {@code {"public": true|false}}. Read as a tree so that only a real JSON boolean counts: Jackson would otherwise
     * take {@code 1} or {@code "true"} for a boolean, and a choice to publish should be said plainly.
     */
    @PutMapping(path = "/{id}/sharing", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<SharingView> share(@PathVariable String id, @RequestBody JsonNode body) {
        JsonNode value = body == null ? null : body.get("public");
        if (body == null || !body.isObject() || value == null || !value.isBoolean()) {
            return Mono.error(ApiProblem.invalidField("public", "must be true or false"));
        }
        return Callers.required().flatMap(caller -> sharing.share(caller, id, value.booleanValue())).map(SharingView::of);
    }

    /** A shared scorecard, for anyone (no token needed): 404 alike when unknown or not shared. */
    @GetMapping("/shared/{id}")
    Mono<ScorecardSummary> shared(@PathVariable String id) {
        return sharing.shared(id);
    }

    /** The company's own report of its submitted scorecard, with the carbon lines: its members and admins. */
    @GetMapping("/{id}/report")
    Mono<ScorecardSummary> report(@PathVariable String id) {
        return Callers.required().flatMap(caller -> sharing.report(caller, id));
    }
}
