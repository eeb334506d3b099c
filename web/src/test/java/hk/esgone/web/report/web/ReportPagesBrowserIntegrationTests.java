package hk.esgone.web.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The share page and the public scorecard page in headless Chromium, in both languages, 1280 and 360 px wide: nothing
 * overflows sideways on a phone, and the copy button puts the link in the box's selection. Screenshots go to
 * {@code -Dreport.shots=<dir>} (target/report-shots otherwise) for a person to look at.
 */
class ReportPagesBrowserIntegrationTests extends SignedInPageTest {

    private static final String ID = OwnReportPagesIntegrationTests.ID;
    private static ChromeDriver browser;
    private static Path shots;
    /** axe-core (dev/test installs it; AXE_CORE_JS points elsewhere); without it the pages are not checked by axe. */
    private static String axe;
    private final List<String> axeFindings = new java.util.ArrayList<>();

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
        shots = Path.of(System.getProperty("report.shots", "target/report-shots"));
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
    void theSharePageAndThePublicPageFitAPhoneInBothLanguages() throws IOException {
        SERVICES.json("/api/v1/assessments/" + ID + "/sharing", "{\"assessmentId\":\"" + ID
                + "\",\"submitted\":true,\"public\":true,\"publicPath\":\"/scorecards/" + ID + "\"}");
        SERVICES.json("/api/v1/assessments/shared/" + ID, OwnReportPagesIntegrationTests.SUMMARY);
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG,
                ScorecardPagesTests.PROFILE.replace("cmp-green-pack", TestKeycloak.SUPPLIER_ORG));
        SERVICES.json("/api/v1/badges/holders/" + TestKeycloak.SUPPLIER_ORG,
                "{\"badges\":[{\"id\":\"bdg-good1\",\"status\":\"VALID\",\"name\":{\"en\":\"ESG One e-Badge\",\"zhHant\":\"電子徽章\"}}]}");
        signIn();

        for (String lang : List.of("en", "zh-Hant")) {
            browser.get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                look("/workspace/assessment/" + ID + "/share", "share", lang, width);
                look("/scorecards/" + ID, "scorecard", lang, width);
            }
        }
        browser.get(SITE + "/workspace/assessment/" + ID + "/share");
        browser.findElement(By.cssSelector("button[data-copy='share-link']")).click();
        Object selected = browser.executeScript("var b = document.getElementById('share-link');"
                + " return b.value.substring(b.selectionStart, b.selectionEnd);");
        assertThat(selected).isEqualTo(SITE + "/scorecards/" + ID);
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    private void look(String path, String name, String lang, int width) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 1000));
        browser.get(SITE + path);
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
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(4000, height + 140)));
        Files.write(shots.resolve(name + "-" + lang + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static void signIn() {
        browser.get(SITE + "/sign-in?next=/workspace/badges");
        // Keycloak's second login page replaces the one being read: look again rather than fail on a stale element
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(TestKeycloak.SME);
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
