package hk.esgone.badge.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class AchievementAdminIntegrationTests extends BadgeServiceIntegrationTest {

    private static Map<String, Object> body(String id, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("kind", kind);
        body.put("name", Map.of("en", "Cleaner Production Partner 2026", "zhHant", "清潔生產伙伴 2026"));
        body.put("description", Map.of("en", "Recognised for cleaner production.", "zhHant", "表揚清潔生產。"));
        body.put("criteria", Map.of("en", "Verified energy saving measures.", "zhHant", "經核實的節能措施。"));
        body.put("imageUrl", "https://cdn.esg-one.test/badges/cpp-2026.png");
        body.put("validity", "P1Y");
        return body;
    }

    @Test
    void anAdminDefinesABilingualAchievementThatAnyoneCanRead() {
        String id = "ach-cpp-" + UUID.randomUUID().toString().substring(0, 8);
        web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(id, "CLEANER_PRODUCTION_PARTNER"))
                .exchange().expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.name.zhHant").isEqualTo("清潔生產伙伴 2026")
                .jsonPath("$.validity").isEqualTo("P1Y");

        JsonNode published = getJson("/api/v1/badges/achievements/" + id);
        assertThat(published.path("type").get(0).asString()).isEqualTo("Achievement");
        assertThat(published.path("achievementType").asString()).isEqualTo("Award");
        assertThat(published.path("criteria").path("narrative").asString()).isEqualTo("Verified energy saving measures.");
        assertThat(published.path("bilingual").path("description").path("zhHant").asString()).isEqualTo("表揚清潔生產。");

        Map<String, Object> changed = body(id, "CLEANER_PRODUCTION_PARTNER");
        changed.put("validity", "P2Y");
        web.put().uri("/api/v1/badges/admin/achievements/" + id).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(changed)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.validity").isEqualTo("P2Y");
        web.put().uri("/api/v1/badges/admin/achievements/" + id).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(id, "E_BADGE"))
                .exchange().expectStatus().isEqualTo(409);
        web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(id, "CLEANER_PRODUCTION_PARTNER"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/achievement-exists");
    }

    @Test
    void aScorecardLevelAchievementCarriesItsLevelAndAnIdIsDerivedFromTheName() {
        Map<String, Object> body = body(null, "SCORECARD_LEVEL");
        body.put("name", Map.of("en", "Scorecard Platinum " + UUID.randomUUID().toString().substring(0, 6), "zhHant", "評分卡白金級"));
        body.put("scorecardLevel", "PLATINUM");
        web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").value(id -> assertThat((String) id).startsWith("ach-scorecard-platinum-"))
                .jsonPath("$.scorecardLevel").isEqualTo("PLATINUM");
    }

    @Test
    void onlyAdminsDefineAchievements() {
        web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(sme("cmp-demo-supplier")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(null, "E_BADGE"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/badges/admin/achievements")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(null, "E_BADGE"))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(KEYCLOAK.tokenFor("buyer", List.of("buyer"))))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
    }

    @Test
    void invalidDefinitionsAreRejectedWithTheFieldNamed() {
        Map<String, Object> noChinese = body(null, "E_BADGE");
        noChinese.put("name", Map.of("en", "Only English"));
        Map<String, Object> scriptUrl = body(null, "E_BADGE");
        scriptUrl.put("imageUrl", "javascript:alert(1)");
        Map<String, Object> levelMissing = body(null, "SCORECARD_LEVEL");
        Map<String, Object> levelOnEBadge = body(null, "E_BADGE");
        levelOnEBadge.put("scorecardLevel", "GOLD");
        Map<String, Object> badPeriod = body(null, "E_BADGE");
        badPeriod.put("validity", "forever");
        Map<String, Object> tooLong = body(null, "E_BADGE");
        tooLong.put("name", Map.of("en", "x".repeat(121), "zhHant", "名"));
        Map<String, Object> badKind = body(null, "E_BADGE");
        badKind.put("kind", "NOBEL_PRIZE");
        Map<String, Object> badId = body("ACH Bad", "E_BADGE");
        for (Map<String, Object> bad : List.of(noChinese, scriptUrl, levelMissing, levelOnEBadge, badPeriod, tooLong, badKind, badId)) {
            web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bad)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isNotEmpty();
        }
        web.get().uri("/api/v1/badges/achievements/ach-not-there").exchange().expectStatus().isNotFound();
    }
}
