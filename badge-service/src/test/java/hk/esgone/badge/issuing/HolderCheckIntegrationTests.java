package hk.esgone.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A badge is issued only to a company directory-service knows as approved or published, under the registration
 * number the directory has; when the directory cannot answer, nothing is issued (a fake directory-service here).
 */
class HolderCheckIntegrationTests extends BadgeServiceIntegrationTest {

    private static final String PROBLEMS = "https://esg-one.hk/problems/";

    @AfterEach
    void directoryBack() {
        DIRECTORY.down(false);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String achievement, String company, String br) {
        return web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "company", Map.of("id", company, "brNumber", br)))
                .exchange();
    }

    private void nothingHeldBy(String company) {
        assertThat(getJson("/api/v1/badges/holders/" + company).path("badges")).as("badges of %s", company).isEmpty();
        assertThat(JSON.readTree(web.get().uri("/api/v1/badges/admin/badges?companyId=" + company).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()).path("items")).isEmpty();
    }

    @Test
    void aPublishedOrApprovedCompanyGetsItsBadgeAndTheAdminsTokenIsWhatAsksTheDirectory() {
        String achievement = createAchievement("holder-ok");
        String published = company("holder-published");
        DIRECTORY.published(published, "20260001");
        post(achievement, published, "20260001").expectStatus().isCreated()
                .expectBody().jsonPath("$.holder.companyId").isEqualTo(published);
        assertThat(DIRECTORY.lastAuthorization()).as("the admin's own token, forwarded").startsWith("Bearer ey");
        String approved = company("holder-approved");
        DIRECTORY.company(approved, "PROVISIONING", "20260002", null);
        post(achievement, approved, "20260002").expectStatus().isCreated();
        assertThat(getJson("/api/v1/badges/holders/" + approved).path("badges")).hasSize(1);
    }

    @Test
    void anUnknownUnpublishedOrMismatchingHolderIsRefusedWithA422AndGetsNothing() {
        String achievement = createAchievement("holder-refused");
        String unknown = company("holder-unknown");
        post(achievement, unknown, "30000001").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unknown-holder").jsonPath("$.status").isEqualTo(422);
        nothingHeldBy(unknown);

        String other = company("holder-other-br");
        DIRECTORY.published(other, "30000002");
        post(achievement, other, "30000003").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "holder-mismatch");
        nothingHeldBy(other);

        for (String status : List.of("SUSPENDED", "SUBMITTED", "REJECTED")) {
            String company = company("holder-" + status.toLowerCase());
            DIRECTORY.company(company, status, "30000004", null);
            post(achievement, company, "30000004").expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unknown-holder");
            nothingHeldBy(company);
        }
    }

    @Test
    void whenTheDirectoryCannotAnswerNothingIsIssuedAndTheAdminIsAskedToRetry() {
        String achievement = createAchievement("holder-down");
        String company = company("holder-down");
        DIRECTORY.published(company, "40000001");
        DIRECTORY.down(true);
        post(achievement, company, "40000001").expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "holder-check-unavailable");
        nothingHeldBy(company);

        String other = company("holder-down-bulk");
        DIRECTORY.published(other, "40000002");
        web.post().uri("/api/v1/badges/admin/badges/bulk").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "companies", List.of(Map.of("id", company, "brNumber", "40000001"),
                        Map.of("id", other, "brNumber", "40000002"))))
                .exchange().expectStatus().isEqualTo(503).expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "holder-check-unavailable");
        nothingHeldBy(company);
        nothingHeldBy(other);

        DIRECTORY.down(false);
        post(achievement, company, "40000001").expectStatus().isCreated();
    }

    @Test
    void aBulkIssueReportsTheUnknownHolderOnItsLineAndIssuesTheOthers() {
        String achievement = createAchievement("holder-bulk");
        String known = company("holder-bulk-known");
        String unknown = company("holder-bulk-unknown");
        String mismatch = company("holder-bulk-mismatch");
        DIRECTORY.published(known, "50000001");
        DIRECTORY.published(mismatch, "50000002");
        JsonNode result = JSON.readTree(web.post().uri("/api/v1/badges/admin/badges/bulk").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "companies", List.of(Map.of("id", unknown, "brNumber", "50000009"),
                        Map.of("id", known, "brNumber", "50000001"), Map.of("id", mismatch, "brNumber", "50000003"))))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(result.path("issued").asInt()).isEqualTo(1);
        assertThat(result.path("failed").asInt()).isEqualTo(2);
        assertThat(result.path("results").get(0).path("companyId").asString()).isEqualTo(unknown);
        assertThat(result.path("results").get(0).path("problem").path("type").asString()).isEqualTo(PROBLEMS + "unknown-holder");
        assertThat(result.path("results").get(1).path("outcome").asString()).isEqualTo("ISSUED");
        assertThat(result.path("results").get(2).path("problem").path("type").asString()).isEqualTo(PROBLEMS + "holder-mismatch");
        assertThat(getJson("/api/v1/badges/holders/" + known).path("badges")).hasSize(1);
        nothingHeldBy(unknown);
        nothingHeldBy(mismatch);
    }
}
