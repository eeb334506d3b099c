package hk.esgone.web.partner.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.partner.PartnerDesk;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claims on the partner's offers: a table filtered by offer and status with cursor paging, confirming a redemption
 * by code or by a CSV of codes (the outcome of every line), and the offer's claims as CSV (offers-service's file,
 * streamed through with the person's token). Refusals are explained on the page in its language.
 */
@Controller
class PartnerClaimsPageController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{3,63}");

    private final PartnerDesk desk;

    PartnerClaimsPageController(PartnerDesk desk) {
        this.desk = desk;
    }

    /** What the page shows after a redemption: the claim redeemed by code, or the outcome of each line of a file. */
    record Outcome(PartnerDesk.ClaimRow redeemed, PartnerDesk.Redeemed file) {
    }

    @GetMapping("/workspace/partner/claims")
    Mono<Rendering> list(@RequestParam(required = false) String offer, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String cursor, ServerWebExchange exchange) {
        return PartnerPages.partnerOnly(exchange).then(Mono.defer(() -> page(exchange, offer, status, cursor, null, null, null, List.of(),
                HttpStatus.OK)));
    }

    @PostMapping("/workspace/partner/claims/redeem")
    Mono<Rendering> redeem(ServerWebExchange exchange) {
        return PartnerPages.partnerOnly(exchange).then(exchange.getFormData()).flatMap(form -> {
            String offer = form.getFirst("offer");
            String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
            if (offer == null || !Ids.OFFER.isValid(offer)) {
                return page(exchange, null, null, null, null, code, "choose-offer", List.of(), HttpStatus.BAD_REQUEST);
            }
            if (!CODE.matcher(code).matches()) {
                return page(exchange, offer, null, null, null, code, "bad-code", List.of(), HttpStatus.BAD_REQUEST);
            }
            return desk.redeem(exchange, offer, code)
                    .flatMap(claim -> page(exchange, offer, null, null, new Outcome(claim, null), null, null, List.of(), HttpStatus.OK))
                    .onErrorResume(ServiceFailure.class, failure -> inPlace(failure)
                            ? page(exchange, offer, null, null, null, code, refusal(failure), List.of(), status(failure))
                            : Mono.error(failure));
        });
    }

    @PostMapping("/workspace/partner/claims/redeem-csv")
    Mono<Rendering> redeemCsv(ServerWebExchange exchange) {
        return PartnerPages.partnerOnly(exchange).then(exchange.getMultipartData()).flatMap(form -> {
            String offer = PartnerPages.field(form.getFirst("offer"));
            if (offer == null || !Ids.OFFER.isValid(offer)) {
                return page(exchange, null, null, null, null, null, "choose-offer", List.of(), HttpStatus.BAD_REQUEST);
            }
            return PartnerPages.readFile(form.getFirst("file")).flatMap(upload -> upload.problem() != null
                    ? page(exchange, offer, null, null, null, null, upload.problem(), List.of(), HttpStatus.BAD_REQUEST)
                    : desk.redeemCsv(exchange, offer, upload.text())
                    .flatMap(done -> page(exchange, offer, null, null, new Outcome(null, done), null, null, List.of(), HttpStatus.OK))
                    .onErrorResume(PartnerDesk.FileRefused.class, refused -> page(exchange, offer, null, null, null, null,
                            refused.empty() ? "empty-file" : "lines", refused.lines(), HttpStatus.BAD_REQUEST))
                    .onErrorResume(ServiceFailure.class, failure -> inPlace(failure)
                            ? page(exchange, offer, null, null, null, null, refusal(failure), List.of(), status(failure))
                            : Mono.error(failure)));
        });
    }

    /** offers-service's CSV as it sends it (name, type and all); another partner's offer is its 404. */
    @GetMapping("/workspace/partner/offers/{id}/claims/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(@PathVariable String id, ServerWebExchange exchange) {
        return PartnerPages.partnerOnly(exchange).then(PartnerPages.offerId(id)).then(Mono.defer(() -> desk.export(exchange, id)));
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String offer, String status, String cursor, Outcome outcome,
                                 String typedCode, String problem, List<PartnerDesk.LineProblem> lines, HttpStatus httpStatus) {
        String offerFilter = offer != null && Ids.OFFER.isValid(offer) ? offer : null;
        String statusFilter = status != null && PartnerPages.STATUS.matcher(status).matches() ? status : null;
        return Mono.zip(desk.offers(exchange), desk.claims(exchange, offerFilter, statusFilter, cursor))
                .map(both -> Rendering.view("partner/claims")
                        .modelAttribute("offers", both.getT1())
                        .modelAttribute("titles", both.getT1().stream().collect(java.util.stream.Collectors.toMap(PartnerDesk.Offer::id,
                                PartnerDesk.Offer::title, (a, b) -> a)))
                        .modelAttribute("claims", both.getT2())
                        .modelAttribute("offer", offerFilter)
                        .modelAttribute("status", statusFilter)
                        .modelAttribute("statuses", List.of("ACTIVE", "REDEEMED", "CANCELLED", "EXPIRED"))
                        .modelAttribute("outcome", outcome)
                        .modelAttribute("typedCode", typedCode)
                        .modelAttribute("problem", problem)
                        .modelAttribute("lines", lines)
                        .modelAttribute("maxFile", PartnerPages.MAX_FILE_TEXT)
                        .status(httpStatus).build());
    }

    /** A refusal about this code or file, shown beside the forms; anything else (an ended session, an outage) gets its own page. */
    private static boolean inPlace(ServiceFailure failure) {
        return !failure.serviceDown() && failure.status() != HttpStatus.UNAUTHORIZED && failure.status() != HttpStatus.FORBIDDEN;
    }

    private static HttpStatus status(ServiceFailure failure) {
        return failure.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND
                : failure.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    }

    private static String refusal(ServiceFailure failure) {
        return switch (failure.problemType()) {
            case "already-redeemed", "claim-cancelled", "claim-expired", "code-not-found", "not-found", "validation" -> failure.problemType();
            default -> "refused";
        };
    }
}
