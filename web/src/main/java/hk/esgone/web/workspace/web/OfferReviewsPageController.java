package hk.esgone.web.workspace.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
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
import hk.esgone.web.workspace.OfferReviews;
import reactor.core.publisher.Mono;

/**
 * Council staff's review of partners' offers: the submitted ones as a queue, the others by status, with approve,
 * reject (a note the partner sees, and a ticked confirmation), pause and withdraw (a ticked confirmation). Each
 * action returns to the list with its outcome in words; offers-service's refusals are shown in place. Whether the
 * person may do any of this is offers-service's decision.
 */
@Controller
class OfferReviewsPageController {

    private static final Map<String, String> DONE = Map.of("approve", "approved", "reject", "rejected", "pause", "paused",
            "withdraw", "withdrawn");

    private final OfferReviews reviews;

    OfferReviewsPageController(OfferReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/workspace/admin/offers")
    Mono<Rendering> list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String done, @RequestParam(required = false) String offer,
                         ServerWebExchange exchange) {
        String outcome = done != null && DONE.containsValue(done) ? done : null;
        return page(exchange, statusOr(status), FormText.clean(cursor, 500), outcome, Ids.OFFER.isValid(offer) ? offer : null, null,
                HttpStatus.OK);
    }

    @PostMapping("/workspace/admin/offers/{id}/{action}")
    Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String back = statusOr(form.getFirst("status"));
            if (!Ids.OFFER.isValid(id) || !DONE.containsKey(action)) {
                return page(exchange, back, null, null, null, "not-found", HttpStatus.NOT_FOUND);
            }
            String reason = null;
            if (!action.equals("approve")) {
                // reject needs a note for the partner; pause and withdraw only the confirmation
                String problem = action.equals("reject") ? ReviewsPageController.reasonProblem(form)
                        : "yes".equals(form.getFirst("confirm")) ? null : "not-confirmed";
                if (problem != null) {
                    return page(exchange, back, null, null, id, problem, HttpStatus.BAD_REQUEST);
                }
                reason = action.equals("reject") ? FormText.clean(form.getFirst("reason"), 500) : null;
            }
            return reviews.act(exchange, id, action, reason)
                    .map(status -> Rendering.redirectTo(UriComponentsBuilder.fromPath("/workspace/admin/offers")
                            .queryParam("status", back).queryParam("done", DONE.get(action)).queryParam("offer", id)
                            .build().toUriString()).build())
                    .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                            ? Mono.error(refused)
                            : page(exchange, back, null, null, id, ReviewsPageController.refusal(refused), refused.status()));
        });
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String status, String cursor, String done, String offer, String problem,
                                 HttpStatus httpStatus) {
        return reviews.queue(exchange, status, cursor).map(page -> Rendering.view("workspace/offer-reviews")
                .modelAttribute("page", page)
                .modelAttribute("status", status)
                .modelAttribute("statuses", OfferReviews.STATUSES)
                .modelAttribute("done", done)
                .modelAttribute("offer", offer)
                .modelAttribute("problem", problem)
                .status(httpStatus).build());
    }

    private static String statusOr(String status) {
        return status != null && OfferReviews.STATUSES.contains(status) ? status : "SUBMITTED";
    }
}
