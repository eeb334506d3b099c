package hk.esgone.web.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.PageTest;

/**
 * The public scorecard page and its PDF, with assessment-, directory- and badge-service replaced by
 * {@link FakeServices}: a shared scorecard is shown to anyone in both languages with the company's names, level,
 * scores, carbon and links to its profile and badge; anything not shared (the service's 404) or malformed is the 404
 * page and no PDF.
 */
class ScorecardPagesTests extends PageTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    static final String ID = "asm-abc123def456";
    static final String SHARED = "/api/v1/assessments/shared/" + ID;
    static final String SUMMARY = """
            {"assessmentId":"asm-abc123def456","companyId":"cmp-green-pack","year":2025,"submittedAt":"2026-03-01T04:00:00Z",
             "questionnaire":{"key":"hk-sme","version":1},
             "overall":62.5,"level":"SILVER","levelTitle":{"en":"Silver","zhHant":"銀級"},
             "levelRule":{"en":"GOLD needs every pillar ≥ 55; S is 48.0 → SILVER","zhHant":"金級須每個範疇 ≥ 55；社會為 48.0 → 銀級"},
             "pillars":[{"pillar":"E","title":{"en":"Environmental","zhHant":"環境"},"score":71.5,"weight":0.4,"scored":true},
                        {"pillar":"S","title":{"en":"Social","zhHant":"社會"},"score":48.0,"weight":0.3,"scored":true},
                        {"pillar":"G","title":{"en":"Governance","zhHant":"管治"},"score":66.0,"weight":0.3,"scored":true}],
             "topics":[{"code":"E1","pillar":"E","title":{"en":"Energy use","zhHant":"能源使用"},"score":80.0},
                       {"code":"E2","pillar":"E","title":{"en":"Waste <b>and</b> recycling","zhHant":"廢物及回收"},"score":null}],
             "carbon":{"factorSet":"hk-2025","scope1Tonnes":1.234,"scope2Tonnes":10.500,"totalTonnes":11.734,
                       "tonnesPerEmployee":0.587,"tonnesPerMillionHkd":null}}
            """;
    static final String PROFILE = """
            {"id":"cmp-green-pack","name":{"en":"Green Pack Ltd","zhHant":"綠色包裝有限公司"},"kindLabel":{"en":"Supplier","zhHant":"供應商"}}
            """;
    static final String HOLDINGS = """
            {"companyId":"cmp-green-pack","badges":[{"id":"bdg-old1","status":"REVOKED","name":{"en":"Old","zhHant":"舊"}},
              {"id":"bdg-good1","status":"VALID","name":{"en":"ESG One e-Badge","zhHant":"ESG One 電子徽章"}}]}
            """;

    static boolean fontInstalled() {
        return Files.isReadable(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));
    }

    private void shared() {
        SERVICES.json(SHARED, SUMMARY);
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack", PROFILE);
        SERVICES.json("/api/v1/badges/holders/cmp-green-pack", HOLDINGS);
    }

    @Test
    void aSharedScorecardIsShownToAnyoneWithNamesLevelScoresCarbonAndLinks() {
        shared();

        String page = page("/scorecards/" + ID, 200);

        assertThat(page).contains("Green Pack Ltd", "綠色包裝有限公司", "ESG scorecard 2025", "Silver", "62.5 / 100")
                .contains("GOLD needs every pillar ≥ 55; S is 48.0 → SILVER")
                .contains(">Environmental<", ">71.5<", ">Social<", ">48.0<", ">Governance<", ">66.0<")
                .contains("Energy use", "80.0", "Waste &lt;b&gt;and&lt;/b&gt; recycling", "not applicable")
                .contains("10.500 t CO2e", "11.734 t CO2e", "0.587 t CO2e", "not known")
                .contains("href=\"/companies/cmp-green-pack\"", "href=\"http://localhost:8080/badges/bdg-good1\"")
                .doesNotContain("bdg-old1", "<b>and</b>")
                .contains("<meta property=\"og:title\" content=\"Green Pack Ltd — ESG scorecard 2025\">")
                .contains("<meta property=\"og:url\" content=\"http://localhost:8080/scorecards/" + ID + "\">")
                .contains("og:description\" content=\"Green Pack Ltd: ESG self-assessment 2025, level Silver, overall score 62.5 out of 100.")
                .contains("class=\"radar\"")
                .contains("href=\"/scorecards/" + ID + "/report.pdf?lang=en\"", "href=\"/scorecards/" + ID + "/report.pdf?lang=zh-Hant\"");
        // read anonymously: the public read carries nobody's token
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().equals(SHARED)).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isNull());
    }

    @Test
    void theSamePageInChinese() {
        shared();

        String page = page("/scorecards/" + ID, 200, "zh-Hant");

        assertThat(page).contains("lang=\"zh-Hant\"", "綠色包裝有限公司", "2025 年 ESG 評分卡", "銀級", "環境", "能源使用", "不適用")
                .contains("11.734 公噸二氧化碳當量", "公司簡介", "核實其電子徽章", "og:locale\" content=\"zh_HK\"");
    }

    @Test
    void withoutAValidBadgeThereIsNoBadgeLinkAndAnUnlistedCompanyIsNamedByItsId() {
        SERVICES.json(SHARED, SUMMARY);
        SERVICES.json("/api/v1/badges/holders/cmp-green-pack", "{\"companyId\":\"cmp-green-pack\",\"badges\":[]}");

        String page = page("/scorecards/" + ID, 200);

        assertThat(page).contains("<h1 lang=\"en\">cmp-green-pack</h1>").doesNotContain("Verify its e-badge").contains("Company profile");
    }

    @Test
    void aScorecardThatIsNotSharedIsTheNotFoundPageAndHasNoPdf() {
        // the fake answers 404 for anything not set: what assessment-service says when it is not shared
        String page = page("/scorecards/" + ID, 404);
        assertThat(page).contains("Page not found").doesNotContain("ESG scorecard");

        web.get().uri("/scorecards/" + ID + "/report.pdf?lang=en").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().equals(SHARED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothing", "ASM-UPPER", "asm-%E2%80%AEevil", "%E4%B8%AD%E6%96%87", "asm-a",
            "asm-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void malformedIdsAreTheNotFoundPageWithoutAskingTheService(String id) {
        assertThat(web.get().uri(java.net.URI.create("http://localhost:" + port + "/scorecards/" + id)).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody()).contains("Page not found");
        web.get().uri(java.net.URI.create("http://localhost:" + port + "/scorecards/" + id + "/report.pdf")).exchange().expectStatus().isNotFound();
        assertThat(SERVICES.calls()).isEmpty();
    }

    @Test
    void theSharedPdfIsADownloadNamingTheCompanyLevelAndScore() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(fontInstalled() || "true".equals(System.getenv("CI")), "no CJK font");
        shared();

        var result = web.get().uri("/scorecards/" + ID + "/report.pdf?lang=en").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"esg-scorecard-green-pack-ltd-2025.pdf\"; filename*=UTF-8''esg-scorecard-green-pack-ltd-2025.pdf")
                .expectBody(byte[].class).returnResult();

        try (PDDocument pdf = Loader.loadPDF(result.getResponseBody())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Green Pack Ltd", "綠色包裝有限公司", "Silver", "62.5 / 100",
                    "http://localhost:8080/badges/bdg-good1");
        }
    }

    @Test
    void theChineseSharedPdfHasTheChineseNameAndAChineseFileName() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(fontInstalled() || "true".equals(System.getenv("CI")), "no CJK font");
        shared();

        var result = web.get().uri("/scorecards/" + ID + "/report.pdf?lang=zh-Hant").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"esg-scorecard-green-pack-ltd-2025.pdf\"; "
                        + "filename*=UTF-8''esg-scorecard-%E7%B6%A0%E8%89%B2%E5%8C%85%E8%A3%9D%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8-2025.pdf")
                .expectBody(byte[].class).returnResult();

        try (PDDocument pdf = Loader.loadPDF(result.getResponseBody())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("綠色包裝有限公司", "銀級", "62.5 / 100", "2025 年 ESG 評分卡");
        }
    }

    @Test
    void anEncodedPathIsRefusedWithoutAskingTheService() {
        web.get().uri(java.net.URI.create("http://localhost:" + port + "/scorecards/asm-..%2F..%2Finternal")).exchange()
                .expectStatus().is4xxClientError();
        assertThat(SERVICES.calls()).isEmpty();
    }

    @Test
    void anUnknownLanguageIsABadRequestPage() {
        shared();
        web.get().uri("/scorecards/" + ID + "/report.pdf?lang=fr").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void theServiceBeingDownIsTryAgainNotNotFound() {
        SERVICES.answer("GET", SHARED, 503, "{\"type\":\"about:blank\",\"status\":503}");
        assertThat(page("/scorecards/" + ID, 503)).doesNotContain("Page not found");
    }
}
