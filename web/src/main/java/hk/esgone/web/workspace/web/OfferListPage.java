package hk.esgone.web.workspace.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.OfferReviews;
import reactor.core.publisher.Mono;

/**
 * What a partner's list of its offers and staff's queue of offers share: a page of offers filtered by status, and
 * an action on one offer that returns to that page with its outcome in words (or offers-service's refusal in place).
 *
 * @param path     the page's path; actions post to {@code path/{id}/{action}}
 * @param view     its template
 * @param statuses the statuses it filters by
 * @param fallback the status shown when none (or an unknown one) is asked for; null for all
 * @param done     each action and the outcome word the page shows after it
 * @param offers   reads one page of offers
 */
record OfferListPage(String path, String view, List<String> statuses, String fallback, Map<String, String> done, Lister offers) {

    interface Lister {
        Mono<OfferReviews.Page> page(ServerWebExchange exchange, String status, String cursor);
    }

    /** The page as a link back to it shows it: filter, cursor, the outcome of the action just taken and its offer. */
    Mono<Rendering> show(ServerWebExchange exchange, String status, String cursor, String outcome, String offer) {
        return render(exchange, statusOr(status), FormText.clean(cursor, 500),
                outcome != null && done.containsValue(outcome) ? outcome : null, Ids.OFFER.isValid(offer) ? offer : null,
                null, HttpStatus.OK);
    }

    /** Whether the path's offer id and action are ones this page knows; otherwise it is shown with "not found". */
    boolean knows(String id, String action) {
        return Ids.OFFER.isValid(id) && done.containsKey(action);
    }

    /** After {@code action} on offer {@code id}: back to the list with its outcome, or the refusal shown in place. */
    Mono<Rendering> afterAction(ServerWebExchange exchange, Mono<String> action, String back, String id, String actionName) {
        return action
                .map(status -> Rendering.redirectTo(UriComponentsBuilder.fromPath(path)
                        .queryParamIfPresent("status", Optional.ofNullable(back)).queryParam("done", done.get(actionName))
                        .queryParam("offer", id).build().toUriString()).build())
                .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                        ? Mono.error(refused)
                        : render(exchange, back, null, null, id, ReviewsPageController.refusal(refused), refused.status()));
    }

    Mono<Rendering> render(ServerWebExchange exchange, String status, String cursor, String outcome, String offer, String problem,
                           HttpStatus httpStatus) {
        return offers.page(exchange, status, cursor).map(page -> Rendering.view(view)
                .modelAttribute("page", page)
                .modelAttribute("status", status)
                .modelAttribute("statuses", statuses)
                .modelAttribute("done", outcome)
                .modelAttribute("offer", offer)
                .modelAttribute("problem", problem)
                .status(httpStatus).build());
    }

    /** A status this page filters by, or the fallback. */
    String statusOr(String status) {
        return status != null && statuses.contains(status) ? status : fallback;
    }
}
