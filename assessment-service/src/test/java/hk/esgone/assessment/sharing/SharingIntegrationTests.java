package hk.esgone.assessment.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A company opts its submitted scorecard in and out of public sharing; anyone reads a shared one without a token and
 * learns nothing of answers or evidence; an unknown, a draft and a not-shared scorecard all answer the same 404;
 * another company cannot change the choice or learn the assessment exists; bad bodies are 400 and change nothing.
 */
class SharingIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    private String companyId;
    private String id;

    @BeforeEach
    void submittedAssessment() {
        companyId = company("share");
        id = start(companyId, LAST_YEAR).path("id").asText();
        answerAll(companyId, id);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(companyId))).exchange()
                .expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec share(String token, Object body) {
        return put(token, "/api/v1/assessments/" + id + "/sharing", body);
    }

    private WebTestClient.ResponseSpec publicRead(String assessmentId) {
        return web.get().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments/shared/" + assessmentId)).exchange();
    }

    private boolean shared() {
        return get(sme(companyId), "/api/v1/assessments/" + id + "/sharing").path("public").asBoolean();
    }

    @Test
    void aSubmittedScorecardIsPrivateUntilItsCompanySharesItAndPrivateAgainWhenItStops() {
        JsonNode before = get(sme(companyId), "/api/v1/assessments/" + id + "/sharing");
        assertThat(before.path("public").asBoolean()).isFalse();
        assertThat(before.path("submitted").asBoolean()).isTrue();
        JsonNode hidden = problem(publicRead(id), 404, "not-found");

        JsonNode opted = JSON.readTree(share(sme(companyId), Map.of("public", true)).expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
        assertThat(opted.path("public").asBoolean()).isTrue();
        assertThat(opted.path("publicPath").asText()).isEqualTo("/scorecards/" + id);

        byte[] body = publicRead(id).expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode card = JSON.readTree(body);
        JsonNode full = get(sme(companyId), "/api/v1/assessments/" + id + "/scorecard").path("scorecard");
        assertThat(card.path("companyId").asText()).isEqualTo(companyId);
        assertThat(card.path("year").asInt()).isEqualTo(LAST_YEAR);
        assertThat(card.path("overall").decimalValue()).isEqualByComparingTo(full.path("score").path("overall").decimalValue());
        assertThat(card.path("level").asText()).isEqualTo(full.path("score").path("level").asText());
        assertThat(card.path("levelTitle").path("zhHant").asText()).endsWith("級");
        assertThat(card.path("levelRule").path("en").asText()).isEqualTo(full.path("score").path("levelRule").path("en").asText());
        assertThat(card.path("pillars")).extracting(p -> p.path("pillar").asText()).containsExactly("E", "S", "G");
        assertThat(card.path("pillars").get(0).path("title").path("zhHant").asText()).isEqualTo("環境");
        assertThat(card.path("topics")).hasSameSizeAs(full.path("score").path("topics"));
        assertThat(card.path("topics").get(0).path("title").path("en").asText()).isNotBlank()
                .isNotEqualTo(card.path("topics").get(0).path("code").asText());
        assertThat(card.path("carbon").path("totalTonnes").decimalValue())
                .isEqualByComparingTo(full.path("carbon").path("totalTonnes").decimalValue());
        assertThat(card.path("carbon").has("tonnesPerEmployee")).isTrue();
        // nothing of the answers: no question breakdown, no carbon activity lines, no evidence
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(card.has("questions")).isFalse();
        assertThat(card.path("carbon").has("lines")).isFalse();
        assertThat(text).doesNotContain("questionId", "evidence", "kgCo2ePerUnit", "amount");

        share(sme(companyId), Map.of("public", false)).expectStatus().isOk();
        JsonNode hiddenAgain = problem(publicRead(id), 404, "not-found");
        assertThat(hiddenAgain.path("detail").asText()).isEqualTo(hidden.path("detail").asText());
    }

    @Test
    void unknownDraftAndNotSharedAllAnswerTheSame404() {
        String draftCompany = company("draft");
        String draft = start(draftCompany, LAST_YEAR).path("id").asText();
        JsonNode notShared = problem(publicRead(id), 404, "not-found");
        JsonNode ofDraft = problem(publicRead(draft), 404, "not-found");
        JsonNode unknown = problem(publicRead("asm-nothere123"), 404, "not-found");
        JsonNode malformed = problem(publicRead("%E4%B8%AD%E6%96%87"), 404, "not-found");
        assertThat(List.of(ofDraft, unknown, malformed)).allSatisfy(p -> {
            assertThat(p.path("detail").asText()).isEqualTo(notShared.path("detail").asText());
            assertThat(p.path("title").asText()).isEqualTo(notShared.path("title").asText());
        });
    }

    @Test
    void aDraftCannotBeSharedAndSaysWhy() {
        String draftCompany = company("draft");
        String draft = start(draftCompany, LAST_YEAR).path("id").asText();
        JsonNode problem = problem(put(sme(draftCompany), "/api/v1/assessments/" + draft + "/sharing", Map.of("public", true)), 409,
                "assessment-not-submitted");
        assertThat(problem.path("detail").asText()).contains("submitted");
        assertThat(get(sme(draftCompany), "/api/v1/assessments/" + draft + "/sharing").path("public").asBoolean()).isFalse();
        assertThat(get(sme(draftCompany), "/api/v1/assessments/" + draft + "/sharing").path("submitted").asBoolean()).isFalse();
        problem(publicRead(draft), 404, "not-found");
    }

    @Test
    void anotherCompanyCannotShareOrReadTheChoiceAndLearnsNothing() {
        String other = company("other");
        JsonNode foreign = problem(share(sme(other), Map.of("public", true)), 404, "not-found");
        JsonNode unknown = problem(put(sme(other), "/api/v1/assessments/asm-nothere123/sharing", Map.of("public", true)), 404,
                "not-found");
        assertThat(foreign.path("title").asText()).isEqualTo(unknown.path("title").asText());
        problem(web.get().uri("/api/v1/assessments/" + id + "/sharing").headers(h -> h.setBearerAuth(sme(other))).exchange(), 404,
                "not-found");
        problem(web.get().uri("/api/v1/assessments/" + id + "/report").headers(h -> h.setBearerAuth(sme(other))).exchange(), 404,
                "not-found");
        assertThat(shared()).isFalse();
        problem(publicRead(id), 404, "not-found");
    }

    @Test
    void onlyTheCompanysSmeAccountsChooseAdminsAndBuyersDoNot() {
        problem(share(admin(), Map.of("public", true)), 403, "forbidden");
        String buyer = KEYCLOAK.tokenFor("buyer-of-" + companyId, List.of("buyer"), companyId);
        problem(share(buyer, Map.of("public", true)), 403, "forbidden");
        assertThat(shared()).isFalse();
        // an admin may read the choice and the report, as they read the assessment
        assertThat(get(admin(), "/api/v1/assessments/" + id + "/sharing").path("public").asBoolean()).isFalse();
    }

    @Test
    void withoutATokenNothingButThePublicReadIsOpen() {
        web.put().uri("/api/v1/assessments/" + id + "/sharing").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("public", true))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/assessments/" + id + "/sharing").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/assessments/" + id + "/report").exchange().expectStatus().isUnauthorized();
        web.put().uri("/api/v1/assessments/" + id + "/sharing").headers(h -> h.setBearerAuth("not.a.token"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("public", true)).exchange().expectStatus().isUnauthorized();
        assertThat(shared()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"public\": \"yes\"}", "{\"public\": 1}", "{\"public\": null}", "{}", "[true]", "true",
            "{\"public\": \"true\"}", "{\"shared\": true}"})
    void aChoiceThatIsNotPlainlyTrueOrFalseIs400(String body) {
        problem(web.put().uri("/api/v1/assessments/" + id + "/sharing").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400, "validation");
        assertThat(shared()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"public\": tru", "not json", ""})
    void malformedBodiesAre400(String body) {
        JsonNode problem = problem(web.put().uri("/api/v1/assessments/" + id + "/sharing").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400, "malformed-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(shared()).isFalse();
    }

    @Test
    void anOversizedBodyIs413AndOddIdsAre404() {
        String big = "{\"public\": true, \"padding\": \"" + "x".repeat(300 * 1024) + "\"}";
        problem(web.put().uri("/api/v1/assessments/" + id + "/sharing").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange(), 413, "payload-too-large");
        for (String odd : List.of("%E4%B8%AD%E6%96%87", "asm-%E2%80%AEevil", "ASM-UPPER", "x".repeat(200))) {
            problem(web.put().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments/" + odd + "/sharing"))
                    .headers(h -> h.setBearerAuth(sme(companyId))).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"public\": true}").exchange(), 404, "not-found");
        }
        assertThat(shared()).isFalse();
    }

    @Test
    void theCompanysOwnReportHasTheCarbonLinesThePublicOneLeavesOut() {
        JsonNode report = get(sme(companyId), "/api/v1/assessments/" + id + "/report");
        assertThat(report.path("companyId").asText()).isEqualTo(companyId);
        assertThat(report.path("carbon").path("lines").isArray()).isTrue();
        assertThat(report.path("carbon").path("lines")).allSatisfy(line -> {
            assertThat(line.path("activity").path("en").asText()).isNotBlank();
            assertThat(line.path("kgCo2e").isNumber()).isTrue();
        });
        String draftCompany = company("draft");
        String draft = start(draftCompany, LAST_YEAR).path("id").asText();
        problem(web.get().uri("/api/v1/assessments/" + draft + "/report").headers(h -> h.setBearerAuth(sme(draftCompany))).exchange(),
                404, "scorecard-not-ready");
    }
}
