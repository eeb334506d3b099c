package hk.esgone.web.report.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.report.ReportPdf;
import hk.esgone.web.report.ScorecardReports;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * A company's own report and its share setting, for its signed-in members: the PDF of a submitted assessment (read
 * with the person's token, so another company's id is assessment-service's 404 and the 404 page, never a PDF), and
 * the page that makes the scorecard public or private again, with the link to copy. assessment-service decides who
 * may change the setting; its refusals are shown in place.
 */
@Controller
class OwnReportController {

    private final ScorecardReports reports;
    private final ReportPdf pdf;

    OwnReportController(ScorecardReports reports, ReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/workspace/assessment/{id}/report.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, @RequestParam(required = false) String lang, ServerWebExchange exchange) {
        String language = PdfAnswers.language(lang, exchange);
        if (!pdf.canRender(language)) {
            return Mono.error(new ReportPdf.FontMissing());
        }
        return reports.own(exchange, id).flatMap(report -> PdfAnswers.download(pdf, report, language, "private, no-store"));
    }

    @GetMapping("/workspace/assessment/{id}/share")
    Mono<Rendering> share(@PathVariable String id, @RequestParam(required = false) String saved, ServerWebExchange exchange) {
        return reports.sharing(exchange, id).map(sharing -> page(sharing, "public".equals(saved) || "private".equals(saved) ? saved : null,
                null, HttpStatus.OK));
    }

    /** {@code public=true|false} from the form's two buttons; anything else is refused before asking the service. */
    @PostMapping("/workspace/assessment/{id}/share")
    Mono<Rendering> choose(@PathVariable String id, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String value = form.getFirst("public");
            if (!"true".equals(value) && !"false".equals(value)) {
                return Mono.error(new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST, "public must be true or false"));
            }
            boolean shared = Boolean.parseBoolean(value);
            return reports.share(exchange, id, shared)
                    .map(done -> Rendering.redirectTo("/workspace/assessment/" + done.assessmentId() + "/share?saved="
                            + (done.shared() ? "public" : "private")).build())
                    .onErrorResume(ServiceFailure.class, refused -> refused.status() == HttpStatus.FORBIDDEN
                            || refused.status() == HttpStatus.CONFLICT
                            ? reports.sharing(exchange, id).map(now -> page(now, null,
                                    refused.status() == HttpStatus.FORBIDDEN ? "forbidden" : "draft", refused.status()))
                            : Mono.error(refused));
        });
    }

    private static Rendering page(ScorecardReports.Sharing sharing, String saved, String problem, HttpStatus status) {
        return Rendering.view("report/share")
                .modelAttribute("sharing", sharing)
                .modelAttribute("saved", saved)
                .modelAttribute("problem", problem)
                .status(status)
                .build();
    }

    @ExceptionHandler(ReportPdf.FontMissing.class)
    Rendering noChineseFont(ServerWebExchange exchange) {
        return NoFontPage.of(exchange);
    }
}
