package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * An offer's code pool, signed in through the real Keycloak as a partner's member: the stock and the low-stock
 * signal, a CSV uploaded as a file form (its text sent to offers-service with the person's token), every refused
 * line shown with its number and reason in the page's language, files the page cannot use explained, and another
 * partner's offer or someone who is no partner refused.
 */
class PartnerCodesPagesIntegrationTests extends SignedInPageTest {

    static final String PAGE = "/workspace/partner/offers/off-green-loan/codes";
    static final String UPLOAD = PartnerFixtures.GREEN + "/codes";

    @Test
    void thePageShowsTheStockTheLowStockSignalAndTheSizeCap() {
        PartnerFixtures.offers(SERVICES);
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Code pool", "Green loan rebate", "codes left", ">40<", "given to claimants", ">45<",
                "places still open", ">55<", "Running low: 15 more code(s) are needed", "At most 200 KB", "enctype=\"multipart/form-data\"");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().equals(PartnerFixtures.GREEN))
                .allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("代碼池", "綠色貸款回贈", "代碼快將不足：尚需 15 個代碼", "最多 200 KB");
    }

    @Test
    void aFileWithBadLinesIsRefusedAndEachLineIsShownWithItsReason() {
        PartnerFixtures.offers(SERVICES);
        SERVICES.answer("POST", UPLOAD, 422, """
                {"type":"https://esg-one.hk/problems/invalid-csv","title":"Invalid CSV","status":422,
                 "detail":"Some lines are invalid; nothing was imported.",
                 "errors":[{"line":3,"reason":"bad-code","message":"A code is 4 to 64 characters"},
                           {"line":4,"reason":"duplicate","message":"Duplicate of line 2.","firstLine":2},
                           {"line":5,"reason":"field-count","message":"Expected exactly one value","found":3}]}""");
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));
        String csv = "code\nGOOD-0001\nbad code!\nGOOD-0001\nA,B,C\n";

        Traffic.Answer refused = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "codes.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("No code was added", "3 line(s) were refused",
                "<td class=\"num\">3</td>", "Not a code: a code is 4 to 64 letters, digits, &#39;-&#39; or &#39;_&#39;",
                "<td class=\"num\">4</td>", "The same code as line 2.",
                "<td class=\"num\">5</td>", "More than one value on the line (3)");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(UPLOAD);
            assertThat(call.body()).isEqualTo(csv);
            assertThat(call.header("Content-Type")).startsWith("text/csv");
            assertThat(call.authorization()).startsWith("Bearer ");
        });

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        String chinese = Traffic.csrfToken(browser.get(SITE + PAGE));
        Traffic.Answer inChinese = browser.postMultipart(SITE + PAGE, Map.of("_csrf", chinese), "file", "codes.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(inChinese.body()).contains("沒有加入任何代碼", "有 3 行不獲接受", "與第 2 行的代碼相同。", "此行有多於一個值（3 個）");
    }

    @Test
    void acceptedCodesAreCountedAndTheNewStockShown() {
        PartnerFixtures.offers(SERVICES);
        SERVICES.answer("POST", UPLOAD, 201, """
                {"offerId":"off-green-loan","imported":20,
                 "codePool":{"available":60,"assigned":45,"voided":0,"lowStock":false,"shortfall":0}}""");
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));
        StringBuilder csv = new StringBuilder("\uFEFFcode\r\n");
        for (int i = 0; i < 20; i++) {
            csv.append("NEW-CODE-").append(1000 + i).append("\r\n");
        }

        Traffic.Answer done = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "新代碼.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("20 code(s) added to the pool.", ">60<", "Enough codes for the places still open.")
                .doesNotContain("Running low");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo(csv.toString()));
    }

    @Test
    void filesThePageCannotUseAreExplainedAndNeverSent() {
        PartnerFixtures.offers(SERVICES);
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer big = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "big.csv", "ABCD-1234\n".repeat(21_000).getBytes(StandardCharsets.UTF_8));
        Traffic.Answer huge = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "huge.csv", new byte[400_000]);
        byte[] spreadsheet = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0xC3, 0x28};
        Traffic.Answer binary = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "codes.xlsx", spreadsheet);
        Traffic.Answer latin1 = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "codes.csv", "CAF\u00c9-0001\n".getBytes(StandardCharsets.ISO_8859_1));
        Traffic.Answer empty = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "empty.csv", new byte[0]);
        Traffic.Answer none = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "", new byte[0]);
        Traffic.Answer noToken = browser.postMultipart(SITE + PAGE, Map.of(), "file", "codes.csv", "ABCD-1234\n".getBytes(StandardCharsets.UTF_8));

        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body()).contains("The file is too large: at most 200 KB.");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("Too large to send", "Nothing was changed").doesNotContain("Exception");
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.body()).contains("This is not a text (CSV) file.");
        assertThat(latin1.body()).contains("This is not a text (CSV) file.");
        assertThat(empty.body()).contains("The file is empty: it holds no codes.");
        assertThat(none.body()).contains("Choose a file to upload.");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void oddUnicodeInAFileIsPassedOnAndTheServicesReasonShown() {
        PartnerFixtures.offers(SERVICES);
        SERVICES.answer("POST", UPLOAD, 422, """
                {"type":"https://esg-one.hk/problems/invalid-csv","title":"Invalid CSV","status":422,
                 "errors":[{"line":1,"reason":"bad-code","message":"A code is 4 to 64 characters"},
                           {"line":2,"reason":"something-new","message":"Something new."}]}""");
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));
        String csv = "\u202EEDOC-0001\n\uD83D\uDE00-<script>\n";

        Traffic.Answer refused = browser.postMultipart(SITE + PAGE, Map.of("_csrf", csrf), "file", "\u202Eodd.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Not a code", "This line could not be used.").doesNotContain("<script>", "\u202E");
    }

    @Test
    void anotherPartnersOfferIsTheServicesNotFoundAndNothingIsSentForIt() {
        PartnerFixtures.offers(SERVICES);
        SERVICES.problem(PartnerFixtures.OFFERS + "/off-not-ours", 404, "not-found");
        SERVICES.problem("POST", PartnerFixtures.OFFERS + "/off-not-ours/codes", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.PARTNER_2, "/workspace/partner/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers"));

        Traffic.Answer page = browser.get(SITE + "/workspace/partner/offers/off-not-ours/codes");
        Traffic.Answer upload = browser.postMultipart(SITE + "/workspace/partner/offers/off-not-ours/codes", Map.of("_csrf", csrf), "file",
                "codes.csv", "ABCD-1234\n".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer notAnId = browser.get(SITE + "/workspace/partner/offers/..%2Fadmin/codes");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
        assertThat(upload.status()).isEqualTo(404);
        assertThat(upload.body()).contains("Page not found").doesNotContain("code(s) added");
        assertThat(notAnId.status()).isIn(400, 404);
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).allSatisfy(c -> assertThat(c.pathAndQuery())
                .isEqualTo(PartnerFixtures.OFFERS + "/off-not-ours/codes"));
    }

    @Test
    void someoneWhoIsNoPartnerIsRefusedBeforeAnyServiceIsAsked() {
        PartnerFixtures.offers(SERVICES);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/claims");
        SERVICES.reset();
        PartnerFixtures.offers(SERVICES);

        Traffic.Answer page = browser.get(SITE + PAGE);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed");
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(PartnerFixtures.OFFERS));
    }
}
