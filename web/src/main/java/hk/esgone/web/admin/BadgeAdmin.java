package hk.esgone.web.admin;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.idempotency.IdempotencyKey;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Council staff's badges, through badge-service's admin API with the person's own token: badges (all, or one
 * company's), issuing one badge or one achievement to many companies, and suspending, reinstating, revoking and
 * renewing a badge. The company a badge names is read from directory-service (its BR number or USCC and its names,
 * as the credential states them), so staff only type its id. badge-service decides who may do this.
 */
@Service
public class BadgeAdmin {

    /** The statuses staff filter by. */
    public static final List<String> STATUSES = List.of("VALID", "SUSPENDED", "EXPIRED", "REVOKED");
    /** The most companies one bulk issue takes (badge-service's limit). */
    public static final int BULK_MAX = 200;

    /** Staff read and pick times in Hong Kong time. */
    public static final java.time.ZoneId HONG_KONG = java.time.ZoneId.of("Asia/Hong_Kong");

    private static final String BADGES = "/api/v1/badges/admin/badges";

    public record Badge(String id, String achievementId, Bilingual name, String companyId, Bilingual companyName, String brNumber,
                        String uscc, String status, ZonedDateTime issuedAt, ZonedDateTime validUntil, String suspensionReason,
                        String revocationReason, String verificationPage) {
    }

    public record BadgePage(List<Badge> badges, String nextCursor) {
    }

    /** One line of a bulk issue: what it said, and what became of it ({@code ISSUED}, {@code FAILED} or {@code SKIPPED}). */
    public record LineResult(int line, String text, String companyId, String outcome, String badgeId, String problem, String detail) {
    }

    public record BulkOutcome(int issued, int failed, List<LineResult> lines) {
    }

    private final ServiceApi api;

    public BadgeAdmin(ServiceApi api) {
        this.api = api;
    }

