package hk.esgone.offers.claim.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import hk.esgone.platform.idempotency.IdempotencyKey;
import hk.esgone.platform.idempotency.IdempotentExecutor;
import hk.esgone.platform.idempotency.RequestFingerprint;
import hk.esgone.platform.idempotency.StoredResponse;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStore;
import hk.esgone.offers.offer.web.OfferViews;
import hk.esgone.offers.pagination.PageLimit;
import hk.esgone.offers.support.CurrentCaller;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.problem.ProblemResponses;
import hk.esgone.platform.web.CorrelationId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** An SME's side: claim an offer (idempotent), see the company's claims with their codes, cancel one. */
@RestController
class ClaimController {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final int NOTE_MAX = 500;

    private final ClaimService claims;
    private final ClaimQueries queries;
    private final OfferStore offers;
    private final IdempotentExecutor idempotent;
    private final JsonMapper json;
    private final Clock clock;

    ClaimController(ClaimService claims, ClaimQueries queries, OfferStore offers, IdempotentExecutor idempotent, JsonMapper json, Clock clock) {
        this.claims = claims;
        this.queries = queries;
        this.offers = offers;
        this.idempotent = idempotent;
        this.json = json;
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
        String key = IdempotencyKey.require(idempotencyKey);
        String note = note(request);
        String path = "/api/v1/offers/" + offerId + "/claims";
        String fingerprint = RequestFingerprint.of("POST", path, json.writeValueAsString(Map.of("note", note == null ? "" : note)));
        return CurrentCaller.company().flatMap(me -> idempotent.execute("claims:" + me.companyId(), key, fingerprint,
                        attempt -> claims.claim(offerId, me.companyId(), me.caller().subject(), attempt, note)
                                .map(claimed -> new StoredResponse(201, MediaType.APPLICATION_JSON_VALUE,
                                        json.writeValueAsString(ClaimViews.ClaimView.of(claimed.claim(), claimed.offer(), clock.instant())),
                                        Map.of(HttpHeaders.LOCATION, "/api/v1/offers/claims/" + claimed.claim().id()))),
                        problem -> stored(problem, exchange)))
                .map(outcome -> {
                    StoredResponse r = outcome.response();
                    ResponseEntity.BodyBuilder builder = ResponseEntity.status(r.status()).contentType(MediaType.parseMediaType(r.contentType()));
                    r.headers().forEach(builder::header);
                    if (outcome.replayed()) {
                        builder.header(IdempotencyKey.REPLAYED_HEADER, "true");
                    }
                    return builder.body(r.body());
                });
    }

    @GetMapping("/api/v1/offers/claims/mine")
    Mono<OfferViews.PageView<ClaimViews.ClaimView>> mine(@RequestParam(required = false) ClaimStatus status,
                                                         @RequestParam(required = false) String cursor,
                                                         @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        return CurrentCaller.company()
                .flatMap(me -> queries.ofCompany(me.companyId(), status, cursor, size))
                .flatMap(page -> offersOf(page.items()).map(byId -> new OfferViews.PageView<>(
                        page.items().stream().map(c -> ClaimViews.ClaimView.of(c, byId.get(c.offerId()), clock.instant())).toList(),
                        page.nextCursor())));
    }

    @GetMapping("/api/v1/offers/claims/{claimId}")
    Mono<ClaimViews.ClaimView> get(@PathVariable String claimId) {
        return CurrentCaller.company()
                .flatMap(me -> claims.ownClaim(claimId, me.companyId()))
                .flatMap(this::view);
    }

    /** Cancels an unredeemed claim; its place returns to the offer's quota. */
    @PostMapping("/api/v1/offers/claims/{claimId}/cancel")
    Mono<ClaimViews.ClaimView> cancel(@PathVariable String claimId) {
        return CurrentCaller.company()
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
        if (note.codePointCount(0, note.length()) > NOTE_MAX || CONTROL.matcher(note).find()) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "One or more fields are invalid.",
                    Map.of("errors", List.of(Map.of("field", "note", "message", "At most " + NOTE_MAX + " characters, no control characters."))));
        }
        return note;
    }

    /** The problem exactly as the platform would render it, kept so that a replay is identical. */
    private StoredResponse stored(ApiProblem problem, ServerWebExchange exchange) {
        ProblemDetail body = problem.getBody();
        if (body.getInstance() == null) {
            body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
        if (correlationId != null) {
            body.setProperty(CorrelationId.KEY, correlationId);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        problem.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        return new StoredResponse(body.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsString(ProblemResponses.asMap(body)), headers);
    }
}
