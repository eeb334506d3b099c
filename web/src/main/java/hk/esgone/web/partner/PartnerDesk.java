package hk.esgone.web.partner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A partner's codes, claims and figures, through offers-service's partner API with the person's own token: the
 * service answers only for the person's company (another partner's offer is "not found") and decides everything;
 * this class asks and turns the answers into what the pages show.
 */
@Service
public class PartnerDesk {

    /** Where the figures' days begin and end. */
    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final String BASE = "/api/v1/offers/partner";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** The code pool's stock as offers-service counts it; {@code lowStock} when fewer codes than places are left. */
    public record Stock(long available, long assigned, long voided, boolean lowStock, long shortfall) {

        static Stock of(JsonNode node) {
            return node == null || !node.isObject() ? null
                    : new Stock(node.path("available").asLong(0), node.path("assigned").asLong(0), node.path("voided").asLong(0),
                    node.path("lowStock").asBoolean(false), node.path("shortfall").asLong(0));
        }
    }

    /** One of the partner's offers, as the pages name it. */
    public record Offer(String id, Bilingual title, String status, String redemptionMethod, int quota, int remaining, Stock stock) {

        public boolean codePool() {
            return "CODE_POOL".equals(redemptionMethod);
        }
    }

    /** A line of an uploaded file that was refused: its number, why (a key of the page's messages) and the value the words need. */
    public record LineProblem(int line, String reason, Long value) {
    }

    /** A file refused as a whole: every bad line, or {@code empty} when it held nothing. */
    public static final class FileRefused extends RuntimeException {

        private final transient List<LineProblem> lines;
        private final boolean empty;

        FileRefused(List<LineProblem> lines, boolean empty) {
            super("file refused", null, false, false);
            this.lines = List.copyOf(lines);
            this.empty = empty;
        }

        public List<LineProblem> lines() {
            return lines;
        }

        public boolean empty() {
            return empty;
        }
    }

    /** Codes added, and the pool afterwards. */
    public record Imported(int imported, Stock stock) {
    }

    /** One claim on the partner's offers. */
    public record ClaimRow(String id, String offerId, String companyId, String code, String status, Instant claimedAt,
                           Instant redeemedAt, Instant cancelledAt) {

        public ZonedDateTime claimedAtLocal() {
            return local(claimedAt);
        }

        public ZonedDateTime redeemedAtLocal() {
            return local(redeemedAt);
        }

        public ZonedDateTime cancelledAtLocal() {
            return local(cancelledAt);
        }
    }

    public record Claims(List<ClaimRow> items, String nextCursor) {
    }

    /** One line of a redemption CSV and what became of its code. */
    public record LineResult(int line, String code, String result) {
    }

    public record Redeemed(Map<String, Long> counts, List<LineResult> results) {
    }

    /** A day's counts. */
    public record Day(LocalDate date, long views, long claims) {
    }

    /** The funnel views → claims → redeemed in the range, and the totals since the offer began. */
    public record Figures(String offerId, LocalDate from, LocalDate to, long views, long claimsInRange, long redeemedInRange,
                          long claimed, long redeemed, long cancelled, long expired, int quota, int remaining, String redemptionRate,
                          List<Day> days, Stock stock) {

        /** The redemption rate as a percentage with one decimal ("33.3"); "0" when the service's value is unreadable. */
        public String redemptionPercent() {
            try {
                return new BigDecimal(redemptionRate).movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException malformed) {
                return "0";
            }
        }
    }

    private final ServiceApi api;

    public PartnerDesk(ServiceApi api) {
        this.api = api;
    }

