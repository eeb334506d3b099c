package hk.esgone.offers.claim.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.ClaimQueries;
import hk.esgone.offers.claim.ClaimService;
import hk.esgone.offers.claim.ClaimStatus;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferLifecycle;
import hk.esgone.offers.offer.web.OfferViews;
import hk.esgone.platform.idempotency.IdempotencyKey;
import hk.esgone.platform.idempotency.IdempotentEndpoint;
import hk.esgone.platform.idempotency.IdempotentEndpoint.Refusals;
import hk.esgone.platform.idempotency.IdempotentEndpoint.Result;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import hk.esgone.platform.text.TextRules;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An SME's side: claim an offer (idempotent), see the company's claims with their codes, cancel one. */
@RestController
class ClaimController {

    private static final int NOTE_MAX = 500;

    private final ClaimService claims;
    private final ClaimQueries queries;
    private final OfferLifecycle offers;
    private final IdempotentEndpoint idempotent;
    private final Clock clock;

    ClaimController(ClaimService claims, ClaimQueries queries, OfferLifecycle offers, IdempotentEndpoint idempotent, Clock clock) {
        this.claims = claims;
        this.queries = queries;
        this.offers = offers;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    /** @param note an optional message to the partner (at most 500 characters) */
    record ClaimRequest(String note) {
    }

    /**
     * Claims one place. Requires {@code Idempotency-Key}: a retry with the same key returns the same
     * status and body (the header {@code Idempotent-Replayed: true} marks a replay).
     */
    @PostMapping("/api/v1/offers/{offerId}/claims")
    Mono<ResponseEntity<String>> claim(@PathVariable String offerId,
                                       @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
                                       @RequestBody(required = false) ClaimRequest request,
                                       ServerWebExchange exchange) {
        // the key and the note are checked before the caller's company, as they always were
        IdempotencyKey.require(idempotencyKey);
        String note = note(request);
        return Callers.company().flatMap(me -> idempotent.run(exchange, "claims:" + me.companyId(), idempotencyKey,
                Map.of("note", note == null ? "" : note), Refusals.STORE,
                attempt -> claims.claim(offerId, me.companyId(), me.caller().subject(), attempt, note)
                        .map(claimed -> Result.created(ClaimViews.ClaimView.of(claimed.claim(), claimed.offer(), clock.instant()),
                                "/api/v1/offers/claims/" + claimed.claim().id()))));
    }

    @GetMapping("/api/v1/offers/claims/mine")
    Mono<OfferViews.PageView<ClaimViews.ClaimView>> mine(@RequestParam(required = false) ClaimStatus status,
                                                         @RequestParam(required = false) String cursor,
                                                         @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        return Callers.company()
                .flatMap(me -> queries.ofCompany(me.companyId(), status, cursor, size))
                .flatMap(page -> offersOf(page.items()).map(byId -> new OfferViews.PageView<>(
                        page.items().stream().map(c -> ClaimViews.ClaimView.of(c, byId.get(c.offerId()), clock.instant())).toList(),
                        page.nextCursor())));
    }

    @GetMapping("/api/v1/offers/claims/{claimId}")
    Mono<ClaimViews.ClaimView> get(@PathVariable String claimId) {
        return Callers.company()
                .flatMap(me -> claims.ownClaim(claimId, me.companyId()))
                .flatMap(this::view);
    }

    /** Cancels an unredeemed claim; its place returns to the offer's quota. */
    @PostMapping("/api/v1/offers/claims/{claimId}/cancel")
    Mono<ClaimViews.ClaimView> cancel(@PathVariable String claimId) {
        return Callers.company()
                .flatMap(me -> claims.cancel(claimId, me.companyId()))
                .flatMap(this::view);
    }

    private Mono<ClaimViews.ClaimView> view(ClaimDocument claim) {
        return offers.find(claim.offerId()).map(o -> ClaimViews.ClaimView.of(claim, o, clock.instant()))
                .defaultIfEmpty(ClaimViews.ClaimView.of(claim, null, clock.instant()));
    }

    private Mono<Map<String, OfferDocument>> offersOf(List<ClaimDocument> page) {
        Set<String> ids = page.stream().map(ClaimDocument::offerId).collect(Collectors.toSet());
        return Flux.fromIterable(ids).flatMap(offers::find, 8).collectMap(OfferDocument::id, Function.identity());
    }

    private static String note(ClaimRequest request) {
        if (request == null || request.note() == null || request.note().isBlank()) {
            return null;
        }
        String note = request.note().strip();
        if (note.codePointCount(0, note.length()) > NOTE_MAX) {
            throw ApiProblem.invalidField("note", "At most " + NOTE_MAX + " characters.");
        }
        // the partner reads the note: no control characters, no bidirectional overrides that reorder its words
        String unreadable = TextRules.violation(note, TextRules.Kind.FREE);
        if (unreadable != null) {
            throw ApiProblem.invalidField("note", unreadable);
        }
        return note;
    }
}
