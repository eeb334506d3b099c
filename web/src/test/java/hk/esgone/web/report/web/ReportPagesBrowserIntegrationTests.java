package hk.esgone.web.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.TestBrowser;

/**
 * The share page and the public scorecard page in headless Chromium, in both languages, 1280 and 360 px wide: nothing
 * overflows sideways on a phone, and the copy button puts the link in the box's selection. Screenshots go to
 * {@code -Dreport.shots=<dir>} (target/report-shots otherwise) for a person to look at.
 */
class ReportPagesBrowserIntegrationTests extends SignedInPageTest {

    private static final String ID = OwnReportPagesIntegrationTests.ID;
    private static TestBrowser browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = TestBrowser.start("report.shots");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSharePageAndThePublicPageFitAPhoneInBothLanguages() throws IOException {
        SERVICES.json("/api/v1/assessments/" + ID + "/sharing", "{\"assessmentId\":\"" + ID
                + "\",\"submitted\":true,\"public\":true,\"publicPath\":\"/scorecards/" + ID + "\"}");
        SERVICES.json("/api/v1/assessments/shared/" + ID, OwnReportPagesIntegrationTests.SUMMARY);
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG,
                ScorecardPagesTests.PROFILE.replace("cmp-green-pack", TestKeycloak.SUPPLIER_ORG));
        SERVICES.json("/api/v1/badges/holders/" + TestKeycloak.SUPPLIER_ORG,
                "{\"badges\":[{\"id\":\"bdg-good1\",\"status\":\"VALID\",\"name\":{\"en\":\"ESG One e-Badge\",\"zhHant\":\"電子徽章\"}}]}");
        browser.signIn(SITE, "/workspace/badges", TestKeycloak.SME);

        for (String lang : List.of("en", "zh-Hant")) {
            driver.get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                browser.look(SITE + "/workspace/assessment/" + ID + "/share", "share", lang, width, null);
                browser.look(SITE + "/scorecards/" + ID, "scorecard", lang, width, null);
            }
        }
        driver.get(SITE + "/workspace/assessment/" + ID + "/share");
        driver.findElement(By.cssSelector("button[data-copy='share-link']")).click();
        Object selected = driver.executeScript("var b = document.getElementById('share-link');"
                + " return b.value.substring(b.selectionStart, b.selectionEnd);");
        assertThat(selected).isEqualTo(SITE + "/scorecards/" + ID);
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }
}
