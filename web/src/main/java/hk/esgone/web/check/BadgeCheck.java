package hk.esgone.web.check;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * "Check a badge": whatever a person pastes — a badge page link, a badge id, or the credential itself (a compact
 * JWT or JSON) — verified by badge-service: by id ({@code GET /api/v1/badges/verify/{id}}) or as a credential
 * ({@code POST /api/v1/badges/verify}). The portal only recognises which of the two it is.
 */
@Service
public class BadgeCheck {

    /** Longest paste accepted (a credential is a few kilobytes). */
    public static final int MAX_INPUT = 64 * 1024;
    private static final Pattern BADGE_ID = Pattern.compile("(?:^|/badges/|/verify/|/widget/badges/)(bdg-[a-z0-9][a-z0-9-]{2,60})(?:[/?#.]|$)");
    private static final List<String> STATUSES = List.of("VALID", "SUSPENDED", "REVOKED", "EXPIRED", "INVALID", "UNKNOWN");
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    /** One check badge-service made. */
    public record Step(String check, String outcome, String detail) {
    }

    /** The verdict as the page shows it. */
    public record Verdict(boolean valid, String status, String badgeId, Bilingual holder, String holderId, Bilingual achievement,
                          ZonedDateTime issuedAt, ZonedDateTime validUntil, List<Step> checks) {
    }

    private final ServiceApi api;

    public BadgeCheck(ServiceApi api) {
        this.api = api;
    }

    /** The badge id in a pasted link or id, if it is one. */
    public static String badgeId(String input) {
        Matcher id = BADGE_ID.matcher(input.strip());
        return id.find() && Ids.BADGE.isValid(id.group(1)) ? id.group(1) : null;
    }

    /** A pasted text that can only be a credential: three dot-separated parts, or JSON. */
    public static boolean looksLikeCredential(String input) {
        String text = input.strip();
        return text.startsWith("{") || text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    }

    public Mono<Verdict> byId(String id) {
        return api.get(ServiceApi.Service.BADGES, "/api/v1/badges/verify/" + id, null).map(BadgeCheck::verdict);
    }

    public Mono<Verdict> credential(String text) {
        String body = text.strip();
        MediaType type = body.startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN;
        return api.post(ServiceApi.Service.BADGES, "/api/v1/badges/verify", body, type).map(BadgeCheck::verdict);
    }

    static Verdict verdict(JsonNode answer) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : answer.path("checks")) {
            steps.add(new Step(step.path("check").asString(""), step.path("outcome").asString(""), step.path("detail").asString("")));
        }
        JsonNode holder = answer.path("holder");
        String status = answer.path("status").asString("INVALID");
        return new Verdict(answer.path("valid").asBoolean(false), STATUSES.contains(status) ? status : "INVALID",
                answer.path("badgeId").asString(null), Bilingual.of(holder.path("name")), holder.path("companyId").asString(null),
                Bilingual.of(answer.path("achievement").path("name")), time(answer.path("issuedAt")), time(answer.path("validUntil")),
                List.copyOf(steps));
    }

    private static ZonedDateTime time(JsonNode value) {
        try {
            return value.isString() ? Instant.parse(value.asString()).atZone(HONG_KONG) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