    /**
     * Up to 50 badges, in the order badge-service lists them; one company's when {@code companyId} is set, only those of
     * {@code status} now (one of {@link #STATUSES}) when it is set — badge-service filters, so every page is full.
     */
    public Mono<BadgePage> list(ServerWebExchange exchange, String companyId, String status, String cursor) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (companyId != null) {
            query.add("companyId", companyId);
        }
        if (status != null) {
            query.add("status", status);
        }
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        query.add("limit", "50");
        return api.getAsUser(exchange, ServiceApi.Service.BADGES, BADGES, query).map(answer -> {
            List<Badge> badges = new ArrayList<>();
            answer.path("items").forEach(b -> badges.add(badge(b)));
            String next = answer.path("nextCursor").asString(null);
            return new BadgePage(badges, next == null || next.isBlank() ? null : next);
        });
    }

    public Mono<Badge> get(ServerWebExchange exchange, String id) {
        return api.getAsUser(exchange, ServiceApi.Service.BADGES, BADGES + "/" + id, null).map(BadgeAdmin::badge);
    }

    /**
     * Issues {@code achievementId} to the company with directory id {@code companyId}; answers the new badge's id.
     * {@code key} makes a repeated submission of the same form replay the first answer instead of issuing twice.
     */
    public Mono<String> issue(ServerWebExchange exchange, String achievementId, String companyId, Instant validUntil, String key) {
        return holder(exchange, companyId).flatMap(holder -> {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("achievementId", achievementId);
            body.put("company", holder);
            if (validUntil != null) {
                body.put("validUntil", validUntil.toString());
            }
            return api.sendAsUser(exchange, ServiceApi.Service.BADGES, "POST", BADGES, body, Map.of(IdempotencyKey.HEADER, key))
                    .map(badge -> badge.path("id").asString(""));
        });
    }

    /**
     * Issues {@code achievementId} to each company of {@code lines} that the directory knows, in one bulk request;
     * answers a result for every line, in order (lines that could not be read or name no company are not sent).
     */
    public Mono<BulkOutcome> bulkIssue(ServerWebExchange exchange, String achievementId, List<BulkCsv.Line> lines, String key) {
        return Flux.fromIterable(lines)
                .flatMapSequential(line -> line.problem() != null
                        ? Mono.just(new Looked(line, null, line.problem()))
                        : holder(exchange, line.companyId()).map(h -> new Looked(line, h, null))
                                .onErrorResume(ServiceFailure.class, failure -> failure.status() == HttpStatus.NOT_FOUND
                                        ? Mono.just(new Looked(line, null, "unknown-company")) : Mono.error(failure)), 4)
                .collectList()
                .flatMap(looked -> {
                    List<Map<String, Object>> companies = looked.stream().filter(l -> l.holder != null).map(l -> l.holder).toList();
                    if (companies.isEmpty()) {
                        return Mono.just(outcome(looked, Map.of()));
                    }
                    Map<String, Object> body = Map.of("achievementId", achievementId, "companies", companies);
                    return api.sendAsUser(exchange, ServiceApi.Service.BADGES, "POST", BADGES + "/bulk", body, Map.of(IdempotencyKey.HEADER, key))
                            .map(answer -> {
                                Map<String, JsonNode> byCompany = new java.util.HashMap<>();
                                answer.path("results").forEach(r -> byCompany.put(r.path("companyId").asString(""), r));
                                return outcome(looked, byCompany);
                            });
                });
    }

    private record Looked(BulkCsv.Line line, Map<String, Object> holder, String problem) {
    }

    private static BulkOutcome outcome(List<Looked> looked, Map<String, JsonNode> results) {
        List<LineResult> lines = new ArrayList<>();
        int issued = 0;
        int failed = 0;
        for (Looked l : looked) {
            BulkCsv.Line line = l.line;
            JsonNode result = l.holder == null ? null : results.get(line.companyId());
            if (result != null && "ISSUED".equals(result.path("outcome").asString(""))) {
                issued++;
                lines.add(new LineResult(line.number(), line.text(), line.companyId(), "ISSUED", result.path("badge").path("id").asString(null), null, null));
            } else if (result != null) {
                failed++;
                String type = result.path("problem").path("type").asString("");
                lines.add(new LineResult(line.number(), line.text(), line.companyId(), "FAILED", null, problemKey(type.substring(type.lastIndexOf('/') + 1)),
                        result.path("problem").path("detail").asString(null)));
            } else {
                failed++;
                lines.add(new LineResult(line.number(), line.text(), line.companyId(), "SKIPPED", null,
                        l.problem == null ? "not-answered" : l.problem, null));
            }
        }
        return new BulkOutcome(issued, failed, lines);
    }

    /** The message of a refusal badge-service explains with this problem type; others are {@code refused}. */
    public static String problemKey(String type) {
        return switch (type) {
            case "unknown-holder", "holder-mismatch", "badge-already-held", "unknown-achievement", "achievement-archived",
                 "holder-check-unavailable", "badge-revoked", "badge-already-suspended", "badge-not-suspended", "badge-changed",
                 "validation" -> type;
            default -> "refused";
        };
    }

    /** Suspends or revokes ({@code reason} required), reinstates or renews a badge; answers its status afterwards. */
    public Mono<String> act(ServerWebExchange exchange, String id, String action, String reason) {
        Object body = reason == null ? Map.of() : Map.of("reason", reason);
        return api.sendAsUser(exchange, ServiceApi.Service.BADGES, "POST", BADGES + "/" + id + "/" + action, body, Map.of())
                .map(badge -> badge.path("status").asString(""));
    }

    /** The company as the credential names it, from the directory (admins read companies of every status). */
    private Mono<Map<String, Object>> holder(ServerWebExchange exchange, String companyId) {
        return api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, "/api/v1/directory/companies/" + companyId, null).map(company -> {
            Map<String, Object> holder = new java.util.LinkedHashMap<>();
            holder.put("id", companyId);
            String br = company.path("brNumber").asString(null);
            String uscc = company.path("uscc").asString(null);
            if (br != null && !br.isBlank()) {
                holder.put("brNumber", br);
            }
            if (uscc != null && !uscc.isBlank()) {
                holder.put("uscc", uscc);
            }
            Bilingual name = Bilingual.of(company.path("name"));
            holder.put("name", bilingual(name.in("en"), name.in("zh-Hant")));
            return holder;
        });
    }

    /** A text in both languages as the services take it (English first, as the API documents it). */
    static Map<String, String> bilingual(String en, String zhHant) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("en", en);
        text.put("zhHant", zhHant);
        return text;
    }

    static Badge badge(JsonNode b) {
        JsonNode holder = b.path("holder");
        return new Badge(b.path("id").asString(""), b.path("achievementId").asString(""), Bilingual.of(b.path("name")),
                holder.path("companyId").asString(""), Bilingual.of(holder.path("name")), holder.path("brNumber").asString(null),
                holder.path("uscc").asString(null), b.path("status").asString(""), local(b.path("issuedAt").asString(null)),
                local(b.path("validUntil").asString(null)), b.path("suspensionReason").asString(null),
                b.path("revocationReason").asString(null), b.path("links").path("verificationPage").asString(null));
    }

    /** A time the services send, in Hong Kong time as staff read it; null when absent or not a time. */
    static ZonedDateTime local(String text) {
        try {
            return text == null || text.isEmpty() ? null : Instant.parse(text).atZone(HONG_KONG);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
