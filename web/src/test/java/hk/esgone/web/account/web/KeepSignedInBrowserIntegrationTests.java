package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * renewal margin, so every keep-alive renews them and the renewal shows in the session.
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
