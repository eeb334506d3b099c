package hk.esgone.web.partner.web;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.partner.PartnerDesk;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * An offer's figures for a range of Hong Kong days (a GET form; offers-service's default is the last 30): the funnel
 * page views → claims → redeemed, and views and claims per day, each as a chart drawn on the server and as a table;
 * the totals since the offer began. A range offers-service refuses is explained beside the form.
 */
@Controller
class PartnerFiguresPageController {

    private final PartnerDesk desk;

    PartnerFiguresPageController(PartnerDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/workspace/partner/offers/{id}/figures")
    Mono<Rendering> show(@PathVariable String id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         ServerWebExchange exchange) {
        String first = FormText.clean(from, 20);
        String last = FormText.clean(to, 20);
        return PartnerPages.partnerOnly(exchange).then(PartnerPages.offerId(id))
                .then(Mono.defer(() -> desk.offer(exchange, id)))
                .flatMap(offer -> desk.figures(exchange, id, first, last)
                        .map(figures -> page(offer, figures, figures.from().toString(), figures.to().toString(), null, HttpStatus.OK))
                        .onErrorResume(ServiceFailure.class, failure -> failure.status() == HttpStatus.BAD_REQUEST
                                ? Mono.just(page(offer, null, first, last, "range", HttpStatus.BAD_REQUEST))
                                : Mono.error(failure)));
    }

    private static Rendering page(PartnerDesk.Offer offer, PartnerDesk.Figures figures, String from, String to, String problem,
                                  HttpStatus status) {
        return Rendering.view("partner/figures")
                .modelAttribute("offer", offer)
                .modelAttribute("figures", figures)
                .modelAttribute("charts", figures == null ? null : FigureCharts.of(figures))
                .modelAttribute("from", from)
                .modelAttribute("to", to)
                .modelAttribute("today", LocalDate.now(PartnerDesk.HONG_KONG).toString())
                .modelAttribute("problem", problem)
                .status(status).build();
    }
}
