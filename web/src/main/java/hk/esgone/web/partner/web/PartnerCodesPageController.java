package hk.esgone.web.partner.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.partner.PartnerDesk;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * An offer's code pool: the stock and the low-stock signal, and uploading a CSV of codes (a plain file form, no
 * script). offers-service takes all the codes or none; when it refuses, every refused line is listed with its number
 * and the reason in the page's language, and nothing was added.
 */
@Controller
class PartnerCodesPageController {

    private final PartnerDesk desk;

    PartnerCodesPageController(PartnerDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/workspace/partner/offers/{id}/codes")
    Mono<Rendering> show(@PathVariable String id, ServerWebExchange exchange) {
        return PartnerPages.partnerOnly(exchange).then(PartnerPages.offerId(id))
                .then(Mono.defer(() -> page(exchange, id, null, null, List.of(), HttpStatus.OK)));
    }

    @PostMapping("/workspace/partner/offers/{id}/codes")
    Mono<Rendering> upload(@PathVariable String id, ServerWebExchange exchange) {
        return PartnerPages.partnerOnly(exchange).then(PartnerPages.offerId(id))
                .then(exchange.getMultipartData())
                .flatMap(form -> PartnerPages.readFile(form.getFirst("file")))
                .flatMap(upload -> upload.problem() != null
                        ? page(exchange, id, null, upload.problem(), List.of(), HttpStatus.BAD_REQUEST)
                        : desk.uploadCodes(exchange, id, upload.text())
                        .flatMap(imported -> page(exchange, id, imported, null, List.of(), HttpStatus.OK))
                        .onErrorResume(PartnerDesk.FileRefused.class, refused -> page(exchange, id, null,
                                refused.empty() ? "empty-file" : "lines", refused.lines(), HttpStatus.BAD_REQUEST))
                        .onErrorResume(ServiceFailure.class, failure -> inPlace(failure)
                                ? page(exchange, id, null, refusal(failure), List.of(), HttpStatus.CONFLICT)
                                : Mono.error(failure)));
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String id, PartnerDesk.Imported imported, String problem,
                                 List<PartnerDesk.LineProblem> lines, HttpStatus status) {
        return desk.offer(exchange, id).map(offer -> Rendering.view("partner/codes")
                .modelAttribute("offer", offer)
                .modelAttribute("stock", imported != null && imported.stock() != null ? imported.stock() : offer.stock())
                .modelAttribute("imported", imported)
                .modelAttribute("problem", problem)
                .modelAttribute("lines", lines)
                .modelAttribute("maxFile", PartnerPages.MAX_FILE_TEXT)
                .status(status).build());
    }

    /** Refusals the page explains beside the form; a missing offer, an ended session or an outage get their own pages. */
    private static boolean inPlace(ServiceFailure failure) {
        return failure.status() == HttpStatus.CONFLICT || failure.status() == HttpStatus.BAD_REQUEST
                || failure.status() == HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private static String refusal(ServiceFailure failure) {
        return switch (failure.problemType()) {
            case "not-a-code-pool", "invalid-transition", "concurrent-upload" -> failure.problemType();
            default -> "refused";
        };
    }
}
