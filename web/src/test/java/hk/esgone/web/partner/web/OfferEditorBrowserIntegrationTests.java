package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;

/**
 * The offer editor in headless Chromium as a partner's member uses it, in both languages, 1280 and 360 px wide: the
 * blank form, the form filled in and previewed (the preview's two languages side by side, one above the other on a
 * phone), the form refused with every message beside its field, and an offer that can no longer be changed. Nothing
 * overflows sideways; axe-core finds nothing serious or critical (when {@code AXE_CORE_JS} or {@code .local/node} has
 * it). Screenshots go to {@code -Deditor.shots=<dir>} (target/editor-shots otherwise) for a person to look at.
 */
class OfferEditorBrowserIntegrationTests extends SignedInPageTest {

    private static final String MINE = OfferEditorPagesIntegrationTests.MINE;
    private static ChromeDriver browser;
    private static Path shots;
    private static String axe;
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
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "apt-get install chromium chromium-driver to run the browser tests");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,1000", "--lang=en-GB");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        shots = Path.of(System.getProperty("editor.shots", "target/editor-shots"));
        Files.createDirectories(shots);
        Path axePath = System.getenv("AXE_CORE_JS") != null ? Path.of(System.getenv("AXE_CORE_JS"))
                : Path.of(System.getProperty("esg.repository.root", ".."), ".local/node/node_modules/axe-core/axe.min.js");
        axe = Files.isReadable(axePath) ? Files.readString(axePath) : null;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
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
        signIn();

        for (String lang : List.of("en", "zh-Hant")) {
            browser.get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                browser.get(SITE + "/workspace/partner/offers/new");
                look("editor-new", lang, width);
                browser.executeScript(FILL);
                browser.findElement(By.cssSelector("button[value=preview]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("preview")).isEmpty());
                assertThat(browser.findElements(By.cssSelector(".preview-pane h3"))).extracting(WebElement::getText)
                        .containsExactlyInAnyOrder("Green loan rebate for SMEs that cut their energy use", "中小企節能綠色貸款回贈");
                // the page's own language first
                assertThat(browser.findElement(By.cssSelector(".preview-pane")).getAttribute("lang")).isEqualTo(lang);
                look("editor-preview", lang, width);
                browser.get(SITE + "/workspace/partner/offers/new");
                browser.executeScript(FILL + "set('titleZh', ''); set('quota', '-5'); set('validUntil', '2026-12-01');");
                browser.findElement(By.cssSelector("button[value=save]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("problems")).isEmpty());
                assertThat(browser.findElements(By.cssSelector(".field-error"))).hasSize(3);
                look("editor-errors", lang, width);
                browser.get(SITE + "/workspace/partner/offers/off-green-loan/edit");
                look("editor-readonly", lang, width);
            }
        }
        assertThat(SERVICES.calls()).noneMatch(c -> !c.method().equals("GET"));
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    /** The page now shown: no sideways overflow, axe-core at 1280 px, a screenshot of the whole page. */
    private void look(String name, String lang, int width) throws IOException {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        JavascriptExecutor js = browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        assertThat(scrollWidth).as(name + " " + lang + " at " + width + " px overflows sideways").isLessThanOrEqualTo(viewport);
        if (axe != null && width == 1280) {
            js.executeScript(axe);
            Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                    + "  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                    + "    .map(function (v) { return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));"
                    + "}).catch(function (e) { done(JSON.stringify(['axe failed: ' + e])); });");
            tools.jackson.databind.json.JsonMapper.shared().readTree(String.valueOf(result))
                    .forEach(v -> axeFindings.add(name + " " + lang + ": " + v.asString()));
        }
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(6000, height + 140)));
        Files.write(shots.resolve(name + "-" + lang + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(width, 1000));
    }

    private static void signIn() {
        browser.get(SITE + "/sign-in?next=/workspace/partner/offers/new");
        // Keycloak's second login page replaces the one being read: look again rather than fail on a stale element
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(TestKeycloak.PARTNER);
        for (int step = 0; step < 3 && !browser.getCurrentUrl().startsWith(SITE); step++) {
            wait.until(d -> {
                List<WebElement> field = d.findElements(By.id("password"));
                if (!field.isEmpty() && field.getFirst().isDisplayed()) {
                    field.getFirst().sendKeys(TestKeycloak.DEMO_PASSWORD);
                }
                return true;
            });
            browser.findElement(By.id("kc-login")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(SITE)
                    || d.findElements(By.id("password")).stream().anyMatch(e -> e.isDisplayed() && e.getAttribute("value").isEmpty()));
        }
        assertThat(browser.getCurrentUrl()).startsWith(SITE);
    }
}
