package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.Traffic;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Keycloak's login page works for the browser, but the portal cannot reach Keycloak over its back channel
 * (its address for Keycloak names a port where nothing listens: a network policy, Keycloak restarting): the person
 * who just typed their password gets "try again", which starts a new sign-in, not a broken page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SignInKeycloakUnreachableIntegrationTests {

    static final int PORT = freePort();
    static final String SITE = "http://localhost:" + PORT;
    static final FakeServices SERVICES = new FakeServices();
    static ObjectNode clientBefore;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("esg.web.public-url", () -> SITE);
        registry.add("esg.web.keycloak.url", () -> "http://127.0.0.1:" + freePort());
        registry.add("esg.web.keycloak.issuer", TestKeycloak::issuer);
        registry.add("esg.security.issuer", TestKeycloak::issuer);
        registry.add("esg.web.directory-url", SERVICES::url);
        registry.add("esg.web.offers-url", SERVICES::url);
        registry.add("esg.web.badge-url", SERVICES::url);
        registry.add("esg.web.assessment-url", SERVICES::url);
    }

    @BeforeAll
    static void allowThisPortalAtKeycloak() {
        clientBefore = TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID,
                client -> client.withArray("redirectUris").add(SITE + "/login/oauth2/code/keycloak"));
    }

    @AfterAll
    static void restoreKeycloak() {
        if (clientBefore != null) {
            TestKeycloak.restoreClient(clientBefore);
        }
        SERVICES.close();
    }

    @Test
    void signingInWhileThePortalCannotReachKeycloakIsATryAgainPageThatStartsANewSignIn() {
        Traffic browser = new Traffic();

        Traffic.Answer answer = browser.signIn(SITE + "/sign-in?next=/account", TestKeycloak.SME, TestKeycloak.DEMO_PASSWORD);

        assertThat(answer.uri().getPath()).startsWith("/login/oauth2/code/keycloak");
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("Temporarily unavailable", "href=\"/sign-in\"", "Sign in")
                .doesNotContain("Exception", "Connection refused", "127.0.0.1");
        // "try again": a new sign-in at Keycloak (its session remembers the person), whose code the portal again cannot use
        Traffic.Answer again = browser.follow(browser.get(SITE + "/sign-in"));
        assertThat(again.status()).isEqualTo(503);
        assertThat(again.uri().getPath()).startsWith("/login/oauth2/code/keycloak");
        assertThat(SERVICES.calls()).as("no service was called without a person").isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
