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
 * A partner's offers: every offer of the person's company (offers-service answers only those) with its status, the
 * note of a rejection, places and the code stock, filtered by status; submitting a draft for approval, pausing,
 * resuming and withdrawing (with a ticked confirmation). The company is the one in the person's token; no page
 * takes a company id.
 */
@Controller
class PartnerOffersPageController {

    private static final Map<String, String> DONE = Map.of("submit", "submitted", "pause", "paused", "resume", "resumed",
            "withdraw", "withdrawn");

    private final OfferReviews offers;

    PartnerOffersPageController(OfferReviews offers) {
        this.offers = offers;
    }

    @GetMapping("/workspace/partner/offers")
    Mono<Rendering> list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String done, @RequestParam(required = false) String offer,
                         ServerWebExchange exchange) {
        String outcome = done != null && DONE.containsValue(done) ? done : null;
        return page(exchange, statusOr(status), FormText.clean(cursor, 500), outcome, Ids.OFFER.isValid(offer) ? offer : null, null,
                HttpStatus.OK);
    }

    @PostMapping("/workspace/partner/offers/{id}/{action}")
    Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String back = statusOr(form.getFirst("status"));
            if (!Ids.OFFER.isValid(id) || !DONE.containsKey(action)) {
                return page(exchange, back, null, null, null, "not-found", HttpStatus.NOT_FOUND);
            }
            if (action.equals("withdraw") && !"yes".equals(form.getFirst("confirm"))) {
                return page(exchange, back, null, null, id, "not-confirmed", HttpStatus.BAD_REQUEST);
            }
            return offers.actOnMine(exchange, id, action)
                    .map(status -> Rendering.redirectTo(UriComponentsBuilder.fromPath("/workspace/partner/offers")
                            .queryParamIfPresent("status", java.util.Optional.ofNullable(back)).queryParam("done", DONE.get(action))
                            .queryParam("offer", id).build().toUriString()).build())
                    .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                            ? Mono.error(refused)
                            : page(exchange, back, null, null, id, ReviewsPageController.refusal(refused), refused.status()));
        });
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String status, String cursor, String done, String offer, String problem,
                                 HttpStatus httpStatus) {
        return offers.mine(exchange, status, cursor).map(page -> Rendering.view("workspace/partner-offers")
                .modelAttribute("page", page)
                .modelAttribute("status", status)
                .modelAttribute("statuses", OfferReviews.PARTNER_STATUSES)
                .modelAttribute("done", done)
                .modelAttribute("offer", offer)
                .modelAttribute("problem", problem)
                .status(httpStatus).build());
    }

    /** A status to filter by, or null for all of them. */
    private static String statusOr(String status) {
        return status != null && OfferReviews.PARTNER_STATUSES.contains(status) ? status : null;
    }
}
