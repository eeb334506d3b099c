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

    private final OfferReviews offers;
    private final OfferListPage list;

    PartnerOffersPageController(OfferReviews offers) {
        this.offers = offers;
        this.list = new OfferListPage("/workspace/partner/offers", "workspace/partner-offers", OfferReviews.PARTNER_STATUSES, null,
                Map.of("submit", "submitted", "pause", "paused", "resume", "resumed", "withdraw", "withdrawn"), offers::mine);
    }

    @GetMapping("/workspace/partner/offers")
    Mono<Rendering> list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String done, @RequestParam(required = false) String offer,
                         ServerWebExchange exchange) {
        return list.show(exchange, status, cursor, done, offer);
    }

    @PostMapping("/workspace/partner/offers/{id}/{action}")
    Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String back = list.statusOr(form.getFirst("status"));
            if (!list.knows(id, action)) {
                return list.render(exchange, back, null, null, null, "not-found", HttpStatus.NOT_FOUND);
            }
            if (action.equals("withdraw") && !"yes".equals(form.getFirst("confirm"))) {
                return list.render(exchange, back, null, null, id, "not-confirmed", HttpStatus.BAD_REQUEST);
            }
            return list.afterAction(exchange, offers.actOnMine(exchange, id, action), back, id, action);
        });
    }
}
