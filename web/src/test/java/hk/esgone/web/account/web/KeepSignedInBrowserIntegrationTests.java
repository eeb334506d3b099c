package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.TestBrowser;
import hk.esgone.web.support.Traffic;

/**
 * Someone writing a long form (here a partner's offer) for longer than the portal's and Keycloak's idle timeouts
 * would lose it when sending it. While they type, site.js tells the portal (at most once per the form's
 * {@code data-keep-signed-in} seconds; shortened to one second here), and the portal renews the person's tokens at
 * Keycloak when due, which keeps both sessions alive. Access tokens live 20 s in this test, less than the portal's
 * renewal margin, so every keep-alive renews them and the renewal shows in the session. Someone who stopped typing and
 * sends the form after the sessions ended signs in again and finds the form filled in as they sent it.
 */
class KeepSignedInBrowserIntegrationTests extends SignedInPageTest {

    private static TestBrowser browser;
    private static ChromeDriver driver;

    @Autowired
    WebSessionManager sessions;

    @BeforeAll
    static void shortTokensAndABrowser() throws IOException {
        // restored with the rest of the client by SignedInPageTest
        TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID, client -> client.withObject("attributes").put("access.token.lifespan", "20"));
        browser = TestBrowser.start("keep.shots");
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOutEverywhere() {
        // the portal's and Keycloak's cookies (Keycloak's are on its realm's path, out of reach of deleteAllCookies)
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void typingInALongFormRenewsTheSessionAtKeycloakAndSendsNothingElse() {
        SERVICES.json("/api/v1/directory/taxonomies", Fixtures.TAXONOMIES);
        browser.signIn(SITE, "/workspace/partner/offers/new", TestKeycloak.PARTNER);
        driver.get(SITE + "/workspace/partner/offers/new");
        driver.executeScript("document.querySelector('form[data-keep-signed-in]').setAttribute('data-keep-signed-in', '1')");
        List<String> atLoad = accessTokens();
        assertThat(atLoad).isNotEmpty();

        sleep(1_500);
        assertThat(accessTokens()).as("not typing: nothing renewed").isEqualTo(atLoad);

        driver.findElement(By.id("titleEn")).sendKeys("Green loan rebate");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !atLoad.containsAll(accessTokens()));
        assertThat(accessTokens()).hasSameSizeAs(atLoad).as("the person's token renewed, not added").isNotEqualTo(atLoad);
        assertThat(driver.getCurrentUrl()).isEqualTo(SITE + "/workspace/partner/offers/new");
        assertThat(driver.findElement(By.id("titleEn")).getDomProperty("value")).isEqualTo("Green loan rebate");
        assertThat(SERVICES.calls()).as("nothing sent to the services").allMatch(call -> call.method().equals("GET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-Hant"})
    void aFormSentAfterTheSessionsEndedIsFilledInAgainWhenThePersonComesBackFromSigningIn(String lang) throws IOException {
        SERVICES.json("/api/v1/directory/taxonomies", Fixtures.TAXONOMIES);
        driver.get(SITE + "/lang/" + lang + "?next=/");
        browser.signIn(SITE, "/workspace/partner/offers/new", TestKeycloak.PARTNER);
        driver.get(SITE + "/workspace/partner/offers/new");
        driver.findElement(By.id("titleEn")).sendKeys("Green loan rebate");
        driver.findElement(By.id("titleZh")).sendKeys("綠色貸款回贈");
        driver.findElement(By.id("descriptionEn")).sendKeys("A rebate on green loans.\nFor listed SMEs.");
        new Select(driver.findElement(By.id("category"))).selectByValue("BANKING_AND_FINANCE");
        driver.findElement(By.cssSelector("input[name=industries][value=C]")).click();
        driver.findElement(By.cssSelector("input[name=method][value=LINK]")).click();
        String version = driver.findElement(By.name("version")).getDomProperty("value");

        // away for longer than the idle timeouts: the portal's session and Keycloak's both ended
        driver.manage().deleteCookieNamed("ESG_SESSION");
        TestKeycloak.endSessions(TestKeycloak.PARTNER);
        driver.findElement(By.cssSelector("button[name=action][value=save]")).click();
        browser.completeSignIn(SITE, TestKeycloak.PARTNER);

        assertThat(driver.getCurrentUrl()).isEqualTo(SITE + "/workspace/partner/offers/new");
        assertThat(driver.findElement(By.cssSelector("p.form-sent-again")).getText())
                .startsWith(lang.equals("en") ? "You are signed in again." : "您已重新登入。");
        assertThat(driver.findElement(By.id("titleEn")).getDomProperty("value")).isEqualTo("Green loan rebate");
        assertThat(driver.findElement(By.id("titleZh")).getDomProperty("value")).isEqualTo("綠色貸款回贈");
        assertThat(driver.findElement(By.id("descriptionEn")).getDomProperty("value")).isEqualTo("A rebate on green loans.\nFor listed SMEs.");
        assertThat(new Select(driver.findElement(By.id("category"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("BANKING_AND_FINANCE");
        assertThat(driver.findElement(By.cssSelector("input[name=industries][value=C]")).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("input[name=method][value=LINK]")).isSelected()).isTrue();
        assertThat(driver.findElement(By.name("version")).getDomProperty("value")).as("hidden fields stay the page's").isEqualTo(version);
        assertThat(driver.manage().getCookieNamed("form-sent")).as("used once").isNull();
        assertThat(SERVICES.calls()).as("nothing sent to the services").allMatch(call -> call.method().equals("GET"));
        browser.look(null, "form-sent-again", lang, 1280, null);
        browser.look(null, "form-sent-again", lang, 360, null);
        assertThat(browser.axeFindings()).isEmpty();
        driver.manage().window().setSize(new Dimension(1280, 1000));

        // only the page right after that sign-in gets them back
        driver.navigate().refresh();
        assertThat(driver.findElement(By.id("titleEn")).getDomProperty("value")).isEmpty();
        assertThat(driver.findElements(By.cssSelector("p.form-sent-again"))).isEmpty();
    }

    @Test
    void aFormSentWhileSignedInIsNotFilledInAgainOnItsAnswerOrLater() {
        SERVICES.json("/api/v1/directory/taxonomies", Fixtures.TAXONOMIES);
        SERVICES.answer("POST", "/api/v1/offers/partner/offers", 422, """
                {"type":"https://esg-one.hk/problems/validation","title":"Invalid","status":422,
                 "errors":[{"field":"value","message":"must be a number"}]}""");
        browser.signIn(SITE, "/workspace/partner/offers/new", TestKeycloak.PARTNER);
        driver.get(SITE + "/workspace/partner/offers/new");
        driver.findElement(By.id("titleEn")).sendKeys("Green loan rebate");
        driver.findElement(By.cssSelector("button[name=action][value=save]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".errors, [aria-invalid=true]")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("p.form-sent-again"))).as("the form's own answer, no sign-in between").isEmpty();

        driver.get(SITE + "/workspace/partner/offers/new");
        assertThat(driver.findElement(By.id("titleEn")).getDomProperty("value")).isEmpty();
        assertThat(driver.findElements(By.cssSelector("p.form-sent-again"))).isEmpty();

        // what the tab keeps, in a shape site.js never writes, with the cookie: nothing put back, no script error
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.pageErrors = []; addEventListener('error', e => window.pageErrors.push(String(e.message)));"));
        driver.executeScript("sessionStorage.setItem('esg-form-sent', JSON.stringify({page: location.pathname, "
                + "action: '/workspace/partner/offers/new', at: Date.now(), fields: 7})); document.cookie = 'form-sent=1; Path=/';");
        driver.navigate().refresh();
        assertThat(driver.findElements(By.cssSelector("p.form-sent-again"))).isEmpty();
        assertThat(driver.executeScript("return window.pageErrors")).asList().isEmpty();
        assertThat(driver.manage().getCookieNamed("form-sent")).isNull();
    }

    @Test
    void theKeepAliveIsForSignedInPeopleWithTheFormsToken() {
        Traffic signedIn = signedIn(TestKeycloak.PARTNER, "/account");
        String token = Traffic.csrfToken(signedIn.get(SITE + "/account"));

        assertThat(signedIn.postForm(SITE + "/account/keep-signed-in", Map.of("_csrf", token)).status()).isEqualTo(204);
        assertThat(signedIn.postForm(SITE + "/account/keep-signed-in", Map.of("_csrf", "not-the-token")).status()).isEqualTo(403);
        Traffic anonymous = new Traffic();
        String anonymousToken = Traffic.csrfToken(anonymous.get(SITE + "/check"));
        Traffic.Answer refused = anonymous.postForm(SITE + "/account/keep-signed-in", Map.of("_csrf", anonymousToken));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).isEqualTo("/oauth2/authorization/keycloak");
    }

    /** The access tokens held in the portal's sessions (in memory in this test). */
    private List<String> accessTokens() {
        List<String> tokens = new ArrayList<>();
        var memory = (InMemoryWebSessionStore) ((DefaultWebSessionManager) sessions).getSessionStore();
        memory.getSessions().values().forEach(session -> session.getAttributes().values().forEach(value -> {
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> {
                    if (v instanceof OAuth2AuthorizedClient client) {
                        tokens.add(client.getAccessToken().getTokenValue());
                    }
                });
            }
        }));
        return tokens;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
