package hk.esgone.web.report.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

/** The Chinese PDF asked for on a server without the CJK font: a page that says so and links the English PDF. */
final class NoFontPage {

    private NoFontPage() {
    }

    static Rendering of(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return Rendering.view("report/no-font")
                .modelAttribute("englishPdf", hk.esgone.web.support.LocalPaths.safe(path + "?lang=en"))
                .status(HttpStatus.SERVICE_UNAVAILABLE)
                .build();
    }
}
