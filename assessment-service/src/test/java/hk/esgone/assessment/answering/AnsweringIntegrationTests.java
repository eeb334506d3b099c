package hk.esgone.assessment.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;

/** Starting an assessment, autosaving answers one at a time (also from several tabs at once), progress. */
class AnsweringIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    @Test
    void anSmeStartsADraftAndEachSavedAnswerShowsInItsProgress() {
        String companyId = company("answer");
        JsonNode draft = start(companyId, LAST_YEAR);
        String id = draft.path("id").asText();

        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("companyId").asText()).isEqualTo(companyId);
        assertThat(draft.path("questionnaire").path("version").asInt()).isPositive();
        assertThat(draft.path("progress").path("answered").asInt()).isZero();
        assertThat(draft.path("progress").path("applicable").asInt()).isEqualTo(applicableQuestions().size());

        QuestionInfo first = applicableQuestions().get(0);
        JsonNode saved = JSON.readTree(put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + first.id(),
                validAnswer(first, 0)).expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(saved.path("revision").asLong()).isEqualTo(1);

        JsonNode again = JSON.readTree(put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + first.id(),
                validAnswer(first, 1)).expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(again.path("revision").asLong()).isEqualTo(2);

        JsonNode read = get(sme(companyId), "/api/v1/assessments/" + id);
        assertThat(read.path("progress").path("answered").asInt()).isEqualTo(1);
        JsonNode section = find(read.path("progress").path("sections"), "section", sectionOf(read, first.id()));
        assertThat(section.path("answered").asInt()).isEqualTo(1);
        assertThat(section.path("applicable").asInt()).isPositive();
        assertThat(read.path("answers").get(0).path("questionId").asText()).isEqualTo(first.id());
        assertThat(read.path("answers").get(0).path("revision").asLong()).isEqualTo(2);
        assertThat(read.path("updatedAt").asText()).isNotBlank();

        JsonNode listed = get(sme(companyId), "/api/v1/assessments?companyId=" + companyId);
        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void aCompanyHasOneAssessmentPerYear() {
        String companyId = company("once");
        String id = start(companyId, LAST_YEAR).path("id").asText();

        JsonNode conflict = problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(startBody(companyId, LAST_YEAR)).exchange(), 409,
                "assessment-exists");
        assertThat(conflict.path("existingId").asText()).isEqualTo(id);
        assertThat(conflict.path("detail").asText()).contains(id);

        start(companyId, LAST_YEAR - 1);
        assertThat(get(sme(companyId), "/api/v1/assessments?companyId=" + companyId).path("items")).hasSize(2);
    }

    @Test
    void twoStartsAtTheSameMomentMakeOneAssessment() throws Exception {
        String companyId = company("race");
        List<Integer> statuses = inParallel(2, i -> status(client().post().uri("/api/v1/assessments")
                .headers(h -> h.setBearerAuth(sme(companyId))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(startBody(companyId, LAST_YEAR)).exchange()));

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(get(sme(companyId), "/api/v1/assessments?companyId=" + companyId).path("items")).hasSize(1);
    }

    @Test
    void savesOfDifferentAnswersFromManyTabsAtOnceAreAllKept() throws Exception {
        String companyId = company("tabs");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        // 32 tabs at once, each saving a different answer (as many as the questionnaire has, if fewer)
        List<QuestionInfo> all = applicableQuestions();
        List<QuestionInfo> questions = all.subList(0, Math.min(32, all.size()));
        String token = sme(companyId);

        List<Integer> statuses = inParallel(questions.size(), i -> {
            QuestionInfo q = questions.get(i);
            return status(client().put().uri("/api/v1/assessments/" + id + "/answers/" + q.id())
                    .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(validAnswer(q, 0)).exchange());
        });

        assertThat(statuses).hasSize(questions.size()).containsOnly(200);
        JsonNode read = get(token, "/api/v1/assessments/" + id);
        assertThat(read.path("answers")).hasSize(questions.size());
        assertThat(read.path("progress").path("answered").asInt()).isEqualTo(questions.size());
        read.path("answers").forEach(a -> assertThat(a.path("revision").asLong()).isEqualTo(1));
    }

    @Test
    void twoTabsSavingTheSameAnswerFromTheSameRevisionGetOneSaveAndOneConflict() throws Exception {
        String companyId = company("same");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        QuestionInfo number = applicableQuestions().stream().filter(q -> q.type().equals("NUMBER")).findFirst().orElseThrow();
        String path = "/api/v1/assessments/" + id + "/answers/" + number.id();
        put(sme(companyId), path, numberAnswer(number, 100, 0)).expectStatus().isOk();

        List<Integer> statuses = inParallel(2, i -> status(client().put().uri(path)
                .headers(h -> h.setBearerAuth(sme(companyId))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(numberAnswer(number, 200 + i, 1)).exchange()));

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode stored = get(sme(companyId), "/api/v1/assessments/" + id).path("answers").get(0);
        assertThat(stored.path("revision").asLong()).isEqualTo(2);
        assertThat(stored.path("value").asInt()).isIn(200, 201);

        // the loser's view: the conflict names the stored answer, and nothing was overwritten
        JsonNode conflict = problem(put(sme(companyId), path, numberAnswer(number, 999, 1)), 409, "answer-conflict");
        assertThat(conflict.path("currentRevision").asLong()).isEqualTo(2);
        assertThat(conflict.path("currentAnswer").path("value").asInt()).isEqualTo(stored.path("value").asInt());
        assertThat(get(sme(companyId), "/api/v1/assessments/" + id).path("answers").get(0).path("value").asInt())
                .isEqualTo(stored.path("value").asInt());
    }

    @Test
    void aClearedAnswerNoLongerCountsAndFollowsTheSameRevisionRule() {
        String companyId = company("clear");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        QuestionInfo q = applicableQuestions().get(0);
        String path = "/api/v1/assessments/" + id + "/answers/" + q.id();
        put(sme(companyId), path, validAnswer(q, 0)).expectStatus().isOk();

        problem(web.delete().uri(path + "?baseRevision=0").headers(h -> h.setBearerAuth(sme(companyId))).exchange(), 400,
                "validation");
        web.delete().uri(path + "?baseRevision=1").headers(h -> h.setBearerAuth(sme(companyId))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.cleared").isEqualTo(true).jsonPath("$.revision").isEqualTo(2);
        problem(web.delete().uri(path + "?baseRevision=1").headers(h -> h.setBearerAuth(sme(companyId))).exchange(), 409,
                "answer-conflict");
        problem(put(sme(companyId), path, validAnswer(q, 0)), 409, "answer-conflict");

        assertThat(get(sme(companyId), "/api/v1/assessments/" + id).path("progress").path("answered").asInt()).isZero();
        put(sme(companyId), path, validAnswer(q, 2)).expectStatus().isOk();
        assertThat(get(sme(companyId), "/api/v1/assessments/" + id).path("progress").path("answered").asInt()).isEqualTo(1);
    }

    @Test
    void aNotApplicableAnswerWithAReasonAndEvidenceAsDataAreStored() {
        String companyId = company("evidence");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        List<QuestionInfo> questions = applicableQuestions();
        QuestionInfo withEvidence = questions.stream().filter(QuestionInfo::evidenceAllowed).findFirst().orElseThrow();
        QuestionInfo other = questions.stream().filter(q -> !q.id().equals(withEvidence.id())).findFirst().orElseThrow();

        Map<String, Object> body = validAnswer(withEvidence, 0);
        // a link; a file reference must name a file uploaded to the assessment (EvidenceFilesIntegrationTests)
        body.put("evidence", Map.of("url", "https://www.example.com.hk/環境政策-2025.pdf"));
        put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + withEvidence.id(), body).expectStatus().isOk();
        Map<String, Object> notApplicable = new java.util.LinkedHashMap<>();
        notApplicable.put("notApplicable", true);
        notApplicable.put("reason", "我們沒有車輛。We have no vehicles.");
        notApplicable.put("baseRevision", 0);
        put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + other.id(), notApplicable).expectStatus().isOk();

        JsonNode read = get(sme(companyId), "/api/v1/assessments/" + id);
        assertThat(read.path("progress").path("answered").asInt()).isEqualTo(2);
        JsonNode stored = find(read.path("answers"), "questionId", withEvidence.id());
        assertThat(stored.path("evidence").path("url").asText()).isEqualTo("https://www.example.com.hk/環境政策-2025.pdf");
        JsonNode na = find(read.path("answers"), "questionId", other.id());
        assertThat(na.path("notApplicable").asBoolean()).isTrue();
        assertThat(na.path("reason").asText()).isEqualTo("我們沒有車輛。We have no vehicles.");

        // a link that is not https, and N/A without a reason: refused, nothing stored
        Map<String, Object> badLink = validAnswer(withEvidence, 1);
        badLink.put("evidence", Map.of("url", "ftp://example.com/policy.pdf"));
        JsonNode problem = problem(put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + withEvidence.id(), badLink), 422,
                "invalid-answer");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("evidence.url");
        assertThat(problem.path("errors").get(0).path("messageZhHant").asText()).isNotBlank();
        problem(put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + other.id(),
                Map.of("notApplicable", true, "baseRevision", 1)), 422, "invalid-answer");
        assertThat(get(sme(companyId), "/api/v1/assessments/" + id).path("answers")).isEqualTo(read.path("answers"));
    }

    private WebTestClient client() {
        return TestWebClients.unpooled(port);
    }

    private static int status(WebTestClient.ResponseSpec response) {
        return response.returnResult(byte[].class).getStatus().value();
    }

    /** Runs {@code n} requests released together by a barrier, each on its own thread; their results in order. */
    private static List<Integer> inParallel(int n, java.util.function.IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CyclicBarrier barrier = new CyclicBarrier(n);
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return request.apply(index);
                }, pool));
            }
            List<Integer> results = new ArrayList<>();
            for (CompletableFuture<Integer> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String sectionOf(JsonNode assessment, String questionId) {
        JsonNode questionnaire = JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        for (JsonNode section : questionnaire.path("sections")) {
            if (section.findValues("id").stream().anyMatch(v -> v.asText().equals(questionId))) {
                return section.path("code").asText();
            }
        }
        throw new AssertionError("no section holds " + questionId);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

}
