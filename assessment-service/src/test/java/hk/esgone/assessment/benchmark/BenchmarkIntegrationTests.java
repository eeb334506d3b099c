package hk.esgone.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The peer benchmark through its endpoint against the embedded MongoDB: hand-worked percentiles in both peer groups,
 * nothing at all below 10 companies, carbon intensity with its own group, and who may read it.
 */
class BenchmarkIntegrationTests extends PeerGroupIntegrationTest {

    private static Map<String, String> percentiles(JsonNode group) {
        Map<String, String> byFigure = new java.util.LinkedHashMap<>();
        group.path("figures").forEach(f -> byFigure.put(f.path("figure").asText(), f.path("percentile").decimalValue().toPlainString()));
        return byFigure;
    }

    @Test
    void nineCompaniesShowNoFigureAndNotTheirNumber() {
        int year = 2001;
        String me = company("nine");
        String mine = submitted(me, year, "C", "SMALL", peer("70.0", "60.0", "50.0", "40.0", "2.000"), Map.of(), null);
        for (int i = 0; i < 8; i++) {
            submitted(year, "C", "SMALL", peer("50.0", "50.0", "50.0", "50.0", "1.000"), Map.of());
        }

        JsonNode benchmark = benchmark(sme(me), mine);

        assertThat(benchmark.path("minimumPeers").asInt()).isEqualTo(10);
        for (String scope : List.of("INDUSTRY", "INDUSTRY_AND_SIZE")) {
            JsonNode group = group(benchmark, scope);
            assertThat(group.path("enoughPeers").asBoolean()).isFalse();
            assertThat(group.path("figures")).isEmpty();
            assertThat(group.path("notes").get(0).path("en").asText()).startsWith("Not enough peers");
            assertThat(group.path("notes").get(0).path("zhHant").asText()).contains("同業數目不足");
            List<String> fields = new ArrayList<>();
            group.propertyNames().forEach(fields::add);
            assertThat(fields).as("no count of any kind").containsExactlyInAnyOrder("scope", "industry", "sizeBand", "enoughPeers",
                    "figures", "notes");
        }
    }

    @Test
    void tenCompaniesShowPercentilesWorkedByHand() {
        int year = 2002;
        String me = company("ten");
        // ours: overall 70.0 (one other at 70.0), E level with everybody, S the best, G the worst, intensity 2.000 t
        String mine = submitted(me, year, "C", "SMALL", peer("70.0", "55.5", "99.9", "0.0", "2.000"), Map.of(), null);
        String[] overall = {"70.0", "60.0", "60.0", "50.0", "40.0", "30.0", "20.0", "80.0", "90.0"};
        for (int i = 0; i < 9; i++) {
            submitted(year, "C", "SMALL", peer(overall[i], "55.5", "50." + i, "10.0", (i + 1) + ".000"), Map.of());
        }
        // a medium-sized peer joins the industry group only; a draft joins none
        submitted(year, "C", "MEDIUM", peer("100.0", "100.0", "100.0", "100.0", "0.500"), Map.of());
        draft(company("draft"), year, "C", "SMALL");
        // another industry and another year are other groups
        submitted(year, "F", "SMALL", peer("10.0", "10.0", "10.0", "10.0", "9.000"), Map.of());
        submitted(year + 1, "C", "SMALL", peer("10.0", "10.0", "10.0", "10.0", "9.000"), Map.of());

        JsonNode benchmark = benchmark(sme(me), mine);

        // size group of 10: overall (6 below + 2/2) / 10 = 70.0; E (0 + 10/2) = 50.0; S (9 + 0.5) = 95.0; G (0 + 0.5) = 5.0;
        // intensity 2.000 among 1..9: 7 higher + 2 equal / 2 = 80.0
        JsonNode sized = group(benchmark, "INDUSTRY_AND_SIZE");
        assertThat(sized.path("enoughPeers").asBoolean()).isTrue();
        assertThat(percentiles(sized)).containsExactly(Map.entry("E", "50.0"), Map.entry("S", "95.0"), Map.entry("G", "5.0"),
                Map.entry("OVERALL", "70.0"), Map.entry("CARBON_INTENSITY", "80.0"));
        // industry group of 11: overall 7 / 11 = 63.6; E 5.5 / 11 = 50.0; S 9.5 / 11 = 86.4; G 0.5 / 11 = 4.5; intensity 8 / 11 = 72.7
        JsonNode industry = group(benchmark, "INDUSTRY");
        assertThat(percentiles(industry)).containsExactly(Map.entry("E", "45.5"), Map.entry("S", "86.4"), Map.entry("G", "4.5"),
                Map.entry("OVERALL", "63.6"), Map.entry("CARBON_INTENSITY", "72.7"));
        JsonNode intensity = industry.path("figures").get(4);
        assertThat(intensity.path("lowerIsBetter").asBoolean()).isTrue();
        assertThat(intensity.path("value").decimalValue()).isEqualByComparingTo("2.000");
    }

    @Test
    void carbonIntensityNeedsTenPeersWithAFigurePerEmployee() {
        int year = 2003;
        String me = company("intensity");
        String mine = submitted(me, year, "C", "SMALL", peer("50.0", "50.0", "50.0", "50.0", "2.000"), Map.of(), null);
        for (int i = 0; i < 9; i++) {
            submitted(year, "C", "SMALL", peer("50.0", "50.0", "50.0", "50.0", i < 5 ? "1.000" : "null"), Map.of());
        }

        JsonNode sized = group(benchmark(sme(me), mine), "INDUSTRY_AND_SIZE");

        assertThat(percentiles(sized)).containsOnlyKeys("E", "S", "G", "OVERALL").containsEntry("OVERALL", "50.0");
        assertThat(sized.path("notes").get(0).path("en").asText()).startsWith("Carbon intensity");
    }

