package hk.esgone.assessment.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Two companies: the other company's people are told an assessment does not exist (404, as for an unknown id), so
 * its existence is not revealed; buyers and partners neither start nor answer; admins read but do not answer.
 */
class TenantIsolationIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    @Test
    void anotherCompanysMemberCannotReadOrChangeAnAssessmentAndLearnsNothingOfIt() {
        String a = company("tenant-a");
        String b = company("tenant-b");
        String id = start(a, LAST_YEAR).path("id").asText();
        QuestionInfo q = applicableQuestions().get(0);
        put(sme(a), "/api/v1/assessments/" + id + "/answers/" + q.id(), validAnswer(q, 0)).expectStatus().isOk();
        String unknown = "asm-doesnotexist1";

        for (String target : List.of(id, unknown)) {
            JsonNode read = problem(web.get().uri("/api/v1/assessments/" + target).headers(h -> h.setBearerAuth(sme(b))).exchange(),
                    404, "not-found");
            assertThat(read.path("detail").asText()).isEqualTo("Assessment '" + target + "' does not exist or is not visible to you.");
            problem(put(sme(b), "/api/v1/assessments/" + target + "/answers/" + q.id(), validAnswer(q, 1)), 404, "not-found");
            problem(web.delete().uri("/api/v1/assessments/" + target + "/answers/" + q.id() + "?baseRevision=1")
                    .headers(h -> h.setBearerAuth(sme(b))).exchange(), 404, "not-found");
            problem(web.post().uri("/api/v1/assessments/" + target + "/submit").headers(h -> h.setBearerAuth(sme(b))).exchange(),
                    404, "not-found");
            problem(web.get().uri("/api/v1/assessments/" + target + "/scorecard").headers(h -> h.setBearerAuth(sme(b))).exchange(),
                    404, "not-found");
        }
        problem(web.get().uri("/api/v1/assessments?companyId=" + a).headers(h -> h.setBearerAuth(sme(b))).exchange(), 403,
                "forbidden");
        problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(b))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody(a, LAST_YEAR - 1)).exchange(), 403, "forbidden");

        JsonNode stored = get(sme(a), "/api/v1/assessments/" + id);
        assertThat(stored.path("answers")).hasSize(1);
        assertThat(stored.path("answers").get(0).path("revision").asLong()).isEqualTo(1);
        assertThat(get(sme(a), "/api/v1/assessments?companyId=" + a).path("items")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"buyer", "partner"})
    void buyersAndPartnersNeitherStartNorAnswerEvenAsMembers(String role) {
        String a = company("role-" + role);
        String token = KEYCLOAK.tokenFor(role + "-of-" + a, List.of(role), a);
        problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody(a, LAST_YEAR)).exchange(), 403, "forbidden");

        String id = start(a, LAST_YEAR).path("id").asText();
        QuestionInfo q = applicableQuestions().get(0);
        problem(put(token, "/api/v1/assessments/" + id + "/answers/" + q.id(), validAnswer(q, 0)), 403, "forbidden");
        problem(web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(token)).exchange(), 403,
                "forbidden");
        assertThat(get(sme(a), "/api/v1/assessments/" + id).path("answers")).isEmpty();
    }

    @Test
    void anAdminReadsEveryAssessmentButAnswersNone() {
        String a = company("admin-view");
        String id = start(a, LAST_YEAR).path("id").asText();
        QuestionInfo q = applicableQuestions().get(0);

        assertThat(get(admin(), "/api/v1/assessments/" + id).path("companyId").asText()).isEqualTo(a);
        assertThat(get(admin(), "/api/v1/assessments?companyId=" + a).path("items")).hasSize(1);
        problem(put(admin(), "/api/v1/assessments/" + id + "/answers/" + q.id(), validAnswer(q, 0)), 403, "forbidden");
        assertThat(get(sme(a), "/api/v1/assessments/" + id).path("answers")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/assessments/asm-x1234", "GET /api/v1/assessments?companyId=cmp-abc",
            "POST /api/v1/assessments", "PUT /api/v1/assessments/asm-x1234/answers/E01", "POST /api/v1/assessments/asm-x1234/submit",
            "DELETE /api/v1/assessments/asm-x1234/answers/E01?baseRevision=1", "GET /api/v1/assessments/asm-x1234/scorecard",
            "GET /api/v1/assessments/questionnaires", "POST /api/v1/assessments/questionnaires"})
    void withoutAValidTokenEveryEndpointButTheQuestionnaireIs401(String request) {
        String[] parts = request.split(" ");
        String expired = KEYCLOAK.token().subject("late").roles(List.of("sme")).organizations("cmp-abc")
                .expiresAt(java.time.Instant.now().minusSeconds(600)).sign();
        for (String token : new String[] {null, expired, "not-a-jwt"}) {
            problem(web.method(HttpMethod.valueOf(parts[0])).uri(parts[1])
                    .headers(h -> {
                        if (token != null) {
                            h.setBearerAuth(token);
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), 401, "unauthorized");
        }
    }
}
