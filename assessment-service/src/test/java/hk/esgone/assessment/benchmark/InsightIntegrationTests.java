package hk.esgone.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The public industry insight, with shares worked by hand (N/A excluded, whole percent half-up) and its minimum of 10. */
class InsightIntegrationTests extends PeerGroupIntegrationTest {

    private JsonNode insights(String query) {
        return JSON.readTree(web.get().uri(raw("/api/v1/assessments/insights?" + query)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private static Map<String, JsonNode> byQuestion(JsonNode insights) {
        Map<String, JsonNode> practices = new LinkedHashMap<>();
        insights.path("practices").forEach(p -> practices.put(p.path("questionId").asText(), p));
        return practices;
    }

    private static Map<String, String> answers(String g04, String g09, String e29, String s13) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("G04", g04);
        answers.put("G09", g09);
        answers.put("E29", e29);
        if (s13 != null) {
            answers.put("S13", s13);
        }
        return answers;
    }

    @Test
    void sharesOfThoseWhoAnsweredWorkedByHand() {
        int year = 2005;
        Peer any = peer("50.0", "50.0", "50.0", "50.0", "1.000");
        // 12 manufacturers: 9 small, 3 micro
        String[] g04 = {"true", "true", "true", "true", "true", "true", "true", "true", "false", "false", "false", NA};
        String[] g09 = {"true", "false", "false", "false", "false", "false", "false", "false", "false", "false", "false", "false"};
        String[] e29 = {"\"TESTED\"", "\"TESTED\"", "\"TESTED\"", "\"TESTED\"", "\"TESTED\"", "\"TESTED\"", "\"PLAN\"", "\"PLAN\"",
            "\"PLAN\"", "\"PLAN\"", "\"NONE\"", "\"NONE\""};
        for (int i = 0; i < 12; i++) {
            submitted(year, "C", i < 9 ? "SMALL" : "MICRO", any, answers(g04[i], g09[i], e29[i], i < 3 ? "true" : null));
        }
        draft(company("draft"), year, "C", "SMALL");

        JsonNode insights = insights("industry=C&year=" + year);

        assertThat(insights.path("enoughPeers").asBoolean()).isTrue();
        Map<String, JsonNode> practices = byQuestion(insights);
        // G04: 8 yes of 11 who answered (one N/A left out) = 72.7 → 73
        assertThat(practices.get("G04").path("percent").asInt()).isEqualTo(73);
        assertThat(practices.get("G04").path("sentence").path("en").asText()).isEqualTo("73% have an anti-corruption policy");
        assertThat(practices.get("G04").path("sentence").path("zhHant").asText()).isEqualTo("73% 設有反貪污政策");
        // G09's top points are for "no": 11 of 12 = 91.7 → 92
        assertThat(practices.get("G09").path("percent").asInt()).isEqualTo(92);
        // a single choice: the top-points answer (TESTED), 6 of 12 = 50
        assertThat(practices.get("E29").path("percent").asInt()).isEqualTo(50);
        // answered by 3 only: not shown; never answered: not shown
        assertThat(practices).doesNotContainKeys("S13", "E01");
        assertThat(insights.path("year").asInt()).isEqualTo(year);
        assertThat(insights.path("questionnaireKey").asText()).isEqualTo("hk-sme");

        // the small ones alone are 9: nothing at all
        JsonNode small = insights("industry=C&size=SMALL&year=" + year);
        assertThat(small.path("enoughPeers").asBoolean()).isFalse();
        assertThat(small.path("practices")).isEmpty();
        assertThat(small.path("notes").get(0).path("en").asText()).startsWith("Not enough peers");
        // another industry: nobody
        assertThat(insights("industry=F&year=" + year).path("enoughPeers").asBoolean()).isFalse();
    }

    @Test
    void roundingHalfUpAtTheLimit() {
        int year = 2006;
        // 16 answered, 10 yes: 62.5 → 63 (half-up)
        Peer any = peer("50.0", "50.0", "50.0", "50.0", "1.000");
        for (int i = 0; i < 16; i++) {
            submitted(year, "I", "SMALL", any, answers(i < 10 ? "true" : "false", "false", "\"NONE\"", null));
        }

        Map<String, JsonNode> practices = byQuestion(insights("industry=I&size=SMALL&year=" + year));

        assertThat(practices.get("G04").path("percent").asInt()).isEqualTo(63);
        assertThat(practices.get("E29").path("percent").asInt()).isZero();
        assertThat(practices.get("E29").path("sentence").path("en").asText()).isEqualTo("0% have a tested severe-weather continuity plan");
    }

    @Test
    void badParametersAre400Problems() {
        for (String query : new String[] {"", "industry=", "industry=ZZ", "industry=%E2%80%AE", "industry=C&size=HUGE",
            "industry=C&year=abc", "industry=C&year=1999", "industry=C&year=99999999999", "industry=C&year=3000"}) {
            JsonNode problem = problem(web.get().uri(raw("/api/v1/assessments/insights?" + query)).exchange(), 400, "validation");
            assertThat(problem.path("errors")).as(query).isNotEmpty();
        }
    }

    @Test
    void publicWithoutAToken() {
        JsonNode insights = insights("industry=K");
        assertThat(insights.path("enoughPeers").asBoolean()).isFalse();
        assertThat(insights.path("year").asInt()).isEqualTo(java.time.Year.now().getValue() - 1);
    }
}
