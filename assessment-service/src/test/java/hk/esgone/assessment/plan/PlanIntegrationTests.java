package hk.esgone.assessment.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hk.esgone.assessment.benchmark.PeerGroupIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The improvement plan through its endpoint: gap → providers → offers, with the other services up, failing or hanging. */
class PlanIntegrationTests extends PeerGroupIntegrationTest {

    private static final String SCORES = """
            "topics":[{"code":"E-ENERGY","pillar":"E","score":25.0},{"code":"E-WATER","pillar":"E","score":90.0},
              {"code":"G-ETHICS","pillar":"G","score":10.0},{"code":"S-COMMUNITY","pillar":"S","score":null}],
            "questions":[{"questionId":"E13","topic":"E-ENERGY","points":1,"max":4,"outcome":"SCORED"},
              {"questionId":"E10","topic":"E-ENERGY","points":4,"max":4,"outcome":"SCORED"},
              {"questionId":"G04","topic":"G-ETHICS","points":2,"max":4,"outcome":"CAPPED"},
              {"questionId":"G05","topic":"G-ETHICS","points":0,"max":4,"outcome":"SCORED"}]""";

    @BeforeEach
    void partnersUp() {
        PARTNERS.directory = FakePartners.Mode.UP;
        PARTNERS.offers = FakePartners.Mode.UP;
    }

    private String submittedWithScores(String companyId) {
        return submitted(companyId, 2007, "C", "SMALL", peer("40.0", "30.0", "50.0", "40.0", "1.000"), Map.of(), SCORES);
    }

    private JsonNode plan(String token, String id) {
        return get(token, "/api/v1/assessments/" + id + "/plan");
    }

    @Test
    void gapSolutionOfferWeakestFirst() {
        String me = company("plan");
        JsonNode plan = plan(sme(me), submittedWithScores(me));

        assertThat(plan.path("weakTopicBelow").decimalValue()).isEqualByComparingTo(new BigDecimal("60"));
        JsonNode topics = plan.path("topics");
        assertThat(topics).hasSize(2);
        JsonNode ethics = topics.get(0);
        assertThat(ethics.path("topic").asText()).isEqualTo("G-ETHICS");
        assertThat(ethics.path("recommendation").path("zhHant").asText()).contains("廉政公署");
        assertThat(ethics.path("steps").get(0).path("questionId").asText()).isEqualTo("G04");
        assertThat(ethics.path("steps").get(0).path("step").path("en").asText()).startsWith("Attach evidence");
        assertThat(ethics.path("providers").isNull()).as("no green-solution category for governance").isTrue();
        assertThat(ethics.path("offerCategory").asText()).isEqualTo("TRAINING");
        assertThat(ethics.path("offers").path("status").asText()).isEqualTo("AVAILABLE");
        assertThat(ethics.path("offers").path("items").get(0).path("title").path("en").asText()).isEqualTo("HK$500 off for TRAINING");

        JsonNode energy = topics.get(1);
        assertThat(energy.path("topic").asText()).isEqualTo("E-ENERGY");
        assertThat(energy.path("score").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(energy.path("solutionCategory").asText()).isEqualTo("ENERGY_SAVING");
        assertThat(energy.path("providers").path("status").asText()).isEqualTo("AVAILABLE");
        List<String> providers = new ArrayList<>();
        energy.path("providers").path("items").forEach(p -> providers.add(p.path("id").asText()));
        assertThat(providers).containsExactly("cmp-green-one", "cmp-green-two", "cmp-green-three");
        assertThat(energy.path("providers").path("items").get(0).path("name").path("en").asText()).isEqualTo("Green One for ENERGY_SAVING");
        assertThat(energy.path("offers").path("items")).singleElement()
                .satisfies(o -> assertThat(o.path("id").asText()).isEqualTo("off-live"));
        assertThat(energy.path("steps")).singleElement().satisfies(s -> {
            assertThat(s.path("questionId").asText()).isEqualTo("E13");
            assertThat(s.path("question").path("en").asText()).isEqualTo("Which energy-saving measures are in place?");
        });
    }

    @Test
    void aServiceDownLeavesItsPartUnavailableAndThePlanStillAnswers() {
        String me = company("down");
        String id = submittedWithScores(me);
        PARTNERS.offers = FakePartners.Mode.FAILING;
        PARTNERS.directory = FakePartners.Mode.HANGING;

        long started = System.nanoTime();
        JsonNode plan = plan(sme(me), id);

        JsonNode energy = plan.path("topics").get(1);
        assertThat(energy.path("providers").path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(energy.path("providers").path("items")).isEmpty();
        assertThat(energy.path("offers").path("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(energy.path("steps")).isNotEmpty();
        // bounded: the hanging directory is given up on after the 500 ms timeout, not waited for
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(20_000);
    }

    @Test
    void onlyTheCompanysPeopleAndAdminsSeeIt() {
        String me = company("mine");
        String id = submittedWithScores(me);

        assertThat(plan(admin(), id).path("companyId").asText()).isEqualTo(me);
        problem(web.get().uri("/api/v1/assessments/" + id + "/plan").headers(h -> h.setBearerAuth(sme(company("other")))).exchange(),
                404, "not-found");
        web.get().uri("/api/v1/assessments/" + id + "/plan").exchange().expectStatus().isUnauthorized();
        String expired = KEYCLOAK.token().subject("sme-of-" + me).roles(List.of("sme")).organizations(me)
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).sign();
        web.get().uri("/api/v1/assessments/" + id + "/plan").headers(h -> h.setBearerAuth(expired)).exchange().expectStatus()
                .isUnauthorized();
        web.get().uri("/api/v1/assessments/" + id + "/plan").headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aDraftOrABadIdIsNotFound() {
        String me = company("draft");
        String draft = draft(me, 2007, "C", "SMALL");

        problem(web.get().uri("/api/v1/assessments/" + draft + "/plan").headers(h -> h.setBearerAuth(sme(me))).exchange(), 404,
                "plan-not-ready");
        for (String bad : List.of("asm-doesnotexist", "not-an-id", "asm-%E2%80%AEevil", "x".repeat(300))) {
            problem(web.get().uri(raw("/api/v1/assessments/" + bad + "/plan")).headers(h -> h.setBearerAuth(sme(me))).exchange(), 404,
                    "not-found");
        }
    }

    @Test
    void thePlanOfARealSubmissionListsWeakTopicsWeakestFirst() {
        String me = company("real");
        String id = JSON.readTree(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(me)))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("companyId", me, "year", 2008, "industry", "C", "sizeBand", "SMALL"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).path("id").asText();
        answerAll(me, id);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(me))).exchange().expectStatus().isOk();
        JsonNode scorecard = get(sme(me), "/api/v1/assessments/" + id + "/scorecard").path("scorecard").path("score");

        JsonNode plan = plan(sme(me), id);

        List<String> expected = new ArrayList<>();
        List<Map.Entry<String, BigDecimal>> weak = new ArrayList<>();
        scorecard.path("topics").forEach(t -> {
            if (t.path("score").isNumber() && t.path("score").decimalValue().compareTo(new BigDecimal("60")) < 0) {
                weak.add(Map.entry(t.path("code").asText(), t.path("score").decimalValue()));
            }
        });
        weak.sort(Map.Entry.comparingByValue());
        weak.stream().limit(5).forEach(e -> expected.add(e.getKey()));
        List<String> actual = new ArrayList<>();
        plan.path("topics").forEach(t -> actual.add(t.path("topic").asText()));
        assertThat(actual).isEqualTo(expected);
    }
}
