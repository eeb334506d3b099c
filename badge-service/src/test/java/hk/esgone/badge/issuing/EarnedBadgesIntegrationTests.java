package hk.esgone.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * assessment-service's service account (realm role {@code badge-issuer}, client-credentials token) issues the badges an
 * assessment earns through {@code POST /internal/badges/earned}, and nothing else.
 */
class EarnedBadgesIntegrationTests extends BadgeServiceIntegrationTest {

    private static final String EARNED = "/internal/badges/earned";

    /** A token shaped like Keycloak's client-credentials token of the assessment-service client. */
    private static String issuerToken() {
        return KEYCLOAK.token().subject("service-account-assessment-service").roles(List.of("badge-issuer"))
                .claim("azp", "assessment-service").sign();
    }

    private WebTestClient.ResponseSpec earned(String token, String key, String achievementId, String companyId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("achievementId", achievementId);
        body.put("companyId", companyId);
        body.put("reason", "Superseded by the 2027 ESG One assessment.");
        return web.post().uri(EARNED)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode json(WebTestClient.ResponseSpec spec, int status) {
        return JSON.readTree(spec.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    private String levelAchievement(String level) {
        String id = "ach-level-" + level.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("kind", "SCORECARD_LEVEL");
        body.put("scorecardLevel", level);
        body.put("name", Map.of("en", "Scorecard " + level, "zhHant", "評分卡 " + level));
        body.put("description", Map.of("en", "Reached " + level + ".", "zhHant", "達到 " + level + "。"));
        body.put("criteria", Map.of("en", "An assessment at " + level + ".", "zhHant", "評估達到 " + level + "。"));
        body.put("validity", "P1Y");
        web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
        return id;
    }

    @Test
    void issuesTheCompletionBadgeNamingTheCompanyAsTheDirectoryDoesOncePerKey() {
        String achievement = createAchievement("earned-ebadge");
        String company = company("earned");
        String br = brNumber();
        DIRECTORY.published(company, br);
        String key = "asm-test-" + UUID.randomUUID() + ":COMPLETION";

        JsonNode first = json(earned(issuerToken(), key, achievement, company), 201);
        assertThat(first.path("badge").path("holder").path("companyId").asString()).isEqualTo(company);
        assertThat(first.path("badge").path("holder").path("brNumber").asString()).isEqualTo(br);
        assertThat(first.path("badge").path("status").asString()).isEqualTo("VALID");
        assertThat(first.path("superseded").size()).isZero();

        // the response was lost: the retry with the same key gets the same badge, and no second one exists
        JsonNode replay = json(earned(issuerToken(), key, achievement, company), 201);
        assertThat(replay.path("badge").path("id").asString()).isEqualTo(first.path("badge").path("id").asString());
        JsonNode held = JSON.readTree(web.get().uri("/api/v1/badges/admin/badges?companyId=" + company)
                .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(held.path("items").size()).isEqualTo(1);
    }

    @Test
    void aNewLevelSupersedesTheCompanysCurrentLevelWithTheReason() {
        String gold = levelAchievement("GOLD");
        String silver = levelAchievement("SILVER");
        String company = company("supersede");
        DIRECTORY.published(company, brNumber());

        String oldId = json(earned(issuerToken(), UUID.randomUUID().toString(), gold, company), 201).path("badge").path("id").asString();
        JsonNode next = json(earned(issuerToken(), UUID.randomUUID().toString(), silver, company), 201);

        assertThat(next.path("superseded").get(0).asString()).isEqualTo(oldId);
        JsonNode old = JSON.readTree(web.get().uri("/api/v1/badges/admin/badges/" + oldId).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(old.path("status").asString()).isEqualTo("REVOKED");
        assertThat(old.path("revocationReason").asString()).isEqualTo("Superseded by the 2027 ESG One assessment.");
        assertThat(next.path("badge").path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void theIssuerRoleIssuesNoOtherAchievementAndManagesNothingElse() {
        String partnerAward = createAchievement("earned-cpp", "CLEANER_PRODUCTION_PARTNER", "Cleaner Production Partner", "清潔生產伙伴");
        String company = company("narrow");
        String br = brNumber();
        DIRECTORY.published(company, br);
        JsonNode refused = json(earned(issuerToken(), UUID.randomUUID().toString(), partnerAward, company), 403);
        assertThat(refused.path("detail").asString()).contains("CLEANER_PRODUCTION_PARTNER");

        String badgeId = issue(createAchievement("earned-other"), company, br).path("id").asString();
        web.post().uri("/api/v1/badges/admin/badges/" + badgeId + "/revoke").headers(h -> h.setBearerAuth(issuerToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "not allowed"))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/badges/admin/badges?companyId=" + company).headers(h -> h.setBearerAuth(issuerToken()))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(issuerToken()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", partnerAward, "company", Map.of("id", company, "brNumber", br)))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/badges/admin/badges/" + badgeId).headers(h -> h.setBearerAuth(issuerToken()))
                .exchange().expectStatus().isForbidden();
        assertThat(JSON.readTree(web.get().uri("/api/v1/badges/admin/badges/" + badgeId).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectBody().returnResult().getResponseBody()).path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void onlyTheIssuerRoleMayAskAndAKeyIsRequired() {
        String achievement = createAchievement("earned-who");
        String company = company("who");
        DIRECTORY.published(company, brNumber());
        json(earned(admin(), UUID.randomUUID().toString(), achievement, company), 403);
        json(earned(sme(company), UUID.randomUUID().toString(), achievement, company), 403);
        earned(null, UUID.randomUUID().toString(), achievement, company).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        json(earned(issuerToken(), null, achievement, company), 400);
        // nothing was issued by any of these
        JsonNode held = JSON.readTree(web.get().uri("/api/v1/badges/admin/badges?companyId=" + company)
                .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(held.path("items").size()).isZero();
    }

    @Test
    void aCompanyTheDirectoryDoesNotListIsRefusedAsUnprocessable() {
        String achievement = createAchievement("earned-unknown");
        JsonNode problem = json(earned(issuerToken(), UUID.randomUUID().toString(), achievement, company("unlisted")), 422);
        assertThat(problem.path("type").asString()).endsWith("unknown-holder");
        String applied = company("applied");
        DIRECTORY.company(applied, "SUBMITTED", brNumber(), null);
        assertThat(json(earned(issuerToken(), UUID.randomUUID().toString(), achievement, applied), 422).path("type").asString())
                .endsWith("unknown-holder");
    }

    @Test
    void badInputIsAProblemNotAnError() {
        web.post().uri(EARNED).headers(h -> h.setBearerAuth(issuerToken())).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"achievementId\": 5, \"companyId\": [}")
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        json(earned(issuerToken(), UUID.randomUUID().toString(), "ach-../../x", "cmp-\u202Eevil"), 400);
    }
}
