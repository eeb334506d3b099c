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

import hk.esgone.web.support.FormText;
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

    private final OfferReviews reviews;
    private final OfferListPage list;

    OfferReviewsPageController(OfferReviews reviews) {
        this.reviews = reviews;
        this.list = new OfferListPage("/workspace/admin/offers", "workspace/offer-reviews", OfferReviews.STATUSES, "SUBMITTED",
                Map.of("approve", "approved", "reject", "rejected", "pause", "paused", "withdraw", "withdrawn"), reviews::queue);
    }

    @GetMapping("/workspace/admin/offers")
    Mono<Rendering> list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String done, @RequestParam(required = false) String offer,
                         ServerWebExchange exchange) {
        return list.show(exchange, status, cursor, done, offer);
    }

    @PostMapping("/workspace/admin/offers/{id}/{action}")
    Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String back = list.statusOr(form.getFirst("status"));
            if (!list.knows(id, action)) {
                return list.render(exchange, back, null, null, null, "not-found", HttpStatus.NOT_FOUND);
            }
            String reason = null;
            if (!action.equals("approve")) {
                // reject needs a note for the partner; pause and withdraw only the confirmation
                String problem = action.equals("reject") ? ReviewsPageController.reasonProblem(form)
                        : "yes".equals(form.getFirst("confirm")) ? null : "not-confirmed";
                if (problem != null) {
                    return list.render(exchange, back, null, null, id, problem, HttpStatus.BAD_REQUEST);
                }
                reason = action.equals("reject") ? FormText.clean(form.getFirst("reason"), 500) : null;
            }
            return list.afterAction(exchange, reviews.act(exchange, id, action, reason), back, id, action);
        });
    }
}
