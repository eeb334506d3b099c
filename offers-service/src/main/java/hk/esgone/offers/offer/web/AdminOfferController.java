package hk.esgone.offers.offer.web;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.offers.offer.OfferLifecycle;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.text.TextRules;
import reactor.core.publisher.Mono;

/** Platform admins review offers (approve or reject submissions) and can pause or withdraw any offer. */
@RestController
@RequestMapping("/api/v1/offers/admin/offers")
class AdminOfferController {

    private final OfferLifecycle offers;
    private final Clock clock;

    AdminOfferController(OfferLifecycle offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    record RejectRequest(String reason) {
    }

    /** Offers by effective status; SUBMITTED (the review queue) when no status is given. */
    @GetMapping
    Mono<OfferViews.PageView<OfferViews.OfferView>> list(@RequestParam(required = false) OfferStatus status,
                                                         @RequestParam(required = false) String partnerId,
                                                         @RequestParam(required = false) String cursor,
                                                         @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        if (partnerId != null && !Ids.COMPANY.isValid(partnerId)) {
            return Mono.error(ApiProblem.validation("partnerId must be a company id."));
        }
        return offers.listAll(status == null ? OfferStatus.SUBMITTED : status, partnerId, cursor, size)
                .map(page -> new OfferViews.PageView<>(page.items().stream()
                        .map(o -> OfferViews.OfferView.of(o, clock.instant(), null)).toList(), page.nextCursor()));
    }

    @GetMapping("/{offerId}")
    Mono<OfferViews.OfferView> get(@PathVariable String offerId) {
        return offers.any(offerId).map(o -> OfferViews.OfferView.of(o, clock.instant(), null));
    }

    @PostMapping("/{offerId}/approve")
    Mono<OfferViews.OfferView> approve(@PathVariable String offerId) {
        return offers.approve(offerId).map(o -> OfferViews.OfferView.of(o, clock.instant(), null));
    }

    @PostMapping(path = "/{offerId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<OfferViews.OfferView> reject(@PathVariable String offerId, @RequestBody RejectRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            return Mono.error(ApiProblem.validation("reason is required (at most 1000 characters): the partner sees it."));
        }
        String unreadable = TextRules.violation(reason, TextRules.Kind.FREE);
        if (unreadable != null) {
            return Mono.error(ApiProblem.invalidField("reason", unreadable));
        }
        return offers.reject(offerId, reason).map(o -> OfferViews.OfferView.of(o, clock.instant(), null));
    }

    @PostMapping("/{offerId}/pause")
    Mono<OfferViews.OfferView> pause(@PathVariable String offerId) {
        return offers.pause(offerId, null).map(o -> OfferViews.OfferView.of(o, clock.instant(), null));
    }

    @PostMapping("/{offerId}/withdraw")
    Mono<OfferViews.OfferView> withdraw(@PathVariable String offerId) {
        return offers.withdraw(offerId, null).map(o -> OfferViews.OfferView.of(o, clock.instant(), null));
    }
}
