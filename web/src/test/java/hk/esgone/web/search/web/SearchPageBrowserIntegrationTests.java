package hk.esgone.web.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.TestBrowser;

/**
 * The search page's in-place updates in headless Chromium when they fail: a filter ticked while the directory does
 * not answer must not leave the old results under the new filters with nothing said.
 */
class SearchPageBrowserIntegrationTests extends SignedInPageTest {

    @Test
    void aFilterTickedWhileTheDirectoryDoesNotAnswerShowsTheTryAgainPageForThatSearch() throws IOException {
        try (TestBrowser browser = TestBrowser.start("search.shots")) {
            tickAFilterWhileTheDirectoryIsDown(browser, browser.driver());
        }
    }

    private static void tickAFilterWhileTheDirectoryIsDown(TestBrowser browser, ChromeDriver driver) throws IOException {
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH);
        driver.get(SITE + "/lang/en?next=/search?q=green");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Find suppliers");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript("return !!window.htmx;")));

        SERVICES.problem("/api/v1/directory/search", 503, "service-unavailable");
        driver.findElement(By.cssSelector("input[type=checkbox][name=industry][value=C]")).click();

        heading(driver, "Temporarily unavailable");
        assertThat(driver.getCurrentUrl()).as("the search that failed, so that trying again repeats it")
                .startsWith(SITE + "/search?").contains("q=green", "industry=C");
        assertThat(driver.findElement(By.linkText("Try again")).getAttribute("href")).contains("industry=C");
        browser.look(null, "search-failed", "en", 1280, null);

        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH);
        driver.findElement(By.linkText("Try again")).click();
        heading(driver, "Find suppliers");
        assertThat(driver.findElement(By.cssSelector("input[name=industry][value=C]")).isSelected()).isTrue();
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }

    /** Waits for the page (the next one, after a navigation) whose heading is {@code text}. */
    private static void heading(ChromeDriver driver, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().equals(text));
    }
}
