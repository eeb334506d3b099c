package hk.esgone.badge.achievement.web;

import static hk.esgone.badge.achievement.AchievementBodies.body;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import hk.esgone.badge.achievement.AchievementService;
import hk.esgone.badge.achievement.store.AchievementStore;
import hk.esgone.badge.support.BadgeWebFluxTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Who may define achievements, and what a definition must satisfy, decided before anything is stored. */
@WebFluxTest(AchievementController.class)
@Import(AchievementService.class)
class AchievementControllerWebFluxTests extends BadgeWebFluxTest {

    @MockitoBean
    AchievementStore store;

    @BeforeEach
    void emptyStore() {
        when(store.findById(any())).thenReturn(Mono.empty());
        when(store.list(any(), anyInt(), anyBoolean())).thenReturn(Flux.empty());
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
        Map<String, Object> bidiName = body(null, "E_BADGE");
        bidiName.put("name", Map.of("en", "Gold \u202Eeert", "zhHant", "金"));
        Map<String, Object> bomDescription = body(null, "E_BADGE");
        bomDescription.put("description", Map.of("en", "Fine", "zhHant", "\uFEFF說明"));
        for (Map<String, Object> bad : List.of(noChinese, scriptUrl, levelMissing, levelOnEBadge, badPeriod, tooLong, badKind, badId,
                bidiName, bomDescription)) {
            web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(bad)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isNotEmpty();
        }
        web.get().uri("/api/v1/badges/achievements/ach-not-there").exchange().expectStatus().isNotFound();
    }
}
