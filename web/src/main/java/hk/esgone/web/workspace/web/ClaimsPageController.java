package hk.esgone.web.workspace.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.ClaimsWorkspace;
import reactor.core.publisher.Mono;

/**
 * The SME's offers and claims: "offers for me" (claimable ones with a one-click claim, the others with the rule
 * the company does not meet), "my claims" with codes and cancelling. Every form carries a key made when the page
 * was rendered, so sending it twice claims once. A refusal by offers-service (sold out, not eligible, limit
 * reached) is shown on the page in words, with the page still usable.
 */
@Controller
class ClaimsPageController {

    private static final Pattern FORM_KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STATUS = Pattern.compile("ACTIVE|REDEEMED|CANCELLED|EXPIRED");

    private final ClaimsWorkspace workspace;

    ClaimsPageController(ClaimsWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/workspace/offers")
    Mono<Rendering> offers(@RequestParam(required = false) String cursor, ServerWebExchange exchange) {
        return offersPage(exchange, cursor, null, HttpStatus.OK);
    }

    @PostMapping("/workspace/offers/{offerId}/claim")
    Mono<Rendering> claim(@PathVariable String offerId, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String key = form.getFirst("key");
            if (!Ids.OFFER.isValid(offerId) || key == null || !FORM_KEY.matcher(key).matches()) {
                return offersPage(exchange, null, "bad-form", HttpStatus.BAD_REQUEST);
            }
            return workspace.claim(exchange, offerId, key)
                    .map(claimId -> Rendering.redirectTo(Ids.CLAIM.isValid(claimId) ? "/workspace/claims?claimed=" + claimId : "/workspace/claims").build())
                    .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                            ? Mono.error(refused)
                            : offersPage(exchange, null, refusal(refused), refused.status()));
        });
    }

    @GetMapping("/workspace/claims")
    Mono<Rendering> claims(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                           @RequestParam(required = false) String claimed, @RequestParam(required = false) String cancelled,
                           ServerWebExchange exchange) {
        String filter = status != null && STATUS.matcher(status).matches() ? status : null;
        return claimsPage(exchange, filter, cursor, claimed, cancelled, null, HttpStatus.OK);
    }

    @PostMapping("/workspace/claims/{claimId}/cancel")
    Mono<Rendering> cancel(@PathVariable String claimId, ServerWebExchange exchange) {
        if (!Ids.CLAIM.isValid(claimId)) {
            return claimsPage(exchange, null, null, null, null, "not-found", HttpStatus.NOT_FOUND);
        }
        return workspace.cancel(exchange, claimId)
                .map(done -> Rendering.redirectTo("/workspace/claims?cancelled=" + claimId).build())
                .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                        ? Mono.error(refused)
                        : claimsPage(exchange, null, null, null, null, refusal(refused), refused.status()));
    }

    private Mono<Rendering> offersPage(ServerWebExchange exchange, String cursor, String problem, HttpStatus status) {
        return workspace.offersForMe(exchange, cursor).map(offers -> Rendering.view("workspace/offers")
                .modelAttribute("offers", offers)
                .modelAttribute("formKeys", new FormKeys())
                .modelAttribute("problem", problem)
                .status(status).build());
    }

    private Mono<Rendering> claimsPage(ServerWebExchange exchange, String status, String cursor, String claimed, String cancelled,
                                       String problem, HttpStatus httpStatus) {
        return workspace.myClaims(exchange, status, cursor).map(claims -> Rendering.view("workspace/claims")
                .modelAttribute("claims", claims)
                .modelAttribute("status", status)
                .modelAttribute("claimed", claimed)
                .modelAttribute("cancelled", cancelled)
                .modelAttribute("problem", problem)
                .status(httpStatus).build());
    }

    /** The message group of a refusal: the service's problem type when the page knows it, else a general one. */
    static String refusal(ServiceFailure refused) {
        return switch (refused.problemType()) {
            case "quota-exhausted", "codes-exhausted", "offer-not-available", "company-limit-reached", "not-eligible",
                 "company-required", "claim-not-cancellable", "not-found" -> refused.problemType();
            default -> refused.status() == HttpStatus.FORBIDDEN ? "forbidden" : "refused";
        };
    }

    /** A fresh idempotency key for each claim form on the page. */
    public static final class FormKeys {

        public String next() {
            return UUID.randomUUID().toString();
        }
    }
}
