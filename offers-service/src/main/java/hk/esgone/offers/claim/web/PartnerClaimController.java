package hk.esgone.offers.claim.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.ClaimQueries;
import hk.esgone.offers.claim.ClaimStatus;
import hk.esgone.offers.claim.Redemptions;
import hk.esgone.offers.codes.CodeCsv;
import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.offers.offer.web.OfferViews;
import hk.esgone.offers.pageviews.OfferPageViews;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A partner's side of claims on its own offers: lists, redemption confirmation, figures, CSV export. */
@RestController
class PartnerClaimController {

    private static final String BASE = "/api/v1/offers/partner";

    private final Redemptions redemptions;
    private final ClaimQueries queries;
    private final CodePool codePool;
    private final OffersProperties properties;
    private final Clock clock;
    private final OfferPageViews pageViews;

    PartnerClaimController(Redemptions redemptions, ClaimQueries queries, CodePool codePool, OffersProperties properties, Clock clock,
                           OfferPageViews pageViews) {
        this.pageViews = pageViews;
        this.redemptions = redemptions;
        this.queries = queries;
        this.codePool = codePool;
        this.properties = properties;
        this.clock = clock;
    }

    record RedeemRequest(String code) {
    }

    /** Claims on all the partner's offers, or on one ({@code offerId}). */
    @GetMapping(BASE + "/claims")
    Mono<OfferViews.PageView<ClaimViews.PartnerClaimView>> all(@RequestParam(required = false) String offerId,
                                                               @RequestParam(required = false) ClaimStatus status,
                                                               @RequestParam(required = false) String cursor,
                                                               @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        return Callers.company().flatMap(me -> (offerId == null ? Mono.<OfferDocument>empty() : redemptions.ownedOffer(offerId, me.companyId()))
                .then(Mono.defer(() -> queries.ofPartner(me.companyId(), offerId, status, cursor, size))))
                .map(this::page);
    }

    @GetMapping(BASE + "/offers/{offerId}/claims")
    Mono<OfferViews.PageView<ClaimViews.PartnerClaimView>> ofOffer(@PathVariable String offerId,
                                                                   @RequestParam(required = false) ClaimStatus status,
                                                                   @RequestParam(required = false) String cursor,
                                                                   @RequestParam(required = false) Integer limit) {
        return all(offerId, status, cursor, limit);
    }

