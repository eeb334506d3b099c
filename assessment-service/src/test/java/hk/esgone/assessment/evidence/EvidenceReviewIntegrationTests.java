package hk.esgone.assessment.evidence;

import static hk.esgone.assessment.evidence.EvidenceUploads.pdf;
import static hk.esgone.assessment.evidence.EvidenceUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.reactivestreams.client.MongoClient;

import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.events.ScorecardEvent;
import hk.esgone.assessment.events.ScorecardFeed;
import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import hk.esgone.assessment.support.OwnDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The admin's evidence review and the re-scoring an acceptance causes, through the whole service. Its own database: a
 * re-score moves the assessment to a new place on the event feed, and the hole it leaves right after a submission holds
 * feed readers back for the feed's gap grace (10 s), which EventFeedIntegrationTests, reading the shared one, must not see.
 */
@Import(EvidenceReviewIntegrationTests.Beans.class)
class EvidenceReviewIntegrationTests extends AssessmentServiceIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        ReactiveMongoDatabaseFactory ownDatabase(MongoClient client) {
            return OwnDatabase.named(client, "assessment-evidence-review");
        }
    }

    private static final int LAST_YEAR = Year.now().getValue() - 1;
    private static final String LIST = "/api/v1/assessments/admin/evidence";

    @Autowired
    AssessmentStore store;

    @Autowired
    ScorecardFeed feed;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EvidenceCountsBackfill backfill;

    /**
     * A submitted assessment of a small manufacturer (C) with every question answered as {@link #answerAll} does, then
     * the answers in {@code changed} saved again, and an uploaded PDF attached to each question in {@code withEvidence}.
     */
    String submitted(String companyId, List<String> withEvidence, Map<String, Object> changed) {
        String id = draftWithEvidence(companyId, withEvidence, changed);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(companyId))).exchange()
                .expectStatus().isOk();
        return id;
    }

    String draftWithEvidence(String companyId, List<String> withEvidence, Map<String, Object> changed) {
        String id = start(companyId, LAST_YEAR).path("id").asText();
        answerAll(companyId, id);
        Map<String, Map<String, Object>> again = new LinkedHashMap<>();
        changed.forEach((questionId, value) -> again.computeIfAbsent(questionId, q -> answer(value, 1)));
        for (String questionId : withEvidence) {
            JsonNode file = JSON.readTree(upload(web, sme(companyId), id, questionId + " policy.pdf", pdf(questionId + " " + id))
                    .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
            again.computeIfAbsent(questionId, q -> answer(true, 1)).put("evidence", Map.of("sha256", file.path("sha256").asText(),
                    "fileName", file.path("fileName").asText(), "size", file.path("size").asLong(),
                    "contentType", file.path("contentType").asText()));
        }
        again.forEach((questionId, body) -> put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + questionId, body)
                .expectStatus().isOk());
        return id;
    }

    private WebTestClient.ResponseSpec decide(String token, String assessmentId, String questionId, Object body) {
        return web.post().uri(LIST + "/" + assessmentId + "/" + questionId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode decided(String assessmentId, String questionId, Object body) {
        return JSON.readTree(decide(admin(), assessmentId, questionId, body).expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());
    }

    /** Every item of the list with this status, page by page ({@code limit} each), in the order given. */
    private List<JsonNode> all(String status, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            String query = "?status=" + status + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode body = get(admin(), LIST + query);
            body.path("items").forEach(items::add);
            if (body.path("nextCursor").isNull() || body.path("nextCursor").isMissingNode()) {
                return items;
            }
            cursor = body.path("nextCursor").asText();
        }
        throw new AssertionError("the list did not end");
    }

    private static List<JsonNode> of(List<JsonNode> items, String assessmentId) {
        return items.stream().filter(i -> i.path("assessmentId").asText().equals(assessmentId)).toList();
    }

    private JsonNode score(String companyId, String id) {
        return get(sme(companyId), "/api/v1/assessments/" + id + "/scorecard");
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, "assessments").block(Duration.ofSeconds(10));
    }

    @Test
    void acceptingCappedEvidenceReScoresTheAssessmentAndRejectingKeepsTheCap() {
        assertThat(mongo.getMongoDatabase().block(Duration.ofSeconds(10)).getName()).isEqualTo("assessment-evidence-review");
        String companyId = company("review");
        String id = submitted(companyId, List.of("G04", "G07"), Map.of());

        // the company sees both pending; the admin's list has both, oldest submission first, in question order
        JsonNode read = get(sme(companyId), "/api/v1/assessments/" + id);
        assertThat(find(read.path("answers"), "questionId", "G04").path("evidenceReview").path("status").asText()).isEqualTo("PENDING");
        List<JsonNode> pending = of(all("PENDING", 2), id);
        assertThat(pending).extracting(i -> i.path("questionId").asText()).containsExactly("G04", "G07");
        JsonNode item = pending.get(0);
        assertThat(item.path("companyId").asText()).isEqualTo(companyId);
        assertThat(item.path("year").asInt()).isEqualTo(LAST_YEAR);
        assertThat(item.path("question").path("en").asText()).isNotBlank();
        assertThat(item.path("question").path("zhHant").asText()).isNotBlank();
        assertThat(item.path("topic").path("en").asText()).isNotBlank();
        assertThat(item.path("evidence").path("fileName").asText()).isEqualTo("G04 policy.pdf");
        assertThat(item.path("pointsNow").decimalValue()).isEqualByComparingTo("2");
        assertThat(item.path("pointsIfAccepted").decimalValue()).isEqualByComparingTo("4");

        JsonNode before = score(companyId, id);
        assertThat(before.path("scoreRevision").asInt()).isEqualTo(1);
        long mark = store.nextFeedSeq().block(Duration.ofSeconds(10)); // the feed's end before the decision

        JsonNode accepted = decided(id, "G04", Map.of("decision", "ACCEPT"));
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("reviewedBy").asText()).isEqualTo("admin-user");
        assertThat(accepted.path("pointsNow").decimalValue()).isEqualByComparingTo("4");

        /*
         * Worked by hand (industry C: pillar weights E 0.45, S 0.30, G 0.25; topic weight G-ETHICS 1.5, G-PRIVACY 1;
         * G-PROFILE has no scored question and is left out of G). answerAll answers "yes" everywhere, so:
         *   G04 "yes" earns 4 but is capped at 2 while its evidence is unchecked; after ACCEPT it earns 4.
         *   G-ETHICS (9 questions × 4 = 36 possible): earned 20 → 22; 20/36 = 55.56 % → 22/36 = 61.11 %.
         *   G-PRIVACY 10/16 = 62.5 % (G13 capped, no evidence: unchanged).
         *   G = (55.556 × 1.5 + 62.5 × 1) / 2.5 = 58.333 → 58.3;  after (61.111 × 1.5 + 62.5) / 2.5 = 61.667 → 61.7.
         *   E = 80.952 (81.0), S = 88.119 (88.1), unchanged.
         *   overall = 0.45 × 80.952 + 0.30 × 88.119 + 0.25 × 58.333 = 77.448 → 77.4
         *          → 0.45 × 80.952 + 0.30 × 88.119 + 0.25 × 61.667 = 78.281 → 78.3; level GOLD both times (G ≥ 55).
         */
        JsonNode after = score(companyId, id);
        assertThat(after.path("scoreRevision").asInt()).isEqualTo(2);
        JsonNode was = before.path("scorecard").path("score");
        JsonNode now = after.path("scorecard").path("score");
        assertThat(find(was.path("questions"), "questionId", "G04").path("outcome").asText()).isEqualTo("CAPPED");
        assertThat(find(was.path("questions"), "questionId", "G04").path("points").decimalValue()).isEqualByComparingTo("2");
        assertThat(find(now.path("questions"), "questionId", "G04").path("outcome").asText()).isEqualTo("SCORED");
        assertThat(find(now.path("questions"), "questionId", "G04").path("points").decimalValue()).isEqualByComparingTo("4");
        assertThat(find(was.path("topics"), "code", "G-ETHICS").path("earned").decimalValue()).isEqualByComparingTo("20");
        assertThat(find(was.path("topics"), "code", "G-ETHICS").path("score").decimalValue()).isEqualByComparingTo("55.6");
        assertThat(find(now.path("topics"), "code", "G-ETHICS").path("earned").decimalValue()).isEqualByComparingTo("22");
        assertThat(find(now.path("topics"), "code", "G-ETHICS").path("score").decimalValue()).isEqualByComparingTo("61.1");
        assertThat(find(was.path("pillars"), "pillar", "G").path("score").decimalValue()).isEqualByComparingTo("58.3");
        assertThat(find(now.path("pillars"), "pillar", "G").path("score").decimalValue()).isEqualByComparingTo("61.7");
        assertThat(find(now.path("pillars"), "pillar", "E").path("score").decimalValue()).isEqualByComparingTo("81.0");
        assertThat(find(now.path("pillars"), "pillar", "S").path("score").decimalValue()).isEqualByComparingTo("88.1");
        assertThat(was.path("overall").decimalValue()).isEqualByComparingTo("77.4");
        assertThat(now.path("overall").decimalValue()).isEqualByComparingTo("78.3");
        assertThat(now.path("level").asText()).isEqualTo("GOLD");
        assertThat(find(now.path("questions"), "questionId", "G07").path("outcome").asText()).isEqualTo("CAPPED");
        assertThat(after.path("scorecard").path("carbon")).isEqualTo(before.path("scorecard").path("carbon"));

        // a new event on the feed, with its own id and the new revision
        List<ScorecardEvent> events = feed.read(mark, 100).block(Duration.ofSeconds(10)).events().stream()
                .filter(e -> e.scorecard().assessmentId().equals(id)).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).eventId()).isEqualTo("evt-" + id + "-r2");
        assertThat(events.get(0).scorecard().scoreRevision()).isEqualTo(2);
        assertThat(events.get(0).scorecard().governance()).isEqualByComparingTo("61.7");
        assertThat(events.get(0).scorecard().overall()).isEqualByComparingTo("78.3");
        // the peer figures (whole tenths) follow the new scorecard
        Document peer = stored(id).get("peer", Document.class);
        assertThat(((Number) peer.get("overall")).longValue()).isEqualTo(783);
        assertThat(((Number) peer.get("g")).longValue()).isEqualTo(617);

        // a decision is final
        problem(decide(admin(), id, "G04", Map.of("decision", "REJECT", "note", "Second thoughts.")), 409, "already-reviewed");

        // a rejection needs a note, keeps the cap and changes no score
        JsonNode noNote = problem(decide(admin(), id, "G07", Map.of("decision", "REJECT")), 422, "validation");
        assertThat(noNote.path("errors").get(0).path("field").asText()).isEqualTo("note");
        problem(decide(admin(), id, "G07", Map.of("decision", "REJECT", "note", "   ")), 422, "validation");
        JsonNode rejected = decided(id, "G07", Map.of("decision", "REJECT", "note", "The policy is unsigned. 政策未經簽署。"));
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("pointsNow").decimalValue()).isEqualByComparingTo("2");
        assertThat(rejected.path("pointsIfAccepted").decimalValue()).isEqualByComparingTo("4");
        assertThat(score(companyId, id).path("scoreRevision").asInt()).isEqualTo(2);
        assertThat(score(companyId, id).path("scorecard")).isEqualTo(after.path("scorecard"));

        JsonNode g07 = find(get(sme(companyId), "/api/v1/assessments/" + id).path("answers"), "questionId", "G07");
        assertThat(g07.path("evidenceReview").path("status").asText()).isEqualTo("REJECTED");
        assertThat(g07.path("evidenceReview").path("note").asText()).isEqualTo("The policy is unsigned. 政策未經簽署。");
        assertThat(g07.path("evidenceReview").path("reviewedAt").asText()).isNotBlank();
        assertThat(of(all("PENDING", 100), id)).isEmpty();
        assertThat(of(all("ACCEPTED", 100), id)).extracting(i -> i.path("questionId").asText()).containsExactly("G04");
        assertThat(of(all("REJECTED", 100), id)).extracting(i -> i.path("questionId").asText()).containsExactly("G07");
    }

    @Test
    void acceptingEvidenceThatIsNotCappedMakesNoNewRevision() {
        // G04 "no" earns 0: below the cap, so accepting its evidence changes no points
        String companyId = company("review-uncapped");
        String id = submitted(companyId, List.of("G04"), Map.of("G04", false));
        long mark = store.nextFeedSeq().block(Duration.ofSeconds(10));
        JsonNode accepted = decided(id, "G04", Map.of("decision", "ACCEPT", "note", "Checked."));
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("note").asText()).isEqualTo("Checked.");
        assertThat(score(companyId, id).path("scoreRevision").asInt()).isEqualTo(1);
        assertThat(feed.read(mark, 100).block(Duration.ofSeconds(10)).events())
                .noneMatch(e -> e.scorecard().assessmentId().equals(id));
    }

    @Test
    void onlyAdminsReviewAndBadInputIsAClearProblem() {
        String companyId = company("review-rules");
        String id = submitted(companyId, List.of("G04"), Map.of());
        String draft = draftWithEvidence(company("review-draft"), List.of("G04"), Map.of());

        for (String token : List.of(sme(companyId), KEYCLOAK.tokenFor("buyer-x", List.of("buyer"), companyId))) {
            problem(web.get().uri(LIST).headers(h -> h.setBearerAuth(token)).exchange(), 403, "forbidden");
            problem(decide(token, id, "G04", Map.of("decision", "ACCEPT")), 403, "forbidden");
        }
        web.get().uri(LIST).exchange().expectStatus().isUnauthorized();

        problem(decide(admin(), "asm-doesnotexist", "G04", Map.of("decision", "ACCEPT")), 404, "not-found");
        problem(decide(admin(), draft, "G04", Map.of("decision", "ACCEPT")), 404, "not-found");
        problem(decide(admin(), id, "G05", Map.of("decision", "ACCEPT")), 404, "not-found"); // answered, no evidence
        problem(decide(admin(), id, "NOPE", Map.of("decision", "ACCEPT")), 404, "not-found");
        problem(decide(admin(), id, "G04", Map.of("decision", "MAYBE")), 422, "validation");
        problem(decide(admin(), id, "G04", Map.of("note", "no decision")), 422, "validation");
        problem(decide(admin(), id, "G04", Map.of("decision", "REJECT", "note", "x".repeat(501))), 422, "validation");
        problem(decide(admin(), id, "G04", Map.of("decision", "REJECT", "note", "looks fine\u202E")), 422, "validation");
        problem(web.post().uri(LIST + "/" + id + "/G04").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"decision\": ").exchange(), 400, "malformed-request");
        problem(web.get().uri(LIST + "?status=LOST").headers(h -> h.setBearerAuth(admin())).exchange(), 400, "validation");
        problem(web.get().uri(LIST + "?limit=0").headers(h -> h.setBearerAuth(admin())).exchange(), 400, "validation");
        problem(web.get().uri(LIST + "?limit=101").headers(h -> h.setBearerAuth(admin())).exchange(), 400, "validation");
        for (String cursor : List.of("abc", "MTIzfGFzbS14fEcwNA", "%E2%80%AE")) {
            problem(web.get().uri(LIST + "?cursor=" + cursor).headers(h -> h.setBearerAuth(admin())).exchange(), 400, "invalid-cursor");
        }
        // nothing was decided by any of these
        assertThat(find(get(sme(companyId), "/api/v1/assessments/" + id).path("answers"), "questionId", "G04")
                .path("evidenceReview").path("status").asText()).isEqualTo("PENDING");
        assertThat(score(companyId, id).path("scoreRevision").asInt()).isEqualTo(1);
        assertThat(of(all("PENDING", 100), draft)).as("drafts are not reviewed").isEmpty();
    }

    @Test
    void anAssessmentSubmittedBeforeTheReviewExistedIsListedAfterTheStartUpBackfill() {
        String companyId = company("review-earlier");
        String id = submitted(companyId, List.of("G13"), Map.of());
        // as stored before the review existed: no counts
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().unset("evidenceCounts"), "assessments")
                .block(Duration.ofSeconds(10));
        assertThat(of(all("PENDING", 100), id)).isEmpty();

        backfill.indexesAndBackfill().block(Duration.ofSeconds(30));

        assertThat(of(all("PENDING", 100), id)).extracting(i -> i.path("questionId").asText()).containsExactly("G13");
        assertThat(decided(id, "G13", Map.of("decision", "ACCEPT")).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(score(companyId, id).path("scoreRevision").asInt()).isEqualTo(2);
    }
}
