package hk.esgone.web.assessment.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.web.assessment.AnswerEvidence;
import hk.esgone.web.assessment.Assessment;
import hk.esgone.web.assessment.EvidenceReviews;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.PageModel;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff's evidence review: the queue of evidence on submitted assessments by status, each with its company, year,
 * question, the evidence (a link opened in a new tab, a file downloaded through the portal with the admin's token) and
 * the points now and if accepted; accept, or reject with a note and a ticked confirmation (nothing is sent without
 * both). The outcome shows on return; the service's refusals (already reviewed, gone) are explained in place. Only
 * admins see the page; assessment-service decides too (its 403 is the 403 page).
 */
@Controller
class EvidenceReviewPageController {

    private static final String PATH = "/workspace/admin/evidence";

    private final EvidenceReviews reviews;
    private final AnswerEvidence evidence;

    EvidenceReviewPageController(EvidenceReviews reviews, AnswerEvidence evidence) {
        this.reviews = reviews;
        this.evidence = evidence;
    }

    @GetMapping(PATH)
    Mono<Rendering> queue(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                          @RequestParam(required = false) String done, @RequestParam(required = false) String item,
                          ServerWebExchange exchange) {
        return admin(exchange).then(page(exchange, statusOr(status), FormText.clean(cursor, 500),
                "accepted".equals(done) || "rejected".equals(done) ? done : null, FormText.clean(item, 100), null, HttpStatus.OK));
    }

    @PostMapping(PATH + "/{assessmentId}/{questionId}/{action}")
    Mono<Rendering> decide(@PathVariable String assessmentId, @PathVariable String questionId, @PathVariable String action,
                           ServerWebExchange exchange) {
        return admin(exchange).then(exchange.getFormData()).flatMap(form -> {
            String back = statusOr(form.getFirst("status"));
            String item = assessmentId + "-" + questionId;
            if (!Assessment.validId(assessmentId) || !questionId.matches("[A-Za-z0-9_-]{1,40}")
                    || !(action.equals("accept") || action.equals("reject"))) {
                return page(exchange, back, null, null, null, "not-found", HttpStatus.NOT_FOUND);
            }
            String note = FormText.cleanLines(form.getFirst("note"), EvidenceReviews.MAX_NOTE + 1);
            if (note != null && note.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF]", "").isBlank()) {
                // only invisible characters: no note the company could read
                note = null;
            }
            if (action.equals("reject")) {
                // a rejection is final and the company reads its note: both the note and the ticked box, or nothing is sent
                String problem = note == null ? "note-missing"
                        : note.codePointCount(0, note.length()) > EvidenceReviews.MAX_NOTE ? "note-too-long"
                        : "yes".equals(form.getFirst("confirm")) ? null : "not-confirmed";
                if (problem != null) {
                    return page(exchange, back, null, null, item, problem, HttpStatus.BAD_REQUEST);
                }
            }
            return reviews.decide(exchange, assessmentId, questionId, action.equals("accept"), note)
                    .map(decided -> Rendering.redirectTo(UriComponentsBuilder.fromPath(PATH).queryParam("status", back)
                            .queryParam("done", action.equals("accept") ? "accepted" : "rejected").queryParam("item", item)
                            .build().toUriString()).build())
                    .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                            || refused.status() == HttpStatus.FORBIDDEN
                            ? Mono.error(refused)
                            : page(exchange, back, null, null, item, switch (refused.status()) {
                                // already decided (final); another conflict is a re-score that raced this one: try again
                                case CONFLICT -> "already-reviewed".equals(refused.problemType()) ? "already-reviewed" : "refused";
                                case NOT_FOUND -> "not-found";
                                default -> "refused";
                            }, refused.status()));
        });
    }

    /** A file of the queue, streamed with the admin's token (the service lets admins read any company's evidence). */
    @GetMapping(PATH + "/file/{assessmentId}/{sha256}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String assessmentId, @PathVariable String sha256, ServerWebExchange exchange) {
        return admin(exchange).then(evidence.file(exchange, assessmentId, sha256));
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String status, String cursor, String done, String item, String problem,
                                 HttpStatus httpStatus) {
        return reviews.queue(exchange, status, cursor).map(page -> Rendering.view("assessment/evidence-review")
                .modelAttribute("page", page)
                .modelAttribute("status", status)
                .modelAttribute("statuses", EvidenceReviews.STATUSES)
                .modelAttribute("done", done)
                .modelAttribute("item", item)
                .modelAttribute("problem", problem)
                .status(httpStatus).build());
    }

    private static String statusOr(String status) {
        return status != null && EvidenceReviews.STATUSES.contains(status) ? status : "PENDING";
    }

    /** Staff only: anyone else gets the 403 page without a call (the service would answer its 403 too). */
    private static Mono<Void> admin(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(p -> PageModel.account((OAuth2AuthenticationToken) p))
                .filter(account -> account.has("admin"))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .then();
    }
}
