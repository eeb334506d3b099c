package hk.esgone.web.assessment.web;

import static hk.esgone.web.assessment.web.AssessmentFixtures.BASE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
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
 * The evidence page, a wizard question with evidence and staff's review queue in headless Chromium, in both languages,
 * 1280 and 360 px wide: nothing overflows sideways on a phone. Screenshots go to {@code -Devidence.shots=<dir>}
 * (target/evidence-shots otherwise) for a person to look at.
 */
class EvidencePagesBrowserIntegrationTests extends SignedInPageTest {

    private ChromeDriver browser;
    private Path shots;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "apt-get install chromium chromium-driver to run the browser tests");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,1000", "--lang=en-GB");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        shots = Path.of(System.getProperty("evidence.shots", "target/evidence-shots"));
        Files.createDirectories(shots);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theEvidencePageAndTheWizardQuestionFitAPhoneInBothLanguages() throws IOException {
        SERVICES.json(BASE + "/questionnaire", "version=41", EvidencePagesIntegrationTests.QUESTIONNAIRE);
        SERVICES.json(BASE + "/" + ID, EvidencePagesIntegrationTests.draft("""
                {"questionId":"E01","value":true,"unit":null,"notApplicable":false,"reason":null,"evidence":{"sha256":"%s",
                 "fileName":"2025 柴油收據 diesel-receipts-scan-from-the-office-printer.pdf","size":1288490,"contentType":"application/pdf"},
                 "revision":2,"cleared":false,"updatedAt":"2026-11-02T06:30:00Z"}""".formatted(EvidencePagesIntegrationTests.SHA)));
        signIn(TestKeycloak.SME);

        for (String lang : List.of("en", "zh-Hant")) {
            browser.get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                look("/workspace/assessment/" + ID + "/evidence/E01", "evidence-page", lang, width, null);
                look("/workspace/assessment/" + ID, "wizard-question", lang, width, "q-E01");
            }
        }
    }

    @Test
    void theReviewQueueFitsAPhoneInBothLanguages() throws IOException {
        EvidenceReviewPagesIntegrationTests.queue();
        signIn(TestKeycloak.ADMIN);

        for (String lang : List.of("en", "zh-Hant")) {
            browser.get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                look("/workspace/admin/evidence", "review-queue", lang, width, null);
            }
        }
    }

    /** Opens {@code path}, checks nothing overflows sideways, and saves a screenshot (of one element when {@code element} is set). */
    private void look(String path, String name, String lang, int width, String element) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 1000));
        browser.get(SITE + path);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        JavascriptExecutor js = browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        assertThat(scrollWidth).as(name + " " + lang + " at " + width + " px overflows sideways").isLessThanOrEqualTo(viewport);
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(4000, height + 140)));
        byte[] png = element == null ? browser.getScreenshotAs(OutputType.BYTES)
                : browser.findElement(By.id(element)).getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve(name + "-" + lang + "-" + width + ".png"), png);
    }

    private void signIn(String username) {
        browser.get(SITE + "/sign-in?next=/account");
        // Keycloak's second login page replaces the one being read: look again rather than fail on a stale element
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
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
