package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.TestBrowser;

/**
 * The offer editor in headless Chromium as a partner's member uses it, in both languages, 1280 and 360 px wide: the
 * blank form, the form filled in and previewed (the preview's two languages side by side, one above the other on a
 * phone), the form refused with every message beside its field, and an offer that can no longer be changed. Nothing
 * overflows sideways; axe-core finds nothing serious or critical (when {@code AXE_CORE_JS} or {@code .local/node} has
 * it). Screenshots go to {@code -Deditor.shots=<dir>} (target/editor-shots otherwise) for a person to look at.
 */
class OfferEditorBrowserIntegrationTests extends SignedInPageTest {

    private static final String MINE = OfferEditorPagesIntegrationTests.MINE;
    private static TestBrowser browser;
    private static ChromeDriver driver;
    private final List<String> axeFindings = new ArrayList<>();

    /** What a person types, field by field (ids of the form's fields). */
    private static final String FILL = """
            var set = function (id, v) { var e = document.getElementById(id); e.value = v; };
            set('titleEn', 'Green loan rebate for SMEs that cut their energy use');
            set('titleZh', '中小企節能綠色貸款回贈');
            set('descriptionEn', 'A 0.5% rebate on the interest of a green loan for energy-saving equipment.\\nFor SMEs listed on ESG One.');
            set('descriptionZh', '為節能設備貸款提供利息 0.5% 回贈。\\n適用於 ESG One 上架的中小企。');
            set('type', 'PERCENTAGE_DISCOUNT'); set('value', '12.5'); set('category', 'BANKING_AND_FINANCE');
            set('validFrom', '2027-01-01'); set('validUntil', '2027-03-31'); set('quota', '100'); set('perCompanyLimit', '2');
            set('achievement', 'ach-scorecard-gold-2026'); set('minLevel', 'GOLD');
            document.querySelector('input[name=industries][value=C]').checked = true;
            document.querySelector('input[name=method][value=UNIQUE_CODE]').checked = true;
            set('termsEn', 'One loan per company. Subject to the bank\\'s credit approval.');
            set('termsZh', '每間公司一筆貸款，須經銀行信貸審批。');
            """;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = TestBrowser.start("editor.shots");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theEditorItsPreviewItsErrorsAndTheReadOnlyOfferFitAPhoneInBothLanguages() throws IOException {
        SERVICES.json("/api/v1/directory/taxonomies", hk.esgone.web.support.Fixtures.TAXONOMIES);
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.PARTNER_ORG,
                "{\"id\":\"cmp-demo-partner\",\"name\":{\"en\":\"Demo Partner Bank\",\"zhHant\":\"示範合作銀行\"}}");
        SERVICES.json("/api/v1/badges/achievements/ach-scorecard-gold-2026",
                "{\"id\":\"ach-scorecard-gold-2026\",\"name\":{\"en\":\"ESG One Gold scorecard\",\"zhHant\":\"ESG One 金級評分\"}}");
        SERVICES.json(MINE + "/off-green-loan", OfferEditorPagesIntegrationTests.DRAFT.replace("\"DRAFT\"", "\"SUBMITTED\""));
        browser.signIn(SITE, "/workspace/partner/offers/new", TestKeycloak.PARTNER);

        for (String lang : List.of("en", "zh-Hant")) {
            driver.get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                driver.manage().window().setSize(new Dimension(width, 1000));
                driver.get(SITE + "/workspace/partner/offers/new");
                browser.look(null, "editor-new", lang, width, null);
                driver.executeScript(FILL);
                driver.findElement(By.cssSelector("button[value=preview]")).click();
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("preview")).isEmpty());
                assertThat(driver.findElements(By.cssSelector(".preview-pane h3"))).extracting(WebElement::getText)
                        .containsExactlyInAnyOrder("Green loan rebate for SMEs that cut their energy use", "中小企節能綠色貸款回贈");
                // the page's own language first
                assertThat(driver.findElement(By.cssSelector(".preview-pane")).getAttribute("lang")).isEqualTo(lang);
                browser.look(null, "editor-preview", lang, width, null);
                driver.get(SITE + "/workspace/partner/offers/new");
                driver.executeScript(FILL + "set('titleZh', ''); set('quota', '-5'); set('validUntil', '2026-12-01');");
                driver.findElement(By.cssSelector("button[value=save]")).click();
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("problems")).isEmpty());
                assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(3);
                browser.look(null, "editor-errors", lang, width, null);
                driver.get(SITE + "/workspace/partner/offers/off-green-loan/edit");
                browser.look(null, "editor-readonly", lang, width, null);
            }
        }
        assertThat(SERVICES.calls()).noneMatch(c -> !c.method().equals("GET"));
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }
}
