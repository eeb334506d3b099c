package hk.esgone.web.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * A company's own report and share setting, signed in through the real Keycloak: the PDF is read from
 * assessment-service with the person's token (another company's id is the service's 404, so the 404 page and no
 * PDF), percentiles say "not available" while the benchmark answers 404, and the share form sends the PUT with the
 * person's token and only with the CSRF token; refusals are shown in place.
 */
class OwnReportPagesIntegrationTests extends SignedInPageTest {

    static final String ID = "asm-own123abc456";
    static final String REPORT = "/api/v1/assessments/" + ID + "/report";
    static final String SHARING = "/api/v1/assessments/" + ID + "/sharing";
    static final String SUMMARY = ScorecardPagesTests.SUMMARY.replace("cmp-green-pack", TestKeycloak.SUPPLIER_ORG)
            .replace("\"assessmentId\":\"asm-abc123def456\"", "\"assessmentId\":\"" + ID + "\"")
            .replace("\"tonnesPerMillionHkd\":null}", "\"tonnesPerMillionHkd\":null,\"lines\":[{\"activity\":{\"en\":\"Electricity (CLP)\","
                    + "\"zhHant\":\"電力（中電）\"},\"scope\":2,\"amount\":21000,\"unit\":\"kWh\",\"kgCo2e\":10500.0}]}");

