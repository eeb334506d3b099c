package hk.esgone.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import hk.esgone.badge.issuing.web.BadgeRequests;
import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import hk.esgone.platform.idempotency.IdempotencyStore;
import hk.esgone.platform.idempotency.RequestFingerprint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BadgeLifecycleIntegrationTests extends BadgeServiceIntegrationTest {

    @Autowired
    BadgeService badgeService;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    IdempotencyStore idempotencyStore;

    @Test
    void anAdminIssuesAnOpenBadgesCredentialToACompanyAndAnyoneSeesItHeld() {
        String achievement = createAchievement("lifecycle");
        String company = company("acme");
        String br = brNumber();

        JsonNode badge = issue(achievement, company, br);

        assertThat(badge.path("id").asString()).startsWith("bdg-");
        assertThat(badge.path("status").asString()).isEqualTo("VALID");
        String jwt = badge.path("credential").asString();
        JsonNode header = jwtPart(jwt, 0);
        assertThat(header.path("typ").asString()).isEqualTo("vc+jwt");
        assertThat(header.path("alg").asString()).isIn("ES256", "RS256");
        JsonNode jwks = getJson("/.well-known/jwks.json");
        assertThat(jwks.path("keys").findValuesAsString("kid")).contains(header.path("kid").asString());
        JsonNode vc = jwtPart(jwt, 1);
        assertThat(vc.path("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(vc.path("type").toString()).contains("VerifiableCredential", "OpenBadgeCredential");
        assertThat(vc.path("issuer").path("id").asString()).isEqualTo("https://esg-one.test/.well-known/issuer");
        assertThat(vc.path("credentialSubject").path("type").toString()).contains("AchievementSubject");
        assertThat(vc.path("credentialSubject").path("identifier").toString()).contains(company, br);
        assertThat(vc.path("credentialSubject").path("achievement").path("name").asString()).isEqualTo("ESG One e-Badge");
        assertThat(vc.path("credentialStatus")).hasSize(2);
        assertThat(vc.path("credentialStatus").findValuesAsString("statusPurpose")).containsExactly("revocation", "suspension");
        assertThat(vc.path("validUntil").asString()).isNotBlank();

        JsonNode holders = getJson("/api/v1/badges/holders/" + company);
        assertThat(holders.path("companyId").asString()).isEqualTo(company);
        assertThat(holders.path("badges")).hasSize(1);
        JsonNode held = holders.path("badges").get(0);
        assertThat(held.path("id").asString()).isEqualTo(badge.path("id").asString());
        assertThat(held.path("achievementKind").asString()).isEqualTo("E_BADGE");
        assertThat(held.has("scorecardLevel")).isTrue();
        assertThat(held.path("name").path("zhHant").asString()).isEqualTo("ESG One 電子徽章");
        assertThat(held.path("status").asString()).isEqualTo("VALID");

        JsonNode byBr = getJson("/api/v1/badges/holders?brNumber=" + br);
        assertThat(byBr.path("companyId").asString()).isEqualTo(company);
        assertThat(byBr.path("badges")).hasSize(1);

        assertThat(getJson("/api/v1/badges/holders/cmp-nobody-here").path("badges")).isEmpty();
    }

    @Test
    void issuingTwiceToTheSameCompanyIsRefusedAndAnUnknownAchievementIsUnprocessable() {
        String achievement = createAchievement("twice");
        String company = company("twice");
        issue(achievement, company, "12345678");
        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "k-" + company).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "company", Map.of("id", company, "brNumber", "12345678")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/badge-already-held");
        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "k2-" + company).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", "ach-does-not-exist", "company", Map.of("id", company, "brNumber", "12345678")))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/unknown-achievement");
    }

    @Test
    void idempotencyKeyMissingReusedInProgressAndReplayed() {
        String achievement = createAchievement("idem");
        String company = company("idem");
        DIRECTORY.published(company, "11112222");
        Map<String, Object> body = Map.of("achievementId", achievement, "company", Map.of("id", company, "brNumber", "11112222"));

        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/idempotency-key-missing");

        String key = "issue-" + company;
        byte[] first = web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        byte[] replay = web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().returnResult().getResponseBody();
        assertThat(replay).isEqualTo(first);
        assertThat(getJson("/api/v1/badges/holders/" + company).path("badges")).as("issued once").hasSize(1);

        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "company", Map.of("id", company("other"), "brNumber", "11112222")))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/idempotency-key-reused");

        // a first request with this key that is still running
        String running = "running-" + company;
        var request = new BadgeRequests.IssueRequest(achievement, new BadgeRequests.CompanyRef(company("run"), "33334444", null, null), null);
        idempotencyStore.begin("issue:admin-user", running,
                RequestFingerprint.of("POST", "/api/v1/badges/admin/badges", jsonMapper.writeValueAsString(request))).block();
        web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", running).contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/idempotency-key-in-use");
    }

    @Test
    void onlyAdminsIssueSuspendAndRevoke() {
        String achievement = createAchievement("tenants");
        String mine = company("mine");
        JsonNode badge = issue(achievement, mine, brNumber());
        String id = badge.path("id").asString();

        // an SME, even of the very company that holds the badge, cannot issue, revoke, suspend or define badges
        for (String token : List.of(sme(mine), sme(company("other")))) {
            web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", "sme-try").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("achievementId", achievement, "company", Map.of("id", mine, "brNumber", "12345678")))
                    .exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/forbidden");
            web.post().uri("/api/v1/badges/admin/badges/" + id + "/revoke").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "I want to"))
                    .exchange().expectStatus().isForbidden();
            web.post().uri("/api/v1/badges/admin/badges/" + id + "/suspend").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "I want to"))
                    .exchange().expectStatus().isForbidden();
        }
        web.post().uri("/api/v1/badges/admin/badges/" + id + "/revoke")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "anonymous"))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/unauthorized");
        assertThat(getJson("/api/v1/badges/verify/" + id).path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void suspensionCanBeLiftedRevocationIsPermanentAndRenewalKeepsTheBadge() {
        String achievement = createAchievement("states");
        String company = company("states");
        String id = issue(achievement, company, brNumber()).path("id").asString();
        String path = "/api/v1/badges/admin/badges/" + id;

        web.post().uri(path + "/suspend").headers(h -> h.setBearerAuth(admin())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", " ")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        // a reason the holder and verifiers will read: no bidirectional override that would reverse its words
        web.post().uri(path + "/suspend").headers(h -> h.setBearerAuth(admin())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Audit \u202Egnidnep")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(getJson("/api/v1/badges/verify/" + id).path("status").asString()).isEqualTo("VALID");
        adminPost(path + "/suspend", Map.of("reason", "Audit pending"));
        assertThat(getJson("/api/v1/badges/verify/" + id).path("status").asString()).isEqualTo("SUSPENDED");
        adminPost(path + "/reinstate", Map.of());
        assertThat(getJson("/api/v1/badges/verify/" + id).path("status").asString()).isEqualTo("VALID");

        web.post().uri(path + "/renew").headers(h -> h.setBearerAuth(admin())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("validUntil", Instant.now().plus(800, ChronoUnit.DAYS).toString()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.credentialVersion").isEqualTo(2);

        web.post().uri(path + "/revoke").headers(h -> h.setBearerAuth(admin())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
        adminPost(path + "/revoke", Map.of("reason", "Certificate withdrawn"));
        JsonNode revoked = getJson("/api/v1/badges/verify/" + id);
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.path("valid").asBoolean()).isFalse();

        for (String action : List.of("/reinstate", "/renew", "/suspend", "/revoke")) {
            web.post().uri(path + action).headers(h -> h.setBearerAuth(admin())).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("reason", "again")).exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).contains("badge-"));
        }
        web.post().uri("/api/v1/badges/admin/badges/bdg-does-not-exist/revoke").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x")).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/not-found");
    }

    @Test
    void bulkIssueReportsEachCompany() {
        String achievement = createAchievement("bulk", "SCORECARD_LEVEL", "ESG One Scorecard — Gold", "ESG One 評分卡 — 金級");
        String a = company("bulk-a");
        String b = company("bulk-b");
        String held = company("bulk-held");
        issue(achievement, held, "55550003");
        DIRECTORY.published(a, "55550001");
        DIRECTORY.company(b, "PROVISIONING", null, "91440300MA5FXXXX0A".replace('X', '1'));
        List<Map<String, Object>> companies = new ArrayList<>();
        companies.add(Map.of("id", a, "brNumber", "55550001"));
        companies.add(Map.of("id", b, "uscc", "91440300MA5FXXXX0A".replace('X', '1')));
        companies.add(Map.of("id", held, "brNumber", "55550003"));

        byte[] body = web.post().uri("/api/v1/badges/admin/badges/bulk").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "bulk-" + a).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "companies", companies))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode result = JSON.readTree(body);
        assertThat(result.path("issued").asInt()).isEqualTo(2);
        assertThat(result.path("failed").asInt()).isEqualTo(1);
        assertThat(result.path("results").get(2).path("problem").path("type").asString()).endsWith("badge-already-held");
        JsonNode heldByA = getJson("/api/v1/badges/holders/" + a).path("badges").get(0);
        assertThat(heldByA.path("scorecardLevel").asString()).isEqualTo("GOLD");
        assertThat(heldByA.path("achievementKind").asString()).isEqualTo("SCORECARD_LEVEL");

        web.post().uri("/api/v1/badges/admin/badges/bulk").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "bulk-empty").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "companies", List.of()))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void listCursorsAreSignedAndBoundToTheirFilter() {
        String achievement = createAchievement("cursor");
        String company = company("cursor");
        issue(achievement, company, brNumber());
        issue(createAchievement("cursor-2"), company, brNumber());
        String list = "/api/v1/badges/admin/badges?limit=1&companyId=" + company;

        JsonNode first = JSON.readTree(web.get().uri(list).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        String cursor = first.path("nextCursor").asString();
        assertThat(cursor).isNotBlank();
        web.get().uri(list + "&cursor=" + cursor).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").value(id -> assertThat(id).isNotEqualTo(first.path("items").get(0).path("id").asString()));

        // one character changed by hand: the signature no longer matches
        int middle = cursor.length() / 2;
        String edited = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);
        web.get().uri(list + "&cursor=" + edited).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/invalid-cursor");
        // a genuine cursor used with another filter
        web.get().uri("/api/v1/badges/admin/badges?limit=1&companyId=" + company("elsewhere") + "&cursor=" + cursor)
                .headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/invalid-cursor");
    }

    @Test
    void badInputGetsProblemDetailsNeverA500() {
        // the cases a controller decides alone (bean validation, malformed JSON, ids, cursors, limits) are in
        // BadgeControllersWebFluxTests; these two need the achievement and the domain rules
        String achievement = createAchievement("badinput");
        List<Object> bodies = List.of(
                Map.of("achievementId", achievement, "company", Map.of("id", company("nobr"))),
                Map.of("achievementId", achievement, "company", Map.of("id", company("past"), "brNumber", "12345678"),
                        "validUntil", "2001-01-01T00:00:00Z"));
        int i = 0;
        for (Object body : bodies) {
            web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                    .header("Idempotency-Key", "bad-" + achievement + "-" + i++).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
    }
}
