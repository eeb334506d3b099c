package hk.esgone.web.report.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.report.ReportPdf;
import hk.esgone.web.report.ScorecardReport;
import hk.esgone.web.support.PageLocales;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What the two PDF addresses share: the language asked for, the rendering off the event loop, the download headers. */
final class PdfAnswers {

    private PdfAnswers() {
    }

    /** {@code en} or {@code zh-Hant}; the page's language when not given; anything else is a bad request. */
    static String language(String lang, ServerWebExchange exchange) {
        if (lang == null || lang.isBlank()) {
            return PageLocales.tag(PageLocales.of(exchange));
        }
        if (lang.equals("en") || lang.equals("zh-Hant")) {
            return lang;
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "lang must be en or zh-Hant");
    }

    /** The PDF as a download; drawing it reads the font file and takes some CPU, so not on the event loop. */
    static Mono<ResponseEntity<byte[]>> download(ReportPdf pdf, ScorecardReport report, String lang, String cacheControl) {
        return Mono.fromCallable(() -> pdf.render(report, lang))
                .subscribeOn(Schedulers.boundedElastic())
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(report, lang))
                        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                        .header("X-Content-Type-Options", "nosniff")
                        .body(bytes));
    }

    /**
     * {@code attachment; filename="esg-scorecard-green-pack-ltd-2025.pdf"; filename*=UTF-8''...}: an ASCII name for
     * every browser, and the name in the PDF's language for those that read {@code filename*} (RFC 6266).
     */
    static String disposition(ScorecardReport report, String lang) {
        String ascii = report.fileStem() + ".pdf";
        String local = report.companyName().in(lang).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-|-$", "");
        if (local.length() > 60) {
            local = local.substring(0, 60);
        }
        String named = "esg-scorecard-" + (local.isEmpty() ? report.companyId() : local) + "-" + report.year() + ".pdf";
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(named, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
