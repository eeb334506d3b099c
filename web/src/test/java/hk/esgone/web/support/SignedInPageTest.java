package hk.esgone.web.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal on a fixed free port, signed in through the real Keycloak (its login form, as {@link Traffic} fills it
 * in), with its three services replaced by one {@link FakeServices}: for pages that belong to a signed-in person.
 * The realm's portal client is told this portal's address (redirect and sign-out URIs) and restored afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class SignedInPageTest {

    protected static final int PORT = freePort();
    protected static final String SITE = "http://localhost:" + PORT;
    protected static final FakeServices SERVICES = new FakeServices();
    private static ObjectNode clientBefore;

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
        clientBefore = TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID, client -> {
            client.withArray("redirectUris").add(SITE + "/login/oauth2/code/keycloak");
            ObjectNode attributes = client.withObject("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString("") + "##" + SITE + "/");
        });
    }

    @AfterAll
    static void restoreKeycloak() {
        if (clientBefore != null) {
            TestKeycloak.restoreClient(clientBefore);
            clientBefore = null;
        }
    }

    @BeforeEach
    void freshServices() {
        SERVICES.reset();
    }

    /** A browser signed in as {@code username} (password {@link TestKeycloak#DEMO_PASSWORD}), back on {@code page}. */
    protected static Traffic signedIn(String username, String page) {
        Traffic browser = new Traffic();
        Traffic.Answer landed = browser.signIn(SITE + "/sign-in?next=" + page, username, TestKeycloak.DEMO_PASSWORD);
        if (!landed.uri().toString().startsWith(SITE)) {
            throw new AssertionError("sign-in as " + username + " did not return to the portal: " + landed.uri());
        }
        return browser;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
