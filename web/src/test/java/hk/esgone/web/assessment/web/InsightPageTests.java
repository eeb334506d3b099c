package hk.esgone.web.assessment.web;

import static hk.esgone.web.assessment.web.AssessmentFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.PageTest;

/** The public industry insight page: a GET form, the practices with their shares, too small a group, bad choices. */
class InsightPageTests extends PageTest {

    @Test
    void withoutAChoiceOnlyTheFormIsShownWithTheIndustriesNamed() {
        SERVICES.json("/api/v1/directory/taxonomies", AssessmentFixtures.TAXONOMIES);

        String page = page("/insights", 200);

        assertThat(page).contains("What Hong Kong SMEs in your industry do", "<form method=\"get\" action=\"/insights\"",
                        "<option value=\"C\">C — Manufacturing</option>", "<option value=\"\">All sizes</option>", "Small (10–49 employees)")
                .doesNotContain("role=\"alert\"");
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(BASE));
    }

    @Test
    void theShareOfCompaniesDoingEachPracticeIsASentenceAndABarInBothLanguages() {
        SERVICES.json("/api/v1/directory/taxonomies", AssessmentFixtures.TAXONOMIES);
        SERVICES.json(BASE + "/insights", AssessmentFixtures.INSIGHTS);

        String english = page("/insights?industry=C", 200);
        String chinese = page("/insights?industry=C", 200, "zh-Hant");

        assertThat(english).contains("Manufacturing, reporting year 2025", "<option value=\"C\" selected=\"selected\">")
                .contains("Environmental", "64% keep records of the fuel they burn", "class=\"pct-fill\" x=\"0\" y=\"0\" width=\"64\"")
                .contains("Governance", "73% have an anti-corruption policy", "width=\"73\"")
                .doesNotContain("Not enough companies");
        assertThat(chinese).contains("製造業，2025 報告年度", "64% 有記錄所使用的燃料", "73% 設有反貪污政策", "同行業的香港中小企在做甚麼");
        assertThat(SERVICES.calls()).extracting(FakeServices.Call::pathAndQuery).contains(BASE + "/insights?industry=C")
                .allSatisfy(path -> assertThat(path).doesNotContain("size="));
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(BASE)).allSatisfy(c -> assertThat(c.authorization()).isNull());
    }

    @Test
    void aGroupOfFewerThanTenCompaniesSaysSo() {
        SERVICES.json("/api/v1/directory/taxonomies", AssessmentFixtures.TAXONOMIES);
        SERVICES.json(BASE + "/insights", AssessmentFixtures.INSIGHTS_TOO_FEW);

        String page = page("/insights?industry=F&size=MICRO", 200);

        assertThat(page).contains("Construction, Micro (1–9 employees), reporting year 2025",
                "Not enough companies yet to show this group (at least 10 are needed).").doesNotContain("pct-fill");
        assertThat(SERVICES.calls()).extracting(FakeServices.Call::pathAndQuery).contains(BASE + "/insights?industry=F&size=MICRO");
    }

    @Test
    void aChoiceNotOnTheListsIsAFriendlyMessageAndTheServiceIsNotAsked() {
        SERVICES.json("/api/v1/directory/taxonomies", AssessmentFixtures.TAXONOMIES);
        SERVICES.json(BASE + "/insights", AssessmentFixtures.INSIGHTS);

        for (String query : new String[] {"industry=Z", "industry=C&size=HUGE", "industry=%E2%80%AEC", "size=SMALL", "industry=C&year=twenty",
                "industry=" + "C".repeat(500)}) {
            String page = page("/insights?" + query, 400);
            assertThat(page).as(query).contains("Choose an industry and a size from the lists.", "<form method=\"get\" action=\"/insights\"");
        }
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(BASE + "/insights"));
    }

    @Test
    void aChoiceTheServiceRefusesIsAFriendlyMessageNotAnErrorPage() {
        SERVICES.problem(BASE + "/insights", 400, "validation");

        String english = page("/insights?industry=U&year=2031", 400);
        String chinese = page("/insights?industry=U", 400, "zh-Hant");

        assertThat(english).contains("There is no insight for that choice.", "<form method=\"get\" action=\"/insights\"");
        assertThat(chinese).contains("此選擇沒有行業洞察。");
        assertThat(SERVICES.calls()).extracting(FakeServices.Call::pathAndQuery).contains(BASE + "/insights?industry=U&year=2031");
    }

    @Test
    void whenTheServiceIsDownThePageSaysTryAgain() {
        SERVICES.problem(BASE + "/insights", 503, "unavailable");

        String page = page("/insights?industry=C", 503);

        assertThat(page).contains("The industry insight could not be loaded just now — try again.", "<form method=\"get\" action=\"/insights\"");
    }
}
