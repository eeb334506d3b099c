package hk.esgone.web.report.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.config.WebProperties;
import hk.esgone.web.report.ReportPdf;
import hk.esgone.web.report.ScorecardReports;
import reactor.core.publisher.Mono;

/**
 * The public, shareable scorecard page of a company that chose to share it (Open Graph tags for link previews), and
 * its PDF. Not shared, a draft, unknown or malformed: the friendly 404 page, no PDF.
 */
@Controller
class ScorecardPageController {

    private final ScorecardReports reports;
    private final ReportPdf pdf;
    private final WebProperties web;

    ScorecardPageController(ScorecardReports reports, ReportPdf pdf, WebProperties web) {
        this.reports = reports;
        this.pdf = pdf;
        this.web = web;
    }

    @GetMapping("/scorecards/{id}")
    Mono<Rendering> page(@PathVariable String id) {
        return reports.shared(id).map(report -> Rendering.view("report/scorecard")
                .modelAttribute("report", report)
                .modelAttribute("pageUrl", web.publicUrl("/scorecards/" + report.assessmentId()))
                .modelAttribute("pdfPath", "/scorecards/" + report.assessmentId() + "/report.pdf")
                .build());
    }

    @GetMapping("/scorecards/{id}/report.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, @RequestParam(required = false) String lang,
                                     ServerWebExchange exchange) {
        String language = PdfAnswers.language(lang, exchange);
        if (!pdf.canRender(language)) {
            return Mono.error(new ReportPdf.FontMissing());
        }
        // shared now, perhaps not in a minute: caches must ask again
        return reports.shared(id).flatMap(report -> PdfAnswers.download(pdf, report, language, "no-cache"));
    }

    @ExceptionHandler(ReportPdf.FontMissing.class)
    Rendering noChineseFont(ServerWebExchange exchange) {
        return NoFontPage.of(exchange);
    }
}
