package hk.esgone.badge.issuing.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.badge.support.BadgeWebFluxTest;
import hk.esgone.platform.idempotency.IdempotentEndpoint;

/** What the badge controllers refuse on their own, before any badge is read or issued: problem details, never a 500. */
@WebFluxTest({BadgeAdminController.class, PublicBadgeController.class})
@Import(BadgeViews.class)
class BadgeControllersWebFluxTests extends BadgeWebFluxTest {

    @MockitoBean
    BadgeService badges;

    @MockitoBean
    IdempotentEndpoint idempotent;

    @Test
    void badInputGetsProblemDetailsNeverA500() {
        String achievement = "ach-badinput-web";
        List<Object> bodies = List.of(
                Map.of("achievementId", achievement, "company", Map.of("id", "ACME", "brNumber", "12345678")),
                Map.of("achievementId", achievement, "company", Map.of("id", "cmp-br-web", "brNumber", "1234")),
                Map.of("achievementId", "<script>", "company", Map.of("id", "cmp-x-web", "brNumber", "12345678")));
        int i = 0;
        for (Object body : bodies) {
            web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                    .header("Idempotency-Key", "bad-" + achievement + "-" + i++).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "garbage").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"achievementId\": [")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/malformed-request");
        web.get().uri("/api/v1/badges/holders/NOT-AN-ID").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/badges/holders?brNumber=abc").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/badges/admin/badges?cursor=forged!").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/invalid-cursor");
        web.get().uri("/api/v1/badges/admin/badges?limit=1000").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isBadRequest();
    }
}
