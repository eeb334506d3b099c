package hk.esgone.web.offers.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.web.offers.OfferCatalogue;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/** The offers catalogue with its filters, and one offer's page with its terms and who may claim it, in words. */
@Controller
class OffersPageController {

    private final OfferCatalogue catalogue;

    OffersPageController(OfferCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/offers")
    Mono<Rendering> offers(@RequestParam(required = false) String type, @RequestParam(required = false) String category,
                           @RequestParam(required = false) String q, @RequestParam(required = false) String cursor) {
        String chosenType = type != null && OfferCatalogue.TYPES.contains(type) ? type : null;
        String chosenCategory = category != null && OfferCatalogue.CATEGORIES.contains(category) ? category : null;
        String text = FormText.clean(q, 100);
        String position = cursor != null && cursor.length() <= 2000 && !cursor.isBlank() ? cursor : null;
        return catalogue.page(chosenType, chosenCategory, text, position)
                .map(page -> render(page, chosenType, chosenCategory, text, null, HttpStatus.OK))
                .onErrorResume(ServiceFailure.class, failure -> failure.serviceDown() ? Mono.error(failure)
                        : Mono.just(render(null, chosenType, chosenCategory, text,
                        "invalid-cursor".equals(failure.problemType()) ? "invalid-cursor" : "bad-filter", HttpStatus.BAD_REQUEST)));
    }

    @GetMapping("/offers/{offerId}")
    Mono<Rendering> offer(@PathVariable String offerId) {
        return catalogue.offer(offerId).map(offer -> Rendering.view("offers/offer").modelAttribute("offer", offer).build());
    }

    private static String next(String type, String category, String q, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/offers");
        if (type != null) {
            url.queryParam("type", type);
        }
        if (category != null) {
            url.queryParam("category", category);
        }
        if (q != null) {
            url.queryParam("q", q);
        }
        return url.queryParam("cursor", cursor).encode().build().toUriString();
    }

    private static Rendering render(OfferCatalogue.Page page, String type, String category, String q, String problem, HttpStatus status) {
        return Rendering.view("offers/offers")
                .modelAttribute("page", page)
                .modelAttribute("type", type)
                .modelAttribute("category", category)
                .modelAttribute("q", q)
                .modelAttribute("types", OfferCatalogue.TYPES)
                .modelAttribute("categories", OfferCatalogue.CATEGORIES)
                .modelAttribute("problem", problem)
                .modelAttribute("nextPage", page == null || page.nextCursor() == null ? null : next(type, category, q, page.nextCursor()))
                .status(status).build();
    }
}
