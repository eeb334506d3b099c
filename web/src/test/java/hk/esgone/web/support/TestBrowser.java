package hk.esgone.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium for the portal's page tests: sign-in through the real Keycloak, and {@link #look} — no
 * sideways overflow, axe-core's serious and critical findings (at 1280 px), a screenshot for a person to look at.
 * Where Chromium (or axe-core) is not installed the test is skipped (not checked by axe), except under {@code CI=true},
 * where that fails.
 */
public final class TestBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE_RUN = "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
            + "  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
            + "    .map(function (v) { return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));"
            + "}).catch(function (e) { done(JSON.stringify(['axe failed: ' + e])); });";

    private final ChromeDriver browser;
    private final Path shots;
    private final String axe;
    private final List<String> axeFindings = new ArrayList<>();

    private TestBrowser(ChromeDriver browser, Path shots, String axe) {
        this.browser = browser;
        this.shots = shots;
        this.axe = axe;
    }

    /** @param shotsProperty the system property naming the screenshot folder ({@code target/<property>} otherwise) */
    public static TestBrowser start(String shotsProperty) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must run the browser tests: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "apt-get install chromium chromium-driver to run the browser tests");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        Path shots = Path.of(System.getProperty(shotsProperty, "target/" + shotsProperty.replace('.', '-')));
        Files.createDirectories(shots);
        Path axePath = System.getenv("AXE_CORE_JS") != null ? Path.of(System.getenv("AXE_CORE_JS"))
                : Path.of(System.getProperty("esg.repository.root", ".."), ".local/node/node_modules/axe-core/axe.min.js");
        if (!Files.isReadable(axePath) && "true".equals(System.getenv("CI"))) {
            browser.quit();
            throw new IllegalStateException("CI must check the pages with axe-core: " + axePath + " is missing (dev/test installs it)");
        }
        return new TestBrowser(browser, shots, Files.isReadable(axePath) ? Files.readString(axePath) : null);
    }

    public ChromeDriver driver() {
        return browser;
    }

    /** axe-core's serious and critical findings of the pages looked at so far ("page lang: rule targets"). */
    public List<String> axeFindings() {
        return axeFindings;
    }

    /** Signs {@code username} in through Keycloak's login form, starting from {@code next} on {@code site}. */
    public void signIn(String site, String next, String username) {
        browser.get(site + "/sign-in?next=" + next);
        completeSignIn(site, username);
    }

    /** Fills in Keycloak's login form, now open or opening, as {@code username}, until the browser is back on {@code site}. */
    public void completeSignIn(String site, String username) {
        // Keycloak's second login page replaces the one being read: look again rather than fail on a stale element
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(WebDriverException.class);
        wait.until(d -> !d.findElements(By.id("kc-form-login")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        for (int step = 0; step < 4 && !browser.getCurrentUrl().startsWith(site); step++) {
            List<WebElement> field = browser.findElements(By.id("password"));
            if (!field.isEmpty() && emptyAndShown(field.getFirst())) {
                field.getFirst().sendKeys(TestKeycloak.DEMO_PASSWORD);
            }
            browser.findElement(By.id("kc-login")).click();
            wait.until(d -> d.getCurrentUrl().startsWith(site)
                    || d.findElements(By.id("password")).stream().anyMatch(TestBrowser::emptyAndShown));
        }
        assertThat(browser.getCurrentUrl()).startsWith(site);
    }

    private static boolean emptyAndShown(WebElement field) {
        try {
            return field.isDisplayed() && field.getAttribute("value").isEmpty();
        } catch (WebDriverException replaced) {
            return false;
        }
    }

    /**
     * Opens {@code url} (null: the page now shown) at {@code width} px and checks the page: in {@code lang}, nothing overflowing sideways, axe-core
     * at 1280 px; then saves a screenshot named {@code name-lang-width.png} (of the element {@code element} if set).
     */
    public void look(String url, String name, String lang, int width, String element) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 1000));
        if (url != null) {
            browser.get(url);
        }
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
        JavascriptExecutor js = browser;
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        assertThat(scrollWidth).as(name + " " + lang + " at " + width + " px overflows sideways").isLessThanOrEqualTo(viewport);
        if (axe != null && width == 1280) {
            js.executeScript(axe);
            JsonMapper.shared().readTree(String.valueOf(js.executeAsyncScript(AXE_RUN)))
                    .forEach(v -> axeFindings.add(name + " " + lang + ": " + v.asString()));
        }
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(6000, height + 140)));
        byte[] png = element == null ? browser.getScreenshotAs(OutputType.BYTES)
                : browser.findElement(By.id(element)).getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve(name + "-" + lang + "-" + width + ".png"), png);
        browser.manage().window().setSize(new Dimension(width, 1000));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
