package hk.esgone.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Badge types (achievements) through badge-service's admin API with the person's own token: all of them (active
 * and archived), one, creating, changing and archiving or restoring one. badge-service decides who may.
 */
@Service
public class AchievementAdmin {

    public static final List<String> KINDS = List.of("E_BADGE", "SCORECARD_LEVEL", "CLEANER_PRODUCTION_PARTNER", "DIRECTORY_LISTING");
    public static final List<String> LEVELS = List.of("BRONZE", "SILVER", "GOLD", "PLATINUM");

    private static final String ACHIEVEMENTS = "/api/v1/badges/admin/achievements";

    /** A badge type as staff edit it: each text in both languages side by side. */
    public record Achievement(String id, String kind, String scorecardLevel, String nameEn, String nameZh, String descriptionEn,
                              String descriptionZh, String criteriaEn, String criteriaZh, String criteriaUrl, String imageUrl,
                              String validity, boolean archived) {

        public static Achievement blank() {
            return new Achievement(null, "E_BADGE", null, null, null, null, null, null, null, null, null, "P1Y", false);
        }

        /** The name in the page's language (the other one when it is missing). */
        public String nameIn(String lang) {
            String wanted = "zh-Hant".equals(lang) ? nameZh : nameEn;
            return wanted != null && !wanted.isBlank() ? wanted : "zh-Hant".equals(lang) ? nameEn : nameZh;
        }

        Map<String, Object> body(boolean withId) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (withId && id != null) {
                body.put("id", id);
            }
            body.put("kind", kind);
            body.put("name", BadgeAdmin.bilingual(nz(nameEn), nz(nameZh)));
            body.put("description", BadgeAdmin.bilingual(nz(descriptionEn), nz(descriptionZh)));
            body.put("criteria", BadgeAdmin.bilingual(nz(criteriaEn), nz(criteriaZh)));
            if (criteriaUrl != null) {
                body.put("criteriaUrl", criteriaUrl);
            }
            if (imageUrl != null) {
                body.put("imageUrl", imageUrl);
            }
            body.put("validity", validity);
            if ("SCORECARD_LEVEL".equals(kind)) {
                body.put("scorecardLevel", scorecardLevel);
            }
            return body;
        }

        private static String nz(String text) {
            return text == null ? "" : text;
        }
    }

    private final ServiceApi api;

    public AchievementAdmin(ServiceApi api) {
        this.api = api;
    }

    /** Every badge type, active and archived (up to 100 per page of badge-service; a few pages at most are read). */
    public Mono<List<Achievement>> all(ServerWebExchange exchange) {
        return page(exchange, null, new ArrayList<>(), 0);
    }

    private Mono<List<Achievement>> page(ServerWebExchange exchange, String cursor, List<Achievement> soFar, int pages) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("limit", "100");
        query.add("includeArchived", "true");
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        return api.getAsUser(exchange, ServiceApi.Service.BADGES, ACHIEVEMENTS, query).flatMap(answer -> {
            answer.path("items").forEach(a -> soFar.add(achievement(a)));
            String next = answer.path("nextCursor").asString(null);
            return next == null || next.isBlank() || pages >= 9 ? Mono.just(soFar) : page(exchange, next, soFar, pages + 1);
        });
    }

    public Mono<Achievement> get(ServerWebExchange exchange, String id) {
        return api.getAsUser(exchange, ServiceApi.Service.BADGES, ACHIEVEMENTS + "/" + id, null).map(AchievementAdmin::achievement);
    }

    /** Creates a badge type; answers its id (badge-service makes one from the English name when none is given). */
    public Mono<String> create(ServerWebExchange exchange, Achievement achievement) {
        return api.sendAsUser(exchange, ServiceApi.Service.BADGES, "POST", ACHIEVEMENTS, achievement.body(true), Map.of())
                .map(a -> a.path("id").asString(""));
    }

    public Mono<String> update(ServerWebExchange exchange, String id, Achievement achievement) {
        return api.sendAsUser(exchange, ServiceApi.Service.BADGES, "PUT", ACHIEVEMENTS + "/" + id, achievement.body(false), Map.of())
                .map(a -> a.path("id").asString(""));
    }

    /** Archives ({@code archived}) or restores a badge type: archived ones are no longer issued. */
    public Mono<String> archive(ServerWebExchange exchange, String id, boolean archived) {
        return api.sendAsUser(exchange, ServiceApi.Service.BADGES, "POST", ACHIEVEMENTS + "/" + id + "/archive",
                Map.of("archived", archived), Map.of()).map(a -> a.path("id").asString(""));
    }

    static Achievement achievement(JsonNode a) {
        return new Achievement(a.path("id").asString(""), a.path("kind").asString(""), a.path("scorecardLevel").asString(null),
                a.path("name").path("en").asString(null), a.path("name").path("zhHant").asString(null),
                a.path("description").path("en").asString(null), a.path("description").path("zhHant").asString(null),
                a.path("criteria").path("en").asString(null), a.path("criteria").path("zhHant").asString(null),
                a.path("criteriaUrl").asString(null), a.path("imageUrl").asString(null), a.path("validity").asString(null),
                a.path("archived").asBoolean(false));
    }
}
