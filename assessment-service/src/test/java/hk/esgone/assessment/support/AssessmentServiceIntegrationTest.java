package hk.esgone.assessment.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole assessment service on a random loopback port, against the shared test MongoDB (through the real reactive
 * driver) and a fake Keycloak. All subclasses share one application context, so each test uses its own company ids
 * instead of a fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AssessmentServiceIntegrationTest {

    protected static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();
    protected static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    protected static final String PROBLEM = "https://esg-one.hk/problems/";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", KEYCLOAK::issuer);
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("assessment-integration"));
        registry.add("spring.mongodb.database", () -> "assessment-integration");
        registry.add("server.address", () -> "127.0.0.1");
        // no periodic badge job calling a badge-service on the default address: BadgeIssuingIntegrationTests runs it itself
        registry.add("esg.assessment.badges.enabled", () -> "false");
    }

    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void unpooledClient() {
        if (web == null) {
            web = TestWebClients.unpooled(port);
        }
    }

    protected static String admin() {
        return KEYCLOAK.tokenFor("admin-user", List.of("admin"));
    }

    protected static String sme(String companyId) {
        return KEYCLOAK.tokenFor("sme-of-" + companyId, List.of("sme"), companyId);
    }

    /** A company id unique to one test, so tests sharing the database do not see each other's assessments. */
    protected static String company(String name) {
        return "cmp-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static Map<String, Object> startBody(String companyId, int year) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", companyId);
        body.put("year", year);
        body.put("industry", "C");
        body.put("sizeBand", "SMALL");
        return body;
    }

    /** Starts a draft for the company (manufacturing, small) and returns its view. */
    protected JsonNode start(String companyId, int year) {
        return JSON.readTree(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(companyId)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(startBody(companyId, year))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
    }

    protected JsonNode get(String token, String path) {
        return JSON.readTree(web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    protected WebTestClient.ResponseSpec put(String token, String path, Object body) {
        return web.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    protected static Map<String, Object> answer(Object value, long baseRevision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        body.put("baseRevision", baseRevision);
        return body;
    }

    /** The body of a problem answer, after checking its status, media type and kind. */
    protected static JsonNode problem(WebTestClient.ResponseSpec response, int status, String kind) {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        JsonNode problem = JSON.readTree(body);
        org.assertj.core.api.Assertions.assertThat(problem.path("type").asText()).isEqualTo(PROBLEM + kind);
        org.assertj.core.api.Assertions.assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Exception").doesNotContain("at hk.esgone");
        return problem;
    }

    /** A question of the questionnaire as the public endpoint describes it. */
    protected record QuestionInfo(String id, String type, String unit, List<String> options, boolean evidenceAllowed) {
    }

    /** The questions that apply to a manufacturing (C), small company, from the public questionnaire endpoint. */
    protected List<QuestionInfo> applicableQuestions() {
        JsonNode questionnaire = JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire?industry=C&size=SMALL")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        List<QuestionInfo> questions = new java.util.ArrayList<>();
        questionnaire.findValues("questions").forEach(list -> list.forEach(q -> {
            List<String> options = new java.util.ArrayList<>();
            q.path("choices").forEach(o -> options.add(o.isObject() ? o.path("code").asText() : o.asText()));
            q.path("options").forEach(o -> options.add(o.isObject() ? o.path("code").asText() : o.asText()));
            questions.add(new QuestionInfo(q.path("id").asText(), q.path("type").asText(),
                    q.path("unit").isString() ? q.path("unit").asText() : null, options, q.path("evidenceAllowed").asBoolean()));
        }));
        return questions;
    }

    /** A value the question accepts. */
    protected static Object validValue(QuestionInfo q) {
        return switch (q.type()) {
            case "YES_NO" -> true;
            case "NUMBER" -> 1200;
            case "PERCENTAGE" -> 40;
            case "SINGLE_CHOICE" -> q.options().get(0);
            case "MULTIPLE_CHOICE" -> List.of(q.options().get(0));
            default -> "We recycle paper and review suppliers every year.";
        };
    }

    /** A body that answers the question acceptably, from {@code baseRevision}. */
    protected static Map<String, Object> validAnswer(QuestionInfo q, long baseRevision) {
        Map<String, Object> body = answer(validValue(q), baseRevision);
        if (q.unit() != null) {
            body.put("unit", q.unit());
        }
        return body;
    }

    /** A number answer in the question's own unit. */
    protected static Map<String, Object> numberAnswer(QuestionInfo q, Object value, long baseRevision) {
        Map<String, Object> body = answer(value, baseRevision);
        body.put("unit", q.unit());
        return body;
    }

    /** Answers every applicable question of a draft (from revision 0). */
    protected void answerAll(String companyId, String assessmentId) {
        for (QuestionInfo q : applicableQuestions()) {
            put(sme(companyId), "/api/v1/assessments/" + assessmentId + "/answers/" + q.id(), validAnswer(q, 0))
                    .expectStatus().isOk();
        }
    }
}