    /** All claims of the offer as CSV (spreadsheet-safe: cells that could be read as formulas are quoted). */
    @GetMapping(path = BASE + "/offers/{offerId}/claims/export", produces = "text/csv")
    Mono<ResponseEntity<Flux<String>>> export(@PathVariable String offerId) {
        return Callers.company().flatMap(me -> redemptions.ownedOffer(offerId, me.companyId()))
                .map(offer -> {
                    Instant now = clock.instant();
                    Flux<String> rows = Flux.concat(
                            Mono.just(line(List.of("claimId", "companyId", "code", "status", "claimedAt", "redeemedAt", "cancelledAt", "note"))),
                            queries.allOfOffer(offerId).map(c -> line(List.of(c.id(), c.companyId(), nz(c.code()),
                                    c.effectiveStatus(now).name(), String.valueOf(c.claimedAt()), nz(c.redeemedAt()), nz(c.cancelledAt()), nz(c.note())))));
                    return ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"claims-" + offerId + ".csv\"")
                            .body(rows);
                });
    }

    /**
     * Claimed, redeemed, remaining, redemption rate (since the offer began); the code pool's stock for CODE_POOL
     * offers; and for the Hong Kong days {@code from}..{@code to} (default the last 30, at most 366) page views and
     * claims per day and the funnel page views → claims → redeemed (of those claims).
     */
    @GetMapping(BASE + "/offers/{offerId}/figures")
    Mono<Map<String, Object>> figures(@PathVariable String offerId, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        FigureRange range = FigureRange.of(from, to, pageViews.today());
        return Callers.company().flatMap(me -> redemptions.ownedOffer(offerId, me.companyId()))
                .flatMap(offer -> Mono.zip(queries.figures(offer, range.from(), range.to()), pageViews.perDay(offer.id(), range.from(), range.to()))
                        .flatMap(both -> {
                            Mono<CodePool.Stock> stock = offer.redemptionMethod() == RedemptionMethod.CODE_POOL
                                    ? codePool.stock(offer.id(), offer.quota(), offer.remaining(), properties.limits().lowStockThreshold())
                                    : Mono.empty();
                            return stock.map(s -> asMap(both.getT1(), both.getT2(), s)).defaultIfEmpty(asMap(both.getT1(), both.getT2(), null));
                        }));
    }

    /** Confirms one redemption by code. */
    @PostMapping(path = BASE + "/offers/{offerId}/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ClaimViews.PartnerClaimView> redeem(@PathVariable String offerId, @RequestBody RedeemRequest request) {
        String code = request.code() == null ? "" : request.code().strip();
        if (!CodeCsv.CODE.matcher(code).matches()) {
            return Mono.error(ApiProblem.validation("code must be 4 to 64 letters, digits, '-' or '_'."));
        }
        return Callers.company()
                .flatMap(me -> redemptions.redeem(offerId, me.companyId(), code, me.caller().subject()))
                .map(c -> ClaimViews.PartnerClaimView.of(c, clock.instant()));
    }

    /**
     * Confirms redemptions from a CSV of codes. Every line is checked first: a malformed line or a code
     * that no claim of this offer holds rejects the whole file (422, by line) and nothing is changed.
     * Then each code is redeemed; codes already redeemed are reported as such, so uploading the same
     * file twice is harmless (see {@link Redemptions#redeemAll}).
     */
    @PostMapping(path = BASE + "/offers/{offerId}/redemptions/csv", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Mono<Map<String, Object>> redeemCsv(@PathVariable String offerId, @RequestBody(required = false) String csv) {
        return Callers.company().flatMap(me -> redemptions.ownedOffer(offerId, me.companyId())
                .flatMap(offer -> redemptions.redeemAll(offerId, me.companyId(),
                        CodeCsv.parse(csv, properties.limits().maxCodesPerUpload()), me.caller().subject())));
    }

    private OfferViews.PageView<ClaimViews.PartnerClaimView> page(hk.esgone.platform.paging.Page<ClaimDocument> page) {
        Instant now = clock.instant();
        return new OfferViews.PageView<>(page.items().stream().map(c -> ClaimViews.PartnerClaimView.of(c, now)).toList(), page.nextCursor());
    }

    record DayViews(String date, long views) {
    }

    record Funnel(long views, long claims, long redeemed) {
    }

    private static Map<String, Object> asMap(ClaimQueries.Figures f, Map<String, Long> views, CodePool.Stock stock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offerId", f.offerId());
        m.put("status", f.status());
        m.put("quota", f.quota());
        m.put("remaining", f.remaining());
        m.put("claimed", f.claimed());
        m.put("active", f.active());
        m.put("redeemed", f.redeemed());
        m.put("cancelled", f.cancelled());
        m.put("expired", f.expired());
        m.put("redemptionRate", f.redemptionRate());
        m.put("timeZone", f.timeZone());
        m.put("from", f.from().toString());
        m.put("to", f.to().toString());
        m.put("claimsPerDay", f.claimsPerDay());
        m.put("viewsPerDay", views.entrySet().stream().map(e -> new DayViews(e.getKey(), e.getValue())).toList());
        m.put("funnel", new Funnel(views.values().stream().mapToLong(Long::longValue).sum(), f.inRange().claims(), f.inRange().redeemed()));
        m.put("codePool", stock);
        return m;
    }

    private static String nz(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** One CSV line; a cell starting with = + - @ (or a tab/CR) is prefixed with ' so spreadsheets show it as text. */
    static String line(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
