package hk.esgone.offers.offer.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.offers.eligibility.EligibilityChecker;
import hk.esgone.offers.offer.OfferCatalogue;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.pageviews.OfferPageViews;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import hk.esgone.platform.security.EsgSecurity;
import reactor.core.publisher.Mono;

/** The public catalogue: published offers inside their validity window, bilingual, searchable, cursor-paginated. */
@RestController
@RequestMapping("/api/v1/offers/catalogue")
class CatalogueController {

    private final OfferCatalogue offers;
    private final EligibilityChecker eligibility;
    private final OfferPageViews views;

    CatalogueController(OfferCatalogue offers, EligibilityChecker eligibility, OfferPageViews views) {
        this.offers = offers;
        this.eligibility = eligibility;
        this.views = views;
    }

    /**
     * @param partner       only this partner's offers
     * @param q             words that must all appear in the title or description (English or Chinese)
     * @param eligibleForMe only offers the caller's company may claim (needs a token)
     */
    @GetMapping
    Mono<OfferViews.CataloguePage> search(@RequestParam(required = false) String partner,
                                          @RequestParam(required = false) OfferType type,
                                          @RequestParam(required = false) OfferCategory category,
                                          @RequestParam(required = false) String q,
                                          @RequestParam(defaultValue = "false") boolean eligibleForMe,
                                          @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        if (partner != null && !Ids.COMPANY.isValid(partner)) {
            return Mono.error(ApiProblem.validation("partner must be a company id such as 'cmp-demo-partner'."));
        }
        OfferCatalogue.CatalogueQuery query = new OfferCatalogue.CatalogueQuery(partner, type, category, q);
        if (!eligibleForMe) {
            return offers.catalogue(query, null, null, cursor, size)
                    .map(page -> new OfferViews.CataloguePage(page.items().stream().map(OfferViews.CatalogueOfferView::of).toList(),
                            page.nextCursor(), null));
        }
        return EsgSecurity.currentCaller()
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "eligibleForMe=true needs a bearer token: eligibility is your company's.")))
                .map(Callers::companyOf)
                .flatMap(companyId -> eligibility.facts(companyId)
                        .flatMap(facts -> offers.catalogue(query, companyId, facts, cursor, size)
                                .map(page -> new OfferViews.CataloguePage(
                                        page.items().stream().map(OfferViews.CatalogueOfferView::of).toList(), page.nextCursor(),
                                        new OfferViews.EligibilityCheck(companyId, facts.badgesKnown(), facts.industryKnown())))));
    }

    /** One live offer; each read of an offer that exists counts as a page view (a counter per day, nothing personal). */
    @GetMapping("/{offerId}")
    Mono<OfferViews.CatalogueOfferView> get(@PathVariable String offerId) {
        return offers.catalogueOffer(offerId).doOnNext(offer -> views.count(offer.id())).map(OfferViews.CatalogueOfferView::of);
    }
}
