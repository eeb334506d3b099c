package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.TestBrowser;

/**
 * An SME's claims with a revealed code and its Copy button, and a partner's draft refused for an empty code pool (with
 * the link to the code pool), in headless Chromium: both languages, 1280 and 360 px wide, nothing overflowing sideways
 * on a phone (a table's visually hidden header once widened the whole page) and no serious or critical axe-core
 * finding. Screenshots go to {@code -Dworkspace.shots=<dir>} (target/workspace-shots otherwise).
 */
class ClaimsAndEditorPagesBrowserIntegrationTests extends SignedInPageTest {

    private static final String DRAFT = "/api/v1/offers/partner/offers/off-green-loan";

    @Test
    void theClaimsPageAndARefusedDraftFitAPhoneAndPassAxeInBothLanguages() throws IOException {
        SERVICES.json(DRAFT, """
                {"id":"off-green-loan","status":"DRAFT","type":"PERCENTAGE_DISCOUNT","value":10,"currency":"HKD",
                 "title":{"en":"Green loan rebate","zhHant":"綠色貸款回贈"},"description":{"en":"A rebate.","zhHant":"回贈。"},
                 "terms":{"en":"One loan per company.","zhHant":"每間公司一筆貸款。"},"category":"BANKING_AND_FINANCE",
                 "validFrom":"2026-12-31T16:00:00Z","validUntil":"2027-03-31T15:59:59Z","quota":100,"perCompanyLimit":1,
                 "eligibility":{},"redemption":{"method":"CODE_POOL"},"updatedAt":"2026-12-05T10:00:00Z"}""");
        SERVICES.json("/api/v1/directory/taxonomies", Fixtures.TAXONOMIES);
        SERVICES.json("/api/v1/offers/claims/mine", """
                {"items":[{"id":"clm-abc123","offerId":"off-green-audit","status":"ACTIVE","code":"GREEN-1234-ABCDEFGHIJKLMNOP",
                  "claimedAt":"2026-12-05T02:00:00Z","offer":{"title":{"en":"10% off green audits","zhHant":"綠色審核九折"}}}]}""");
        for (String person : List.of(TestKeycloak.PARTNER, TestKeycloak.SME)) {
            try (TestBrowser browser = TestBrowser.start("workspace.shots")) {
                browser.signIn(SITE, "/", person);
                for (String lang : List.of("en", "zh-Hant")) {
                    browser.driver().get(SITE + "/lang/" + lang + "?next=/");
                    for (int width : List.of(1280, 360)) {
                        if (person.equals(TestKeycloak.PARTNER)) {
                            browser.look(SITE + "/workspace/partner/offers/off-green-loan/edit?saved=1&refused=code-pool-empty",
                                    "editor-refused", lang, width, null);
                            assertThat(browser.driver().findElement(By.cssSelector("#refusal a")).getAttribute("href"))
                                    .endsWith("/workspace/partner/offers/off-green-loan/codes");
                        } else {
                            browser.driver().get(SITE + "/workspace/claims");
                            browser.driver().findElement(By.cssSelector("td details summary")).click();
                            assertThat(browser.driver().findElement(By.cssSelector("td button[data-copy]")).isDisplayed()).isTrue();
                            browser.look(null, "claims", lang, width, null);
                        }
                    }
                }
                assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
            }
        }
    }
}
