package hk.esgone.assessment.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Submitting: an incomplete draft is refused with what is missing; a complete one gets its scorecard and is frozen. */
class SubmissionIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    @Test
    void anIncompleteDraftIsRefusedWithTheQuestionsThatHaveNoAnswer() {
        String companyId = company("incomplete");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        List<QuestionInfo> questions = applicableQuestions();
        QuestionInfo answered = questions.get(0);
        put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + answered.id(), validAnswer(answered, 0))
                .expectStatus().isOk();

        JsonNode problem = problem(web.post().uri("/api/v1/assessments/" + id + "/submit")
                .headers(h -> h.setBearerAuth(sme(companyId))).exchange(), 422, "assessment-incomplete");

        Set<String> missing = problem.path("missing").valueStream().map(m -> m.path("questionId").asText()).collect(Collectors.toSet());
        assertThat(missing).hasSize(questions.size() - 1).doesNotContain(answered.id());
        problem.path("missing").forEach(m -> {
            assertThat(m.path("text").path("en").asText()).isNotBlank();
            assertThat(m.path("text").path("zhHant").asText()).isNotBlank();
        });
        JsonNode read = get(sme(companyId), "/api/v1/assessments/" + id);
        assertThat(read.path("status").asText()).isEqualTo("DRAFT");
        assertThat(read.path("answers")).hasSize(1);
        problem(web.get().uri("/api/v1/assessments/" + id + "/scorecard").headers(h -> h.setBearerAuth(sme(companyId))).exchange(),
                404, "scorecard-not-ready");
    }

    @Test
    void aCompleteDraftIsSubmittedWithItsScorecardAndCannotChangeAfterwards() {
        String companyId = company("complete");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        answerAll(companyId, id);

        JsonNode submitted = JSON.readTree(web.post().uri("/api/v1/assessments/" + id + "/submit")
                .headers(h -> h.setBearerAuth(sme(companyId))).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(submitted.path("assessment").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("assessment").path("submittedAt").asText()).isNotBlank();
        JsonNode scorecard = submitted.path("scorecard");
        JsonNode score = scorecard.path("score");
        assertThat(score.path("level").asText()).isIn("BRONZE", "SILVER", "GOLD", "PLATINUM");
        assertThat(score.path("overall").decimalValue()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.valueOf(100));
        assertThat(score.path("pillars").valueStream().map(p -> p.path("pillar").asText()).toList()).containsExactly("E", "S", "G");
        assertThat(score.path("levelRule").path("en").asText()).isNotBlank();
        // the breakdown explains the scored questions, all of them ones this company answered (company facts score nothing)
        assertThat(score.path("questions").valueStream().map(q -> q.path("questionId").asText()).collect(Collectors.toSet()))
                .isNotEmpty().isSubsetOf(applicableQuestions().stream().map(QuestionInfo::id).toList());
        score.path("questions").forEach(q -> assertThat(q.path("why").path("zhHant").asText()).isNotBlank());
        // the carbon footprint: each line is amount × factor, the totals are the sum of the lines
        JsonNode carbon = scorecard.path("carbon");
        assertThat(carbon.path("factorSet").asText()).isNotBlank();
        assertThat(carbon.path("lines")).isNotEmpty();
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode line : carbon.path("lines")) {
            assertThat(line.path("kgCo2e").decimalValue())
                    .isEqualByComparingTo(line.path("amount").decimalValue().multiply(line.path("kgCo2ePerUnit").decimalValue()));
            assertThat(line.path("factorSource").asText()).isNotBlank();
            sum = sum.add(line.path("kgCo2e").decimalValue());
        }
        assertThat(carbon.path("totalKg").decimalValue()).isEqualByComparingTo(sum);
        assertThat(carbon.path("scope1Kg").decimalValue().add(carbon.path("scope2Kg").decimalValue()))
                .isEqualByComparingTo(carbon.path("totalKg").decimalValue());
        assertThat(carbon.path("tonnesPerEmployee").isNumber()).as("employees were answered").isTrue();

        // the stored scorecard, the same on every read and on a second submit
        JsonNode stored = get(sme(companyId), "/api/v1/assessments/" + id + "/scorecard");
        assertThat(stored.path("scorecard")).isEqualTo(scorecard);
        assertThat(stored.path("assessmentId").asText()).isEqualTo(id);
        JsonNode again = JSON.readTree(web.post().uri("/api/v1/assessments/" + id + "/submit")
                .headers(h -> h.setBearerAuth(sme(companyId))).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        assertThat(again.path("scorecard")).isEqualTo(scorecard);
        assertThat(again.path("assessment").path("submittedAt")).isEqualTo(submitted.path("assessment").path("submittedAt"));

        // immutable: no answer changes, whatever the revision
        QuestionInfo q = applicableQuestions().get(0);
        String path = "/api/v1/assessments/" + id + "/answers/" + q.id();
        problem(put(sme(companyId), path, validAnswer(q, 1)), 409, "assessment-submitted");
        problem(put(sme(companyId), path, validAnswer(q, 0)), 409, "assessment-submitted");
        problem(web.delete().uri(path + "?baseRevision=1").headers(h -> h.setBearerAuth(sme(companyId))).exchange(), 409,
                "assessment-submitted");
        JsonNode read = get(sme(companyId), "/api/v1/assessments/" + id);
        assertThat(read.path("status").asText()).isEqualTo("SUBMITTED");
        read.path("answers").forEach(a -> assertThat(a.path("revision").asLong()).isEqualTo(1));
    }
}
