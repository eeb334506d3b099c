package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.Traffic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sign-in through the real Keycloak, as a browser does it: the portal sends the browser to Keycloak's login page
 * with a PKCE challenge, Keycloak's form is filled in and posted, the portal exchanges the code over its back
 * channel, keeps the tokens in its session, calls the services with the person's token (refreshing it when it
 * expires), and signs out at Keycloak too. Every answer the "browser" received is then searched for the tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInIntegrationTests {

    static final int PORT = freePort();
    static final String SITE = "http://localhost:" + PORT;
    static final FakeServices SERVICES = new FakeServices();
    static ObjectNode clientBefore;

    @Autowired
    WebSessionManager sessions;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("esg.web.public-url", () -> SITE);
        registry.add("esg.web.keycloak.url", TestKeycloak::url);
        registry.add("esg.web.keycloak.issuer", TestKeycloak::issuer);
        registry.add("esg.security.issuer", TestKeycloak::issuer);
        registry.add("esg.web.directory-url", SERVICES::url);
        registry.add("esg.web.offers-url", SERVICES::url);
        registry.add("esg.web.badge-url", SERVICES::url);
        registry.add("esg.web.assessment-url", SERVICES::url);
    }

    @BeforeAll
    static void allowThisPortalAtKeycloak() {
        // as an operator registers a portal's address; access tokens live 20 s, less than the portal's 30 s
        // refresh margin, so every use of a token refreshes it first
        clientBefore = TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID, client -> {
            client.withArray("redirectUris").add(SITE + "/login/oauth2/code/keycloak");
            ObjectNode attributes = client.withObject("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString("") + "##" + SITE + "/");
            attributes.put("access.token.lifespan", "20");
        });
    }

    @BeforeEach
    void theDirectoryKnowsTheSme() {
        SERVICES.reset();
        SERVICES.json("/api/v1/directory/me", """
                {"subject":"x","username":"sme@demo.esg-one.test","roles":["sme"],"companyIds":["cmp-demo-supplier"]}""");
        SERVICES.json("/api/v1/directory/applications/mine", """
                [{"id":"cmp-demo-supplier","status":"PUBLISHED","name":{"en":"Demo Green Packaging Ltd"},"owner":{}},
                 {"id":"cmp-second-try","status":"REJECTED","name":{"en":"Second Try Ltd"},
                  "owner":{"reviewDecision":"REJECTED","reviewReason":"The BR number <b>does not</b> match"}}]""");
    }

    @AfterAll
    static void restoreKeycloak() {
        if (clientBefore != null) {
            TestKeycloak.restoreClient(clientBefore);
        }
        SERVICES.close();
    }

    @Test
    void signsInWithPkceKeepsTokensOnTheServerRefreshesThemAndSignsOutAtKeycloak() {
        Traffic browser = new Traffic();

        Traffic.Answer toKeycloak = browser.get(SITE + "/oauth2/authorization/keycloak");
        assertThat(toKeycloak.status()).isEqualTo(302);
        assertThat(toKeycloak.location()).startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth?")
                .contains("client_id=esg-portal", "code_challenge=", "code_challenge_method=S256", "response_type=code");

        Traffic.Answer account = browser.signIn(SITE + "/sign-in?next=/account", TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);
        assertThat(account.uri().toString()).isEqualTo(SITE + "/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("sme@demo.esg-one.test", "SME", "href=\"/companies/cmp-demo-supplier\"", "Sign out")
                .contains("My company applications", "Approved and listed in the directory.", "Second Try Ltd", "Not approved.",
                        "The BR number &lt;b&gt;does not&lt;/b&gt; match");

        Traffic.Answer refreshed = browser.get(SITE + "/account");
        assertThat(refreshed.body()).as("after a refresh the portal still knows the person's role and company")
                .contains("href=\"/workspace/badges\"");
        List<String> sentTokens = SERVICES.calls().stream().filter(c -> c.pathAndQuery().equals("/api/v1/directory/me"))
                .map(c -> c.authorization()).toList();
        assertThat(sentTokens).hasSize(2).allMatch(h -> h != null && h.startsWith("Bearer "));
        JsonNode first = claims(sentTokens.get(0).substring(7));
        JsonNode second = claims(sentTokens.get(1).substring(7));
        assertThat(first.path("iss").asString()).isEqualTo(TestKeycloak.issuer());
        assertThat(first.path("azp").asString()).isEqualTo("esg-portal");
        assertThat(first.path("aud").toString()).contains("esg-api");
        assertThat(second.path("jti").asString()).as("the second page used a refreshed token").isNotEqualTo(first.path("jti").asString());

        List<String> secrets = new ArrayList<>(tokensInSessions());
        sentTokens.forEach(h -> secrets.add(h.substring(7)));
        assertThat(secrets).as("access and refresh tokens held for the person").hasSizeGreaterThanOrEqualTo(3);

        Traffic.Answer signOut = browser.postForm(SITE + "/sign-out", Map.of("_csrf", Traffic.csrfToken(account)));
        assertThat(signOut.status()).isEqualTo(302);
        assertThat(java.net.URLDecoder.decode(signOut.location(), StandardCharsets.UTF_8))
                .startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=" + SITE + "/");
        Traffic.Answer home = browser.follow(signOut);
        assertThat(home.uri()).isEqualTo(URI.create(SITE + "/"));

        for (Traffic.Answer answer : browser.answers()) {
            if (answer.uri().getPort() != PORT) {
                continue; // Keycloak's own pages
            }
            for (String secret : secrets) {
                assertThat(answer.everything()).as("%s %s sent a token to the browser", answer.method(), answer.uri())
                        .doesNotContain(secret);
            }
        }

        // signed out here and at Keycloak: the account page asks for the password again instead of an SSO return
        Traffic.Answer again = browser.follow(browser.get(SITE + "/account"));
        assertThat(again.uri().toString()).startsWith(TestKeycloak.url());
        assertThat(again.body()).contains("kc-form-login");
    }

    @Test
    void aSignOutFormWithAForeignCsrfTokenIsRefusedAndTheSessionStays() {
        Traffic browser = new Traffic();
        Traffic.Answer account = browser.signIn(SITE + "/sign-in?next=/account", TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);
        assertThat(account.status()).isEqualTo(200);

        assertThat(account.uri().toString()).isEqualTo(SITE + "/account");
        Traffic.Answer refused = browser.postForm(SITE + "/sign-out", Map.of("_csrf", "not-the-token"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
        assertThat(browser.get(SITE + "/account").status()).isEqualTo(200);
    }

    @Test
    void aPersonSignedOutAtKeycloakIsAskedToSignInAgainAndComesBackToThePage() {
        Traffic browser = new Traffic();
        assertThat(browser.signIn(SITE + "/sign-in?next=/account", TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD).status()).isEqualTo(200);
        // an administrator ended the person's sessions (or Keycloak's idle timeout did): the refresh token is refused
        TestKeycloak.endSessions(TestKeycloak.SME);

        Traffic.Answer account = browser.get(SITE + "/account");

        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth?").endsWith("&ui_locales=en");
        Traffic.Answer back = browser.signIn(account.location(), TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);
        assertThat(back.uri().toString()).isEqualTo(SITE + "/account");
        assertThat(back.status()).isEqualTo(200);
    }

    @Test
    void aFormSentAfterTheSessionsEndedLeadsToSignInAndBackToThePageItWasOnWithNothingSent() {
        Traffic browser = new Traffic();
        Traffic.Answer account = browser.signIn(SITE + "/sign-in?next=/account", TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);
        String csrf = Traffic.csrfToken(account);
        TestKeycloak.endSessions(TestKeycloak.SME);

        // Keycloak's session ended, the portal's still there: the claim cannot be sent with the person's token
        Traffic.Answer claim = browser.postFields(SITE + "/workspace/offers/off-green-loan/claim",
                List.of("_csrf", csrf, "key", java.util.UUID.randomUUID().toString()),
                Map.of("Referer", SITE + "/offers/off-green-loan?lang=en"));
        assertThat(claim.status()).isEqualTo(302);
        assertThat(claim.location()).startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth?");
        // for site.js, which fills the form in again on the page the person comes back to (not HttpOnly; no secret in it)
        assertThat(claim.headers().getOrDefault("set-cookie", List.of())).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("form-sent=1;").contains("Path=/", "Max-Age=1800", "SameSite=Lax").doesNotContainIgnoringCase("HttpOnly"));
        Traffic.Answer back = browser.signIn(claim.location(), TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);
        assertThat(back.uri().toString()).as("the offer's page, where the claim button is").isEqualTo(SITE + "/offers/off-green-loan?lang=en");

        // the portal's session ended too (no session cookie; the form's CSRF cookie still there)
        Traffic anonymous = new Traffic();
        String anonymousCsrf = Traffic.csrfToken(anonymous.get(SITE + "/check"));
        Traffic.Answer again = anonymous.postFields(SITE + "/workspace/offers/off-green-loan/claim",
                List.of("_csrf", anonymousCsrf, "key", java.util.UUID.randomUUID().toString()),
                Map.of("Referer", SITE + "/offers/off-green-loan"));
        assertThat(again.status()).isEqualTo(302);
        Traffic.Answer backAgain = anonymous.signIn(SITE + again.location(), TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);
        assertThat(backAgain.uri().toString()).isEqualTo(SITE + "/offers/off-green-loan");
        assertThat(again.headers().getOrDefault("set-cookie", List.of())).anyMatch(cookie -> cookie.startsWith("form-sent=1;"));
        // a page opened (not a form sent) while signed out: nothing to fill in
        Traffic.Answer page = new Traffic().get(SITE + "/account");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().getOrDefault("set-cookie", List.of())).noneMatch(cookie -> cookie.startsWith("form-sent="));

        assertThat(SERVICES.calls()).as("no claim was sent").noneMatch(call -> call.method().equals("POST"));
    }

    @Test
    void whenKeycloakRefusesThePortalItselfSignedInPeopleGetTryAgainAndKeepTheirSession() {
        Traffic browser = new Traffic();
        assertThat(browser.signIn(SITE + "/sign-in?next=/account", TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD).status()).isEqualTo(200);
        // an operator changed the portal's client secret at Keycloak before giving it to the portal: every refresh is refused
        ObjectNode before = TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID, client -> client.put("secret", "rotated-elsewhere"));
        Traffic.Answer account;
        try {
            account = browser.get(SITE + "/account");
        } finally {
            TestKeycloak.restoreClient(before);
        }

        assertThat(account.status()).isEqualTo(503);
        assertThat(account.body()).contains("Temporarily unavailable", "Try again").doesNotContain("Exception", "invalid_client");
        // the secret is right again: the same session goes on, no new sign-in
        Traffic.Answer again = browser.get(SITE + "/account");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("sme@demo.esg-one.test");
    }

    /** Every token value the portal holds in its sessions (in memory in this test). */
    private List<String> tokensInSessions() {
        List<String> tokens = new ArrayList<>();
        var store = ((DefaultWebSessionManager) sessions).getSessionStore();
        var memory = (org.springframework.web.server.session.InMemoryWebSessionStore) store;
        memory.getSessions().values().forEach(session -> session.getAttributes().values().forEach(value -> {
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(v -> {
                    if (v instanceof OAuth2AuthorizedClient client) {
                        tokens.add(client.getAccessToken().getTokenValue());
                        if (client.getRefreshToken() != null) {
                            tokens.add(client.getRefreshToken().getTokenValue());
                        }
                    }
                });
            }
        }));
        return tokens;
    }

    static JsonNode claims(String jwt) {
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