    public Mono<Offer> offer(ServerWebExchange exchange, String offerId) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/offers/" + offerId, null).map(PartnerDesk::offer);
    }

    /** The partner's offers (the first 100: the filters and forms of the claims page choose among them). */
    public Mono<List<Offer>> offers(ServerWebExchange exchange) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/offers", ServiceApi.query("limit", "100")).map(page -> {
            List<Offer> offers = new ArrayList<>();
            page.path("items").forEach(o -> offers.add(offer(o)));
            return List.copyOf(offers);
        });
    }

    /** Adds the codes of a CSV to the offer's pool: all or none; refused lines come back as {@link FileRefused}. */
    public Mono<Imported> uploadCodes(ServerWebExchange exchange, String offerId, String csv) {
        return api.postTextAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/offers/" + offerId + "/codes", csv, CSV)
                .map(answer -> new Imported(answer.path("imported").asInt(0), Stock.of(answer.path("codePool"))))
                .onErrorMap(PartnerDesk::refusedFile, PartnerDesk::fileRefused);
    }

    public Mono<Claims> claims(ServerWebExchange exchange, String offerId, String status, String cursor) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/claims",
                ServiceApi.query("offerId", offerId, "status", status, "cursor", cursor, "limit", "50")).map(page -> {
                    List<ClaimRow> rows = new ArrayList<>();
                    page.path("items").forEach(c -> rows.add(new ClaimRow(c.path("id").asString(), c.path("offerId").asString(null),
                            c.path("companyId").asString(null), c.path("code").asString(null),
                            c.path("status").asString("").toUpperCase(Locale.ROOT), ServiceJson.instant(c.path("claimedAt")),
                            ServiceJson.instant(c.path("redeemedAt")), ServiceJson.instant(c.path("cancelledAt")))));
                    String next = page.path("nextCursor").asString(null);
                    return new Claims(List.copyOf(rows), next == null || next.isEmpty() ? null : next);
                });
    }

    /** Confirms one redemption; the claim as it is afterwards. */
    public Mono<ClaimRow> redeem(ServerWebExchange exchange, String offerId, String code) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", BASE + "/offers/" + offerId + "/redemptions",
                Map.of("code", code), Map.of()).map(c -> new ClaimRow(c.path("id").asString(), c.path("offerId").asString(null),
                c.path("companyId").asString(null), c.path("code").asString(null), c.path("status").asString(""),
                ServiceJson.instant(c.path("claimedAt")), ServiceJson.instant(c.path("redeemedAt")), ServiceJson.instant(c.path("cancelledAt"))));
    }

    /** Confirms the redemptions of a CSV of codes (checked whole first by the service); the outcome of each line. */
    public Mono<Redeemed> redeemCsv(ServerWebExchange exchange, String offerId, String csv) {
        return api.postTextAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/offers/" + offerId + "/redemptions/csv", csv, CSV)
                .map(answer -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    answer.path("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong(0)));
                    List<LineResult> results = new ArrayList<>();
                    answer.path("results").forEach(r -> results.add(new LineResult(r.path("line").asInt(), r.path("code").asString(""),
                            r.path("result").asString(""))));
                    return new Redeemed(counts, List.copyOf(results));
                })
                .onErrorMap(PartnerDesk::refusedFile, PartnerDesk::fileRefused);
    }

    /** offers-service's CSV of the offer's claims, streamed as it comes: its status, type and file name kept. */
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(ServerWebExchange exchange, String offerId) {
        return api.downloadAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/offers/" + offerId + "/claims/export").map(answer -> {
            HttpHeaders headers = new HttpHeaders();
            if (answer.getHeaders().getContentType() != null) {
                headers.setContentType(answer.getHeaders().getContentType());
            }
            String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
            if (disposition != null) {
                headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
            }
            return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
        });
    }

    /** The offer's figures for the Hong Kong days {@code from}..{@code to} (the service's default when null). */
    public Mono<Figures> figures(ServerWebExchange exchange, String offerId, String from, String to) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, BASE + "/offers/" + offerId + "/figures", ServiceApi.query("from", from, "to", to))
                .map(f -> {
                    LocalDate first = LocalDate.parse(f.path("from").asString());
                    LocalDate last = LocalDate.parse(f.path("to").asString());
                    Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
                    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                        perDay.put(d, new long[2]);
                    }
                    f.path("viewsPerDay").forEach(d -> add(perDay, d.path("date").asString(""), 0, d.path("views").asLong(0)));
                    f.path("claimsPerDay").forEach(d -> add(perDay, d.path("date").asString(""), 1, d.path("claims").asLong(0)));
                    List<Day> days = perDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
                    JsonNode funnel = f.path("funnel");
                    return new Figures(f.path("offerId").asString(offerId), first, last, funnel.path("views").asLong(0),
                            funnel.path("claims").asLong(0), funnel.path("redeemed").asLong(0), f.path("claimed").asLong(0),
                            f.path("redeemed").asLong(0), f.path("cancelled").asLong(0), f.path("expired").asLong(0), f.path("quota").asInt(0),
                            f.path("remaining").asInt(0), f.path("redemptionRate").asString("0"), days, Stock.of(f.path("codePool")));
                });
    }

    private static void add(Map<LocalDate, long[]> perDay, String date, int which, long n) {
        try {
            long[] counts = perDay.get(LocalDate.parse(date));
            if (counts != null) {
                counts[which] += n;
            }
        } catch (RuntimeException malformed) {
            // a day the page cannot place is left out of the chart; the totals still come from the service
        }
    }

    private static boolean refusedFile(Throwable e) {
        return e instanceof ServiceFailure f && f.status().value() == 422 && "invalid-csv".equals(f.problemType());
    }

    private static Throwable fileRefused(Throwable e) {
        JsonNode problem = ((ServiceFailure) e).problem();
        List<LineProblem> lines = new ArrayList<>();
        for (JsonNode item : problem.path("errors")) {
            String reason = item.path("reason").asString("other");
            JsonNode value = item.has("firstLine") ? item.path("firstLine") : item.has("found") ? item.path("found") : item.path("max");
            lines.add(new LineProblem(item.path("line").asInt(0), KNOWN_REASONS.contains(reason) ? reason : "other",
                    value.isNumber() ? value.asLong() : null));
        }
        return new FileRefused(lines, lines.isEmpty() && "empty".equals(problem.path("reason").asString("")));
    }

    private static final List<String> KNOWN_REASONS = List.of("not-csv", "field-count", "bad-code", "duplicate", "too-many",
            "already-in-pool", "unknown-code");

    private static Offer offer(JsonNode o) {
        return new Offer(o.path("id").asString(), Bilingual.of(o.path("title")), o.path("status").asString(""),
                o.path("redemption").path("method").asString(null), o.path("quota").asInt(0), o.path("remaining").asInt(0),
                Stock.of(o.path("codePool")));
    }

    static ZonedDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(HONG_KONG);
    }
}
