package hk.esgone.web.assessment.web;

import static hk.esgone.web.assessment.web.AssessmentFixtures.BASE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * The results page's peer percentiles and improvement plan (loaded with the page, each on its own: a failure of one
 * is a sentence in its panel, never an error page), the admins' questionnaire versions, and drafts reading the
 * questionnaire version they started on. assessment-service and directory-service are {@link FakeServices}.
 */
class ResultsPanelsIntegrationTests extends SignedInPageTest {

    static final String RESULTS = SITE + "/workspace/assessment/" + DONE + "/results";

    private static void submitted(String benchmark, String plan) {
        SERVICES.json(BASE + "/questionnaire", AssessmentFixtures.QUESTIONNAIRE);
        SERVICES.json(BASE + "/" + DONE + "/scorecard", AssessmentFixtures.SCORECARD);
        SERVICES.json("/api/v1/directory/taxonomies", AssessmentFixtures.TAXONOMIES);
        if (benchmark != null) {
            SERVICES.json(BASE + "/" + DONE + "/benchmark", benchmark);
        }
        if (plan != null) {
            SERVICES.json(BASE + "/" + DONE + "/plan", plan);
        }
    }

    @Test
    void peerPercentilesAreATableWithABarAndASentencePerFigureAndATooSmallGroupSaysSo() {
        submitted(AssessmentFixtures.BENCHMARK, AssessmentFixtures.PLAN);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        Traffic.Answer english = browser.get(RESULTS);
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        String chinese = browser.get(RESULTS).body();

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("How you compare with similar companies", "Companies in your industry: Manufacturing")
                .contains("<th scope=\"row\">Overall score</th>", ">61.4<", ">72.5<", "Better than 72.5% of these companies.")
                .contains("<th scope=\"row\">Social score</th>", "Better than 81.3% of these companies.")
                // carbon intensity: lower is better, said in the row and explained under the table
                .contains("Carbon intensity (t CO₂e per employee)", ">1.419<", "Lower emissions per employee than 64% of these companies.",
                        "fewer tonnes of CO₂e per employee is better")
                .contains("class=\"pct-fill\" x=\"0\" y=\"0\" width=\"72.5\"", "width=\"64.0\"")
                // the industry and size group has fewer than 10: no figure, no size, the reason
                .contains("Companies in your industry and of your size: Manufacturing, Small (10–49 employees)",
                        "Not enough companies of your industry and size yet to compare (at least 10 are needed).")
                .contains("href=\"/insights?industry=C&amp;size=SMALL\"");
        // the overall row comes first, carbon intensity last
        assertThat(english.body().indexOf("Overall score</th>")).isLessThan(english.body().indexOf("Environmental score</th>"));
        assertThat(chinese).contains("與同類公司比較", "同行業公司：製造業", "優於這些公司中的 72.5%。", "每名僱員排放量低於這些公司中的 64%。",
                "同行業及同規模公司數目尚未足夠比較（最少需要 10 間）。");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().endsWith("/benchmark") || c.pathAndQuery().endsWith("/plan"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void anIndustryOfFewerThanTenCompaniesShowsNoFigure() {
        submitted(AssessmentFixtures.BENCHMARK.replaceFirst("\"enoughPeers\":true,\"figures\":\\[[^]]*]", "\"enoughPeers\":false,\"figures\":[]"),
                AssessmentFixtures.PLAN);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        String page = browser.get(RESULTS).body();

        assertThat(page).contains("Not enough companies in your industry yet to compare (at least 10 are needed).")
                .doesNotContain("Better than", "class=\"peer-table\"", "pct-fill");
    }

    @Test
    void thePlanGoesFromGapToSolutionToOfferAndAPartThatCouldNotBeLoadedSaysTryAgain() {
        submitted(AssessmentFixtures.BENCHMARK, AssessmentFixtures.PLAN);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        String english = browser.get(RESULTS).body();
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        String chinese = browser.get(RESULTS).body();

        assertThat(english).contains("Your improvement plan", "The topics where you scored below 60, weakest first")
                .contains("Business ethics", "Governance · score 50.0 / 100", "Adopt a one-page anti-corruption policy",
                        "G05", "2 of 4 points", "Use the ICAC sample code of conduct for SMEs.")
                .contains("Partner offers: Training", "href=\"/offers/off-ethics-course1\"", "Ethics training for SMEs")
                .contains("Emissions", "Environmental · score 58.3 / 100", "3 of 4 points", "evidence not yet checked",
                        "Attach the diesel receipts")
                .contains("Service providers: Carbon accounting", "href=\"/companies/cmp-green-audit\"", "Green Audit Ltd",
                        "href=\"/solutions?solution=CARBON_ACCOUNTING\"")
                .contains("Partner offers: Consulting and certification", "These could not be loaded just now — try again.")
                // an id that is not an offer id is not made into a link
                .doesNotContain("Odd id", "internal");
        assertThat(english.indexOf("Business ethics")).as("weakest first").isLessThan(english.indexOf("Attach the diesel receipts"));
        // no provider part for a topic without a green-solution category
        assertThat(english.split("Service providers:", -1)).hasSize(2);
        assertThat(chinese).contains("貴公司的改善計劃", "商業道德", "管治 · 分數 50.0 / 100", "採用一頁的反貪污政策", "合作夥伴優惠：培訓",
                "服務供應商：碳核算", "綠色審計有限公司", "合作夥伴優惠：顧問及認證", "暫時未能載入，請再試。", "4 分中得 3 分");
    }

    @Test
    void noWeakTopicIsACongratulation() {
        submitted(AssessmentFixtures.BENCHMARK, "{\"assessmentId\":\"asm-done00000001\",\"year\":2025,\"weakTopicBelow\":60,\"topics\":[]}");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        String page = browser.get(RESULTS).body();

        assertThat(page).contains("Well done!", "No topic scored below 60").doesNotContain("Next steps", "Partner offers:");
    }

    @Test
    void theBadgesTheAssessmentEarnedAreLinkedOnceIssuedAndTheirWayOrRefusalIsSaidOtherwise() {
        submitted(AssessmentFixtures.BENCHMARK, AssessmentFixtures.PLAN);
        String assessment = "{\"id\":\"" + DONE + "\",\"year\":2025,\"status\":\"SUBMITTED\",\"answers\":[],\"badges\":%s}";
        SERVICES.json(BASE + "/" + DONE, assessment.formatted("""
                {"state":"ISSUED","issued":[{"kind":"COMPLETION","badgeId":"bdg-abc123def456"},
                 {"kind":"LEVEL","badgeId":"bdg-lvl123def456"},{"kind":"LEVEL","badgeId":"<script>"}],"attempts":1}"""));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        String issued = browser.get(RESULTS).body();
        assertThat(issued).contains("Badges earned", "href=\"/badges/bdg-abc123def456\">ESG One e-Badge</a>",
                "href=\"/badges/bdg-lvl123def456\">ESG One Scorecard — Silver 2025</a>", "href=\"/workspace/badges\"")
                .doesNotContain("/badges/<script>", "/badges/&lt;script");

        SERVICES.json(BASE + "/" + DONE, assessment.formatted("null"));
        assertThat(browser.get(RESULTS).body()).contains("Your badges are being issued").doesNotContain("/badges/bdg-");

        SERVICES.json(BASE + "/" + DONE, assessment.formatted("{\"state\":\"FAILED\",\"issued\":[],\"attempts\":3}"));
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        assertThat(browser.get(RESULTS).body()).contains("獲得的電子徽章", "電子徽章未能自動發出。");

        SERVICES.problem(BASE + "/" + DONE, 503, "unavailable");
        Traffic.Answer down = browser.get(RESULTS);
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.body()).contains("暫時未能載入電子徽章的狀態");
    }

    @Test
    void whenTheBenchmarkAndPlanCannotBeLoadedTheResultsStillShowAndEachPanelSaysSo() {
        submitted(null, null);
        // scored on version 9 (a version no other test reads, so the portal's cache of questionnaires does not hide the call)
        SERVICES.json(BASE + "/" + DONE + "/scorecard", AssessmentFixtures.SCORECARD.replaceFirst("\"version\":1}", "\"version\":9}"));
        SERVICES.problem(BASE + "/" + DONE + "/benchmark", 503, "unavailable");
        SERVICES.answer("GET", BASE + "/" + DONE + "/plan", 500, "<html>stack trace</html>");
        SERVICES.problem("/api/v1/directory/taxonomies", 503, "unavailable");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        Traffic.Answer page = browser.get(RESULTS);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Silver", "61.4", "Carbon footprint")
                .contains("The comparison with similar companies could not be loaded just now — try again.",
                        "The improvement plan could not be loaded just now — try again.",
                        "href=\"/workspace/assessment/" + DONE + "/results\">Try again</a>")
                .contains("Report (PDF, English)", "Share your scorecard")
                .doesNotContain("stack trace", "Better than");
        // the texts come from the version the scorecard was computed on
        assertThat(SERVICES.calls()).extracting(FakeServices.Call::pathAndQuery).contains(BASE + "/questionnaire?version=9");
    }

    @Test
    void anotherCompanysResultsAreTheNotFoundPageAndNoPanelIsAskedFor() {
        SERVICES.problem(BASE + "/" + DONE + "/scorecard", 404, "not-found");
        SERVICES.json(BASE + "/" + DONE + "/benchmark", AssessmentFixtures.BENCHMARK);
        SERVICES.json(BASE + "/" + DONE + "/plan", AssessmentFixtures.PLAN);
        Traffic other = signedIn(TestKeycloak.SME_2, "/workspace/assessment");

        Traffic.Answer page = other.get(RESULTS);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Better than", "Business ethics");
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().endsWith("/benchmark") || c.pathAndQuery().endsWith("/plan"));
    }

