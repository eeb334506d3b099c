package hk.esgone.badge.achievement;

import static hk.esgone.badge.achievement.AchievementBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class AchievementAdminIntegrationTests extends BadgeServiceIntegrationTest {

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
}
