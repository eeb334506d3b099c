package hk.esgone.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The published questionnaire: public reading, admin publishing of new versions, drafts keeping their version. */
class QuestionnaireIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    @Test
    void anyoneReadsTheCurrentQuestionnaireInBothLanguagesAndACompanySeesItsOwnQuestions() {
        JsonNode full = JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(full.path("key").asText()).isNotBlank();
        assertThat(full.path("version").asInt()).isPositive();
        Set<String> allIds = ids(full);
        assertThat(allIds).isNotEmpty();
        assertThat(full.findValues("en")).isNotEmpty();
        assertThat(full.findValues("zhHant")).isNotEmpty();

        Set<String> narrowed = new HashSet<>();
        applicableQuestions().forEach(q -> narrowed.add(q.id()));
        assertThat(allIds).containsAll(narrowed);
        assertThat(narrowed).isNotEmpty();
        assertThat(narrowed.size()).as("some questions are for other industries").isLessThan(allIds.size());
    }

    @Test
    void aQuestionForAnotherIndustryCannotBeAnswered() {
        Set<String> all = ids(JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()));
        Set<String> mine = new HashSet<>();
        applicableQuestions().forEach(q -> mine.add(q.id()));
        String other = all.stream().filter(id -> !mine.contains(id)).sorted().findFirst().orElseThrow();
        String companyId = company("other-industry");
        String id = start(companyId, LAST_YEAR).path("id").asText();

        problem(put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + other, answer(true, 0)), 422,
                "question-not-applicable");
        assertThat(get(sme(companyId), "/api/v1/assessments/" + id).path("answers")).isEmpty();
    }

    @Test
    void onlyAdminsListAndPublishVersions() {
        String company = company("not-admin");
        problem(web.get().uri("/api/v1/assessments/questionnaires").headers(h -> h.setBearerAuth(sme(company))).exchange(), 403,
                "forbidden");
        problem(web.post().uri("/api/v1/assessments/questionnaires").headers(h -> h.setBearerAuth(sme(company)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(seed().toString()).exchange(), 403, "forbidden");

        JsonNode versions = get(admin(), "/api/v1/assessments/questionnaires");
        assertThat(versions.path("items")).isNotEmpty();
        assertThat(versions.path("items").valueStream().filter(v -> v.path("current").asBoolean()).count()).isEqualTo(1);
    }

    @Test
    void aQuestionnaireTheLoaderRefusesOrThatIsNotNewerIsNotPublished() {
        int before = get(admin(), "/api/v1/assessments/questionnaires").path("items").size();

        problem(publish("{\"key\": \"hk-sme\", \"version\": 99, \"sections\": \"none\"}"), 422, "invalid-questionnaire");
        problem(publish("{not json"), 422, "invalid-questionnaire");
        ObjectNode old = seed();
        old.put("version", 1);
        JsonNode notNewer = problem(publish(old.toString()), 409, "version-not-newer");
        assertThat(notNewer.path("newestVersion").asInt()).isPositive();

        assertThat(get(admin(), "/api/v1/assessments/questionnaires").path("items")).hasSize(before);
    }

    @Test
    void aDraftKeepsItsVersionWhenANewerOneIsPublished() {
        String early = company("early");
        JsonNode draft = start(early, LAST_YEAR);
        int oldVersion = draft.path("questionnaire").path("version").asInt();
        QuestionInfo q = applicableQuestions().get(0);

        // a new version is published with its own scoring rules (none are shipped for it)
        ObjectNode newer = seed();
        newer.put("version", oldVersion + 1);
        problem(publish(newer.toString()), 422, "invalid-questionnaire");
        ObjectNode rules = resource("scoring/hk-sme-v1.json");
        rules.put("version", oldVersion + 1);
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("questionnaire", newer);
        envelope.set("scoring", rules);
        JsonNode published = JSON.readTree(publish(envelope.toString()).expectStatus().isCreated().expectBody().returnResult()
                .getResponseBody());
        assertThat(published.path("version").asInt()).isEqualTo(oldVersion + 1);

        String late = company("late");
        assertThat(start(late, LAST_YEAR).path("questionnaire").path("version").asInt()).isEqualTo(oldVersion + 1);
        assertThat(JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).path("version").asInt()).isEqualTo(oldVersion + 1);

        // the draft's pages ask for its own version, which still reads as it was published
        JsonNode own = JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire?version=" + oldVersion + "&industry=C&size=SMALL")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(own.path("version").asInt()).isEqualTo(oldVersion);
        assertThat(ids(own)).isNotEmpty();

        String id = draft.path("id").asText();
        put(sme(early), "/api/v1/assessments/" + id + "/answers/" + q.id(), validAnswer(q, 0)).expectStatus().isOk();
        JsonNode read = get(sme(early), "/api/v1/assessments/" + id);
        assertThat(read.path("questionnaire").path("version").asInt()).isEqualTo(oldVersion);
        assertThat(read.path("answers")).hasSize(1);
    }

    @Test
    void aVersionNeverPublishedIsNotFoundAndAValueThatIsNoVersionIsRefused() {
        JsonNode unknown = problem(web.get().uri("/api/v1/assessments/questionnaire?version=999999").exchange(), 404, "not-found");
        assertThat(unknown.path("detail").asText()).contains("no published version 999999");
        for (String bad : new String[] {"0", "-1", "1.5", "abc", "1e3", "%EF%BC%91", "1%20", "1234567"}) {
            JsonNode refused = problem(web.get().uri(raw("/api/v1/assessments/questionnaire?version=" + bad)).exchange(), 400,
                    "validation");
            assertThat(refused.path("errors").get(0).path("field").asText()).as(bad).isEqualTo("version");
        }
        assertThat(JSON.readTree(web.get().uri("/api/v1/assessments/questionnaire?version=1").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody()).path("version").asInt()).isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec publish(String body) {
        return web.post().uri("/api/v1/assessments/questionnaires").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** The query sent exactly as written (percent-encoding included). */
    private java.net.URI raw(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    private static Set<String> ids(JsonNode questionnaire) {
        Set<String> ids = new HashSet<>();
        questionnaire.findValues("questions").forEach(list -> list.forEach(q -> ids.add(q.path("id").asText())));
        return ids;
    }

    private static ObjectNode seed() {
        return resource("questionnaires/hk-sme-v1.json");
    }

    private static ObjectNode resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
