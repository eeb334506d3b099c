package hk.esgone.assessment.answering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Bad input on every endpoint gets a 4xx problem (never a 500), and the stored assessment is unchanged afterwards:
 * each test reads it back.
 */
class BadInputIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    private String companyId;
    private String id;
    private QuestionInfo number;
    private String before;

    @BeforeEach
    void draftWithOneAnswer() {
        companyId = company("bad");
        id = start(companyId, LAST_YEAR).path("id").asText();
        number = applicableQuestions().stream().filter(q -> q.type().equals("NUMBER")).findFirst().orElseThrow();
        put(sme(companyId), answerPath(number.id()), numberAnswer(number, 1200, 0)).expectStatus().isOk();
        before = stored().toString();
    }

    private String answerPath(String questionId) {
        return "/api/v1/assessments/" + id + "/answers/" + questionId;
    }

    private JsonNode stored() {
        JsonNode read = get(sme(companyId), "/api/v1/assessments/" + id);
        return read.path("answers");
    }

    private void unchanged() {
        assertThat(stored().toString()).isEqualTo(before);
    }

    /** The path sent exactly as written (percent-encoding included), not encoded again by the client. */
    private java.net.URI raw(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec putRaw(String path, String body) {
        return web.put().uri(raw(path)).headers(h -> h.setBearerAuth(sme(companyId))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"value\": 5, \"baseRevision\": 1", "not json", "[1,2]", "{\"value\": 5, \"baseRevision\": \"one\"}",
            "{\"value\": 5, \"baseRevision\": 1, \"notApplicable\": \"maybe\"}", "{\"value\": 5, \"baseRevision\": 1.5e400}",
            "{\"value\": 5}", "{\"value\": 5, \"baseRevision\": -1}", ""})
    void malformedOrMistypedAnswerBodiesAre400(String body) {
        JsonNode problem = problem(putRaw(answerPath(number.id()), body), 400, body.contains("baseRevision\": -1")
                || body.equals("{\"value\": 5}") ? "validation" : "malformed-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        unchanged();
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedByTheQuestionsChecksWithTheFieldNamed() {
        JsonNode problem = problem(putRaw(answerPath(number.id()), "{\"value\": \"twelve hundred\", \"baseRevision\": 1}"), 422,
                "invalid-answer");
        assertThat(problem.path("errors").get(0).path("field").asText()).isNotBlank();
        assertThat(problem.path("errors").get(0).path("message").asText()).isNotBlank();
        problem(putRaw(answerPath(number.id()), "{\"value\": -5, \"baseRevision\": 1}"), 422, "invalid-answer");
        unchanged();
    }

    @Test
    void anOversizedAnswerIs413WithOrWithoutALength() {
        String big = "{\"value\": \"" + "x".repeat(70 * 1024) + "\", \"baseRevision\": 1}";
        problem(putRaw(answerPath(number.id()), big), 413, "payload-too-large");
        // chunked: no Content-Length, the body stops being read at the cap
        problem(web.put().uri(answerPath(number.id())).headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(reactor.core.publisher.Flux.just(big.substring(0, 40_000), big.substring(40_000)), String.class)
                .exchange(), 413, "payload-too-large");
        unchanged();
    }

    @Test
    void anOversizedStartOrQuestionnaireIs413() {
        String padding = "x".repeat(300 * 1024);
        problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("companyId", companyId, "industry", padding)).exchange(),
                413, "payload-too-large");
        problem(web.post().uri("/api/v1/assessments/questionnaires").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("key", padding)).exchange(), 413, "payload-too-large");
        assertThat(get(sme(companyId), "/api/v1/assessments?companyId=" + companyId).path("items")).hasSize(1);
        unchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Eevil", "tab\tin unit", "nul\u0000"})
    void oddUnicodeInTextFieldsIs400(String text) {
        problem(put(sme(companyId), answerPath(number.id()), Map.of("value", 5, "unit", text, "baseRevision", 1)), 400,
                "validation");
        problem(put(sme(companyId), answerPath(number.id()), Map.of("value", 5, "reason", "ok \u202E", "baseRevision", 1)), 400,
                "validation");
        unchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z99", "E01.revision", "$where", "%E4%B8%AD", "a%20b",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anUnknownQuestionIs404(String questionId) {
        problem(putRaw("/api/v1/assessments/" + id + "/answers/" + questionId, "{\"value\": 5, \"baseRevision\": 0}"), 404,
                "unknown-question");
        unchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"asm-nothere123", "nothing", "ASM-UPPER", "%E4%B8%AD%E6%96%87"})
    void anUnknownAssessmentIs404OnEveryEndpoint(String unknown) {
        String token = sme(companyId);
        problem(web.get().uri(raw("/api/v1/assessments/" + unknown)).headers(h -> h.setBearerAuth(token)).exchange(), 404, "not-found");
        problem(putRaw("/api/v1/assessments/" + unknown + "/answers/" + number.id(), "{\"value\": 5, \"baseRevision\": 0}"), 404,
                "not-found");
        problem(web.post().uri(raw("/api/v1/assessments/" + unknown + "/submit")).headers(h -> h.setBearerAuth(token)).exchange(), 404,
                "not-found");
        problem(web.get().uri(raw("/api/v1/assessments/" + unknown + "/scorecard")).headers(h -> h.setBearerAuth(token)).exchange(), 404,
                "not-found");
        unchanged();
    }

    @Test
    void startWithMissingOrWrongFieldsIs400NamingEachField() {
        JsonNode problem = problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("companyId", companyId, "year", 1800, "industry", "ZZ", "sizeBand", "HUGE")).exchange(), 400,
                "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).contains("year", "industry", "sizeBand");
        problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"companyId\": 7, \"year\": \"last\"}").exchange(), 400,
                "malformed-request");
        problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"companyId\": \"" + companyId + "\",").exchange(), 400,
                "malformed-request");
        problem(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(), 415, "unsupported-media-type");
        assertThat(get(sme(companyId), "/api/v1/assessments?companyId=" + companyId).path("items")).hasSize(1);
    }

    @Test
    void badQueryParametersAre400() {
        problem(web.get().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId))).exchange(), 400, "bad-request");
        problem(web.get().uri("/api/v1/assessments?companyId=not a company").headers(h -> h.setBearerAuth(sme(companyId))).exchange(),
                400, "validation");
        problem(web.delete().uri(answerPath(number.id()) + "?baseRevision=abc").headers(h -> h.setBearerAuth(sme(companyId)))
                .exchange(), 400, "bad-request");
        problem(web.get().uri("/api/v1/assessments/questionnaire?industry=C").exchange(), 400, "bad-request");
        problem(web.get().uri(raw("/api/v1/assessments/questionnaire?industry=%E2%80%AE&size=SMALL")).exchange(), 400, "validation");
        unchanged();
    }
}
