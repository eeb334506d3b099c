package hk.esgone.assessment.badges.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.badges.BadgeIssuing;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/**
 * An admin's second try of badges badge-service refused for good (FAILED), once the cause is fixed (say, the
 * level's achievement now exists): the assessment is pending again and the next run of the job asks anew.
 */
@RestController
class BadgeRetryController {

    private final BadgeIssuing issuing;

    BadgeRetryController(BadgeIssuing issuing) {
        this.issuing = issuing;
    }

    @PostMapping(path = "/api/v1/assessments/{id}/badges/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, Object>> retry(@PathVariable String id) {
        return Callers.admin("Only platform admins retry the issuing of an assessment's badges.")
                .then(issuing.retry(id))
                .flatMap(requeued -> requeued ? Mono.just(Map.<String, Object>of("id", id, "badges", Map.of("state", "PENDING")))
                        : issuing.state(id)
                                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Submitted assessment", shorten(id))))
                                .flatMap(state -> Mono.error(ApiProblem.conflict("badges-not-failed", "The badges of assessment '"
                                        + id + "' are " + state.state() + "; only badges that FAILED are retried."))));
    }

    private static String shorten(String id) {
        return id.length() <= 80 ? id : id.substring(0, 80) + "…";
    }
}