    @Test
    void adminsSeeThePublishedVersionsWithTheirQuestionCountsReadOnly() {
        SERVICES.json(BASE + "/questionnaires", AssessmentFixtures.VERSIONS);
        SERVICES.json(BASE + "/questionnaire", "version=12", AssessmentFixtures.QUESTIONNAIRE);
        SERVICES.problem(BASE + "/questionnaire", 503, "unavailable");
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/workspace/admin/questionnaires");

        Traffic.Answer page = admin.get(SITE + "/workspace/admin/questionnaires");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Published questionnaire versions", "<code>hk-sme</code>")
                // version 2: published 02:00 UTC is 10:00 in Hong Kong; 6 questions in it; version 1 could not be read
                .contains("2026-11-20 10:00", "<td class=\"num\">6</td>", "Current", "2026-01-05 09:30", "<td class=\"num\">—</td>",
                        "Earlier version")
                .contains("Publishing a new version stays an API task", "href=\"/insights\"")
                .doesNotContain("action=\"/workspace/admin/questionnaires");
        assertThat(page.body().indexOf("2026-11-20")).isLessThan(page.body().indexOf("2026-01-05"));
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().equals(BASE + "/questionnaires"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void anSmeGetsTheForbiddenPageForTheVersionsBecauseTheServiceSaysNo() {
        SERVICES.problem(BASE + "/questionnaires", 403, "forbidden");
        Traffic sme = signedIn(TestKeycloak.SME, "/workspace/assessment");

        Traffic.Answer page = sme.get(SITE + "/workspace/admin/questionnaires");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("hk-sme");
    }

    @Test
    void aDraftKeepsShowingTheQuestionnaireVersionItStartedOn() {
        String v7 = AssessmentFixtures.QUESTIONNAIRE.replace("\"version\":1", "\"version\":7");
        String v8 = v7.replace("\"version\":7", "\"version\":8").replace("Do you keep records of the fuel your company burns?",
                "Do you log fuel use every month?");
        SERVICES.json(BASE + "/questionnaire", "version=7", v7);
        SERVICES.json(BASE + "/questionnaire", "version=8", v8);
        String older = "asm-older0000007";
        String newer = "asm-newer0000008";
        SERVICES.json(BASE + "/" + older, AssessmentFixtures.assessment(older, TestKeycloak.SUPPLIER_ORG, "DRAFT", AssessmentFixtures.ANSWERS)
                .replace("\"industry\":\"C\",\"sizeBand\":\"SMALL\"", "\"industry\":\"F\",\"sizeBand\":\"MICRO\"")
                .replace("\"version\":1", "\"version\":7"));
        SERVICES.json(BASE + "/" + newer, AssessmentFixtures.assessment(newer, TestKeycloak.SUPPLIER_ORG, "DRAFT", AssessmentFixtures.ANSWERS)
                .replace("\"industry\":\"C\",\"sizeBand\":\"SMALL\"", "\"industry\":\"F\",\"sizeBand\":\"MICRO\"")
                .replace("\"version\":1", "\"version\":8"));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment");

        String olderPage = browser.get(SITE + "/workspace/assessment/" + older).body();
        String newerPage = browser.get(SITE + "/workspace/assessment/" + newer).body();

        assertThat(olderPage).contains("Do you keep records of the fuel your company burns?").doesNotContain("Do you log fuel use");
        assertThat(newerPage).contains("Do you log fuel use every month?");
        assertThat(SERVICES.calls()).extracting(FakeServices.Call::pathAndQuery)
                .contains(BASE + "/questionnaire?industry=F&size=MICRO&version=7", BASE + "/questionnaire?industry=F&size=MICRO&version=8");
    }
}