    @Test
    void aSubmissionThroughTheApiStoresTheFiguresPeersAreCountedOn() {
        int year = 2004;
        String me = company("real");
        String id = JSON.readTree(web.post().uri("/api/v1/assessments").headers(h -> h.setBearerAuth(sme(me)))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("companyId", me, "year", year, "industry", "C", "sizeBand", "SMALL"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).path("id").asText();
        answerAll(me, id);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(me))).exchange()
                .expectStatus().isOk();
        for (int i = 0; i < 9; i++) {
            submitted(year, "C", "SMALL", peer("0.0", "0.0", "0.0", "0.0", "99.000"), Map.of());
        }

        JsonNode benchmark = benchmark(sme(me), id);
        JsonNode scorecard = get(sme(me), "/api/v1/assessments/" + id + "/scorecard").path("scorecard");

        // every peer scored 0: ours is above all 9 of them on the overall (a positive score) → (9 + 0.5) / 10
        assertThat(scorecard.path("score").path("overall").decimalValue()).isPositive();
        JsonNode overall = group(benchmark, "INDUSTRY_AND_SIZE").path("figures").get(3);
        assertThat(overall.path("figure").asText()).isEqualTo("OVERALL");
        assertThat(overall.path("value").decimalValue()).isEqualByComparingTo(scorecard.path("score").path("overall").decimalValue());
        assertThat(overall.path("percentile").decimalValue()).isEqualByComparingTo("95.0");
    }

    @Autowired
    private PeerFiguresBackfill backfill;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Test
    void anAssessmentSubmittedBeforePeerFiguresExistedJoinsItsGroupsAtStartUp() {
        int year = 2009;
        String me = company("later");
        String mine = submitted(me, year, "C", "SMALL", peer("50.0", "50.0", "50.0", "50.0", "1.000"), Map.of(), null);
        for (int i = 0; i < 8; i++) {
            submitted(year, "C", "SMALL", peer("50.0", "50.0", "50.0", "50.0", "1.000"), Map.of());
        }
        // as stored before this version: submitted with its scorecard, no peer figures
        mongo.insert(new Document("_id", "asm-old" + UUID.randomUUID().toString().substring(0, 8)).append("companyId", company("old"))
                .append("year", year).append("industry", "C").append("sizeBand", "SMALL").append("questionnaireKey", "hk-sme")
                .append("questionnaireVersion", 1).append("status", "SUBMITTED").append("answers", new Document())
                .append("answersVersion", 1L).append("scorecardJson", """
                        {"score":{"overall":10.0,"pillars":[{"pillar":"E","score":10.0},{"pillar":"S","score":10.0},
                         {"pillar":"G","score":10.0}]},"carbon":{"tonnesPerEmployee":5.000}}"""), "assessments")
                .block(Duration.ofSeconds(10));
        assertThat(group(benchmark(sme(me), mine), "INDUSTRY_AND_SIZE").path("enoughPeers").asBoolean()).as("9 counted").isFalse();

        backfill.indexesAndBackfill().block(Duration.ofSeconds(30));
        backfill.indexesAndBackfill().block(Duration.ofSeconds(30));

        // 10 now: the old one scored lower on everything → ours (1 below + 9 equal / 2) / 10 = 55.0
        assertThat(percentiles(group(benchmark(sme(me), mine), "INDUSTRY_AND_SIZE"))).containsEntry("OVERALL", "55.0")
                .containsEntry("CARBON_INTENSITY", "55.0");
    }

    @Test
    void onlyTheCompanysPeopleAndAdminsSeeIt() {
        String me = company("owner");
        String mine = submitted(me, 2001, "G", "SMALL", peer("50.0", "50.0", "50.0", "50.0", "1.000"), Map.of(), null);
        String other = company("other");

        assertThat(benchmark(sme(me), mine).path("assessmentId").asText()).isEqualTo(mine);
        assertThat(benchmark(admin(), mine).path("companyId").asText()).isEqualTo(me);
        problem(web.get().uri("/api/v1/assessments/" + mine + "/benchmark").headers(h -> h.setBearerAuth(sme(other))).exchange(),
                404, "not-found");
        web.get().uri("/api/v1/assessments/" + mine + "/benchmark").exchange().expectStatus().isUnauthorized();
        String expired = KEYCLOAK.token().subject("sme-of-" + me).roles(List.of("sme")).organizations(me)
                .expiresAt(java.time.Instant.now().minusSeconds(3600)).sign();
        web.get().uri("/api/v1/assessments/" + mine + "/benchmark").headers(h -> h.setBearerAuth(expired)).exchange().expectStatus()
                .isUnauthorized();
    }

    @Test
    void aDraftOrAnUnknownIdIsNotFound() {
        String me = company("drafty");
        String draft = draft(me, 2001, "C", "SMALL");

        assertThat(problem(web.get().uri("/api/v1/assessments/" + draft + "/benchmark").headers(h -> h.setBearerAuth(sme(me)))
                .exchange(), 404, "benchmark-not-ready").path("detail").asText()).contains("draft");
        for (String bad : List.of("asm-doesnotexist", "not-an-id", "asm-%E2%80%AEevil", "x".repeat(300))) {
            problem(web.get().uri(raw("/api/v1/assessments/" + bad + "/benchmark")).headers(h -> h.setBearerAuth(sme(me)))
                    .exchange(), 404, "not-found");
        }
    }
}
