package hk.esgone.web.company.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.PageTest;

class CompanyPagesTests extends PageTest {

    @Test
    void aProfileShowsCredentialsTheScorecardAsChartAndTableAndSharingTags() {
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack", Fixtures.COMPANY);

        String html = page("/companies/cmp-green-pack", 200);

        assertThat(html).contains("<h1 lang=\"en\">Green Pack Ltd</h1>", "<p class=\"other-name\" lang=\"zh-Hant\">綠色包裝有限公司</p>")
                .contains("EMS-1", "HKQAA", "2028-01-29", "<span class=\"valid\">Valid</span>", "<span class=\"expired\">Expired</span>")
                .contains("href=\"/badges/bdg-green-pack-esg\"", "ESG One e-Badge")
                .contains("<svg", "class=\"radar-area\"", "Scores out of 100 · level Gold", "<td class=\"num\">78</td>", "90th")
                .contains("Compared with 634 companies of its industry.", "Last verified", "2026-12-01")
                .contains("property=\"og:title\" content=\"Green Pack Ltd\"", "application/ld+json", "\"@type\":\"Organization\"")
                .contains("href=\"https://green-pack.example.hk\" rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void theProfileSpeaksChineseAndKeepsTheEnglishNameMarked() {
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack", Fixtures.COMPANY);

        String html = page("/companies/cmp-green-pack", 200, "zh-HK");

        assertThat(html).contains("<html lang=\"zh-Hant\">", "<h1 lang=\"zh-Hant\">綠色包裝有限公司</h1>", "lang=\"en\">Green Pack Ltd",
                "ESG 評分卡", "第 90 百分位", "觀塘");
    }

    @Test
    void aHostileNameCannotBreakOutOfTheJsonLdOrThePage() {
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack",
                Fixtures.COMPANY.replace("Green Pack Ltd", "</script><script>alert(1)</script>"));

        String html = page("/companies/cmp-green-pack", 200);

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    }

    @Test
    void unknownAndMalformedIdsAreTheFriendlyNotFoundPage() {
        assertThat(page("/companies/cmp-not-there", 404)).contains("Page not found");
        assertThat(page("/companies/<script>", 404)).contains("Page not found");
        assertThat(SERVICES.calls()).extracting(c -> c.pathAndQuery()).containsExactly("/api/v1/directory/companies/cmp-not-there");
    }

    @Test
    void comparesUpToThreeAndNamesTheOnesItCannotShow() {
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack", Fixtures.COMPANY);
        SERVICES.json("/api/v1/directory/companies/cmp-blue-box", Fixtures.company("cmp-blue-box", "Blue Box Ltd"));
        SERVICES.json("/api/v1/directory/companies/cmp-third", Fixtures.company("cmp-third", "Third Ltd"));

        String html = page("/compare?id=<b>&id=cmp-green-pack&id=cmp-blue-box&id=cmp-gone&id=cmp-third", 200);

        assertThat(html).contains("Green Pack Ltd", "Blue Box Ltd", "Not found or no longer listed: &lt;b&gt;, cmp-gone").doesNotContain("Third Ltd")
                .contains("At most three suppliers can be compared").contains("<th scope=\"row\">Environmental</th>");
        assertThat(page("/compare", 200)).contains("Choose up to three suppliers");
    }
}
