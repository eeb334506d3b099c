package hk.esgone.offers.offer.web;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.offers.codes.CodeCsv;
import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferLifecycle;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** A partner's own offers: create and edit drafts, move them through the lifecycle, upload code pools. */
@RestController
@RequestMapping("/api/v1/offers/partner/offers")
class PartnerOfferController {

    private final OfferLifecycle offers;
    private final CodePool codePool;
    private final OffersProperties properties;
    private final Clock clock;

    PartnerOfferController(OfferLifecycle offers, CodePool codePool, OffersProperties properties, Clock clock) {
        this.offers = offers;
        this.codePool = codePool;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<OfferViews.OfferView>> create(@RequestBody OfferRequest request) {
        return Callers.company()
                .flatMap(me -> offers.create(me.companyId(), OfferRules.validate(request, properties.limits(), clock.instant())))
                .flatMap(this::view)
                .map(view -> ResponseEntity.created(URI.create("/api/v1/offers/partner/offers/" + view.id())).body(view));
    }

    @GetMapping
    Mono<OfferViews.PageView<OfferViews.OfferView>> list(@RequestParam(required = false) OfferStatus status,
                                                         @RequestParam(required = false) String cursor,
                                                         @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        return Callers.company()
                .flatMap(me -> offers.listOwned(me.companyId(), status, cursor, size))
                .map(page -> new OfferViews.PageView<>(page.items().stream()
                        .map(o -> OfferViews.OfferView.of(o, clock.instant(), null)).toList(), page.nextCursor()));
    }

    @GetMapping("/{offerId}")
    Mono<OfferViews.OfferView> get(@PathVariable String offerId) {
        return Callers.company().flatMap(me -> offers.owned(offerId, me.companyId())).flatMap(this::view);
    }

    @PutMapping(path = "/{offerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<OfferViews.OfferView> update(@PathVariable String offerId, @RequestBody OfferRequest request) {
        return Callers.company()
                .flatMap(me -> offers.owned(offerId, me.companyId())
                        .then(Mono.defer(() -> offers.update(offerId, me.companyId(),
                                OfferRules.validate(request, properties.limits(), clock.instant())))))
                .flatMap(this::view);
    }

    @PostMapping("/{offerId}/submit")
    Mono<OfferViews.OfferView> submit(@PathVariable String offerId) {
        return Callers.company().flatMap(me -> offers.submit(offerId, me.companyId())).flatMap(this::view);
    }

    @PostMapping("/{offerId}/pause")
    Mono<OfferViews.OfferView> pause(@PathVariable String offerId) {
        return Callers.company().flatMap(me -> offers.pause(offerId, me.companyId())).flatMap(this::view);
    }

    @PostMapping("/{offerId}/resume")
    Mono<OfferViews.OfferView> resume(@PathVariable String offerId) {
        return Callers.company().flatMap(me -> offers.resume(offerId, me.companyId())).flatMap(this::view);
    }

    @PostMapping("/{offerId}/withdraw")
    Mono<OfferViews.OfferView> withdraw(@PathVariable String offerId) {
        return Callers.company().flatMap(me -> offers.withdraw(offerId, me.companyId())).flatMap(this::view);
    }

    /** Adds codes to the pool of a CODE_POOL offer: all rows or none; bad rows are reported by line. */
    @PostMapping(path = "/{offerId}/codes", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Mono<ResponseEntity<Map<String, Object>>> uploadCodes(@PathVariable String offerId, @RequestBody(required = false) String csv) {
        return Callers.company()
                .flatMap(me -> offers.owned(offerId, me.companyId()))
                .flatMap(offer -> {
                    if (offer.redemptionMethod() != RedemptionMethod.CODE_POOL) {
                        return Mono.error(ApiProblem.conflict("not-a-code-pool", "Codes can only be uploaded to a CODE_POOL offer."));
                    }
                    OfferStatus status = offer.effectiveStatus(clock.instant());
                    if (status == OfferStatus.WITHDRAWN || status == OfferStatus.EXPIRED) {
                        return Mono.error(ApiProblem.conflict("invalid-transition", "Codes cannot be added to an offer that is " + status + "."));
                    }
                    return codePool.importAll(offerId, CodeCsv.parse(csv, properties.limits().maxCodesPerUpload()))
                            .flatMap(imported -> offers.owned(offerId, offer.partnerId())
                                    .flatMap(this::stock)
                                    .map(stock -> ResponseEntity.status(201).<Map<String, Object>>body(
                                            Map.of("offerId", offerId, "imported", imported, "codePool", stock))));
                });
    }

    private Mono<CodePool.Stock> stock(OfferDocument offer) {
        return codePool.stock(offer.id(), offer.quota(), offer.remaining(), properties.limits().lowStockThreshold());
    }

    private Mono<OfferViews.OfferView> view(OfferDocument offer) {
        if (offer.redemptionMethod() != RedemptionMethod.CODE_POOL) {
            return Mono.just(OfferViews.OfferView.of(offer, clock.instant(), null));
        }
        return stock(offer).map(stock -> OfferViews.OfferView.of(offer, clock.instant(), stock));
    }
}
