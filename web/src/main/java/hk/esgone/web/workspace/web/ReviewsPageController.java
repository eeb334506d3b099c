package hk.esgone.web.workspace.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.CompanyReviews;
import reactor.core.publisher.Mono;

/**
 * Council staff's queue of company applications: by status, with approve, reject (a reason and a confirmation),
 * suspend (the same) and reinstate. Each action returns to the queue with its outcome in words; a refusal by
 * directory-service (not staff, a decision already taken, no such company) is shown in place. Whether the person
 * may do any of this is directory-service's decision.
 */
@Controller
class ReviewsPageController {

    private static final int MAX_REASON = 500;

    private final CompanyReviews reviews;

    ReviewsPageController(CompanyReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/workspace/admin/applications")
    Mono<Rendering> queue(@RequestParam(required = false) String status, @RequestParam(required = false) String done,
                          @RequestParam(required = false) String company, ServerWebExchange exchange) {
        String outcome = done != null && done.matches("approved|provisioning|rejected|suspended|reinstated") ? done : null;
        return page(exchange, statusOr(status), outcome, Ids.COMPANY.isValid(company) ? company : null, null, HttpStatus.OK);
    }

    @PostMapping("/workspace/admin/companies/{id}/{action}")
    Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String back = statusOr(form.getFirst("status"));
            if (!Ids.COMPANY.isValid(id)) {
                return page(exchange, back, null, null, "not-found", HttpStatus.NOT_FOUND);
            }
            Mono<String> done = switch (action) {
                case "approve" -> reviews.approve(exchange, id);
                case "reinstate" -> reviews.reinstate(exchange, id);
                case "reject", "suspend" -> {
                    String problem = reasonProblem(form);
                    if (problem != null) {
                        yield Mono.error(new FormProblem(problem, id));
                    }
                    String reason = FormText.clean(form.getFirst("reason"), MAX_REASON);
                    yield action.equals("reject") ? reviews.reject(exchange, id, reason) : reviews.suspend(exchange, id, reason);
                }
                default -> Mono.error(new FormProblem("unknown-action", id));
            };
            return done.map(status -> Rendering.redirectTo(UriComponentsBuilder.fromPath("/workspace/admin/applications")
                            .queryParam("status", back).queryParam("done", outcome(action, status)).queryParam("company", id)
                            .build().toUriString()).build())
                    .onErrorResume(FormProblem.class, p -> page(exchange, back, null, p.company, p.problem,
                            "unknown-action".equals(p.problem) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST))
                    .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                            ? Mono.error(refused)
                            : page(exchange, back, null, id, refusal(refused), refused.status()));
        });
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String status, String done, String company, String problem,
                                 HttpStatus httpStatus) {
        return reviews.queue(exchange, status).map(queue -> Rendering.view("workspace/applications")
                .modelAttribute("applications", queue)
                .modelAttribute("status", status)
                .modelAttribute("statuses", CompanyReviews.STATUSES)
                .modelAttribute("done", done)
                .modelAttribute("company", company)
                .modelAttribute("problem", problem)
                .status(httpStatus).build());
    }

    /** What is wrong with a reject or suspend form: no reason, a reason too long, or the confirmation not ticked. */
    static String reasonProblem(MultiValueMap<String, String> form) {
        String raw = form.getFirst("reason");
        String reason = FormText.clean(raw, MAX_REASON + 1);
        if (reason == null || reason.isBlank()) {
            return "reason-missing";
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            return "reason-too-long";
        }
        return "yes".equals(form.getFirst("confirm")) ? null : "not-confirmed";
    }

    private static String outcome(String action, String status) {
        return switch (action) {
            case "approve" -> "PROVISIONING".equals(status) ? "provisioning" : "approved";
            case "reject" -> "rejected";
            case "suspend" -> "suspended";
            default -> "reinstated";
        };
    }

    private static String statusOr(String status) {
        return status != null && CompanyReviews.STATUSES.contains(status) ? status : "SUBMITTED";
    }

    static String refusal(ServiceFailure refused) {
        return switch (refused.status()) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            case CONFLICT -> "conflict";
            default -> "refused";
        };
    }

    /** A form that cannot be sent as it is (the company it was about is kept to open its row again). */
    private static final class FormProblem extends RuntimeException {

        private final String problem;
        private final String company;

        FormProblem(String problem, String company) {
            super(problem, null, false, false);
            this.problem = problem;
            this.company = company;
        }
    }
}