    private void ownReport() {
        SERVICES.json(REPORT, SUMMARY);
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG,
                ScorecardPagesTests.PROFILE.replace("cmp-green-pack", TestKeycloak.SUPPLIER_ORG));
        SERVICES.json("/api/v1/badges/holders/" + TestKeycloak.SUPPLIER_ORG, "{\"badges\":[]}");
    }

    private static String sharing(boolean submitted, boolean shared) {
        return "{\"assessmentId\":\"" + ID + "\",\"submitted\":" + submitted + ",\"public\":" + shared + ",\"publicPath\":\"/scorecards/" + ID + "\"}";
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aMemberDownloadsTheReportReadWithTheirOwnToken() throws IOException {
        Assumptions.assumeTrue(ScorecardPagesTests.fontInstalled() || "true".equals(System.getenv("CI")), "no CJK font");
        ownReport();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");

        Traffic.Download english = browser.download(SITE + "/workspace/assessment/" + ID + "/report.pdf?lang=en");
        Traffic.Download chinese = browser.download(SITE + "/workspace/assessment/" + ID + "/report.pdf?lang=zh-Hant");

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.header("content-type")).isEqualTo("application/pdf");
        assertThat(english.header("content-disposition")).startsWith("attachment; filename=\"esg-scorecard-green-pack-ltd-2025.pdf\"");
        assertThat(english.header("cache-control")).contains("no-store");
        assertThat(text(english.body())).contains("Green Pack Ltd", "綠色包裝有限公司", "Silver", "62.5 / 100", "Electricity (CLP)",
                "Percentile among peers", "not available", SITE + "/companies/" + TestKeycloak.SUPPLIER_ORG);
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(text(chinese.body())).contains("綠色包裝有限公司", "銀級", "62.5 / 100", "電力（中電）", "暫未提供");
        List<FakeServices.Call> reads = SERVICES.calls().stream()
                .filter(c -> c.pathAndQuery().startsWith("/api/v1/assessments/")).toList();
        assertThat(reads).extracting(FakeServices.Call::pathAndQuery).contains(REPORT, "/api/v1/assessments/" + ID + "/benchmark");
        assertThat(reads).allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void anotherCompanysAssessmentIsTheNotFoundPageAndNoPdf() {
        // assessment-service answers 404 to SME_2's token for supplier 1's assessment: the fake answers 404 to anything unset
        Traffic browser = signedIn(TestKeycloak.SME_2, "/workspace/badges");

        Traffic.Download pdf = browser.download(SITE + "/workspace/assessment/" + ID + "/report.pdf?lang=en");
        Traffic.Answer share = browser.get(SITE + "/workspace/assessment/" + ID + "/share");

        assertThat(pdf.status()).isEqualTo(404);
        assertThat(pdf.header("content-type")).startsWith("text/html");
        assertThat(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Page not found").doesNotContain("%PDF");
        assertThat(share.status()).isEqualTo(404);
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith("/api/v1/assessments/"))
                .allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void malformedIdsAreTheNotFoundPageWithoutAskingTheService() {
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        for (String id : List.of("nothing", "ASM-UPPER", "asm-%E2%80%AEevil", "%E4%B8%AD%E6%96%87")) {
            assertThat(browser.download(SITE + "/workspace/assessment/" + id + "/report.pdf").status()).isEqualTo(404);
            assertThat(browser.get(SITE + "/workspace/assessment/" + id + "/share").status()).isEqualTo(404);
        }
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith("/api/v1/assessments/"));
    }

    @Test
    void theOwnerMakesTheScorecardPublicWithTheirTokenAndCsrfAndGetsTheLink() {
        SERVICES.json(SHARING, sharing(true, false));
        SERVICES.answer("PUT", SHARING, 200, sharing(true, true));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");

        Traffic.Answer page = browser.get(SITE + "/workspace/assessment/" + ID + "/share");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Share your scorecard", "Your scorecard is private", "Make it public")
                .contains("name=\"public\" value=\"true\"").doesNotContain("id=\"share-link\"")
                .contains("href=\"/workspace/assessment/" + ID + "/report.pdf?lang=zh-Hant\"");

        Traffic.Answer chosen = browser.postForm(SITE + "/workspace/assessment/" + ID + "/share",
                Map.of("_csrf", Traffic.csrfToken(page), "public", "true"));

        assertThat(chosen.status()).isEqualTo(303);
        assertThat(chosen.location()).isEqualTo("/workspace/assessment/" + ID + "/share?saved=public");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement().satisfies(put -> {
            assertThat(put.pathAndQuery()).isEqualTo(SHARING);
            assertThat(put.authorization()).startsWith("Bearer ");
            assertThat(put.body()).isEqualTo("{\"public\":true}");
        });
        SERVICES.json(SHARING, sharing(true, true));
        Traffic.Answer after = browser.follow(chosen);
        assertThat(after.body()).contains("Saved. Your scorecard is now public.", "Your scorecard is public.")
                .contains("value=\"" + SITE + "/scorecards/" + ID + "\"", "Make it private again", "name=\"public\" value=\"false\"");
    }

    @Test
    void theSharePageInChinese() {
        SERVICES.json(SHARING, sharing(true, true));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/badges");

        assertThat(browser.get(SITE + "/workspace/assessment/" + ID + "/share").body())
                .contains("分享評分卡", "您的評分卡已公開。", "取消公開", "報告（PDF，中文）");
    }

    @Test
    void withoutTheCsrfTokenOrWithAnOddValueNothingIsSent() {
        SERVICES.json(SHARING, sharing(true, false));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/assessment/" + ID + "/share"));

        Traffic.Answer forged = browser.postForm(SITE + "/workspace/assessment/" + ID + "/share", Map.of("public", "true"));
        Traffic.Answer odd = browser.postForm(SITE + "/workspace/assessment/" + ID + "/share", Map.of("_csrf", csrf, "public", "yes\u202e"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(odd.status()).isEqualTo(400);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void aDraftOrAnAccountThatMayNotChooseIsToldInPlace() {
        SERVICES.json(SHARING, sharing(false, false));
        SERVICES.problem("PUT", SHARING, 409, "assessment-not-submitted");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        Traffic.Answer page = browser.get(SITE + "/workspace/assessment/" + ID + "/share");
        assertThat(page.body()).contains("Submit your assessment first").doesNotContain("Make it public");

        Traffic.Answer refused = browser.postForm(SITE + "/workspace/assessment/" + ID + "/share",
                Map.of("_csrf", Traffic.csrfToken(page), "public", "true"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("role=\"alert\"", "Submit your assessment first");

        SERVICES.json(SHARING, sharing(true, false));
        SERVICES.problem("PUT", SHARING, 403, "forbidden");
        Traffic.Answer forbidden = browser.postForm(SITE + "/workspace/assessment/" + ID + "/share",
                Map.of("_csrf", Traffic.csrfToken(page), "public", "true"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Only your company&#39;s SME accounts can change this.");
    }

    @Test
    void signedOutTheReportAsksForSignIn() {
        Traffic.Download pdf = new Traffic().download(SITE + "/workspace/assessment/" + ID + "/report.pdf");
        assertThat(pdf.status()).isBetween(300, 399);
        assertThat(SERVICES.calls()).isEmpty();
    }
}
