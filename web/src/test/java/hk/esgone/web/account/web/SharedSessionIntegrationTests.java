package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.redis.TestRedis;
import hk.esgone.web.WebApplication;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.Traffic;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two portal replicas sharing their sessions in a real Redis (esg.web.session.store=redis), as behind a load
 * balancer: signed in on one, the person is signed in on the other, which calls the services with the person's
 * token from the shared session; signed out on the second, the first no longer knows them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedSessionIntegrationTests {

    static final TestRedis REDIS = new TestRedis();
    static final FakeServices SERVICES = new FakeServices();
    static final int PORT_A = freePort();
    static final int PORT_B = freePort();
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static ObjectNode clientBefore;

    @BeforeAll
    static void startTwoReplicas() {
        REDIS.start();
        clientBefore = TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID, client -> {
            client.withArray("redirectUris").add(site(PORT_A) + "/login/oauth2/code/keycloak");
            ObjectNode attributes = client.withObject("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString("")
                    + "##" + site(PORT_A) + "/##" + site(PORT_B) + "/");
        });
        SERVICES.json("/api/v1/directory/me", """
                {"subject":"x","username":"partner@demo.esg-one.test","roles":["partner"],"companyIds":["cmp-demo-partner"]}""");
        first = replica(PORT_A);
        second = replica(PORT_B);
    }

    @AfterAll
    static void stopThem() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        if (clientBefore != null) {
            TestKeycloak.restoreClient(clientBefore);
        }
        SERVICES.close();
        REDIS.close();
    }

    @Test
    @Order(1)
    void aPersonSignedInOnOneReplicaIsSignedInOnTheOtherAndSignsOutOfBoth() {
        Traffic browser = new Traffic();
        Traffic.Answer onFirst = browser.signIn(site(PORT_A) + "/sign-in?next=/account", TestKeycloak.PARTNER, TestKeycloak.DEMO_PASSWORD);
        assertThat(onFirst.uri().toString()).as("back on the page that asked for sign-in").isEqualTo(site(PORT_A) + "/account");
        assertThat(onFirst.body()).contains("partner@demo.esg-one.test");

        SERVICES.reset();
        SERVICES.json("/api/v1/directory/me", """
                {"subject":"x","username":"partner@demo.esg-one.test","roles":["partner"],"companyIds":["cmp-demo-partner"]}""");
        Traffic.Answer onSecond = browser.get(site(PORT_B) + "/account");
        assertThat(onSecond.status()).as("the second replica knows the session").isEqualTo(200);
        assertThat(onSecond.body()).contains("partner@demo.esg-one.test", "href=\"/companies/cmp-demo-partner\"");
        List<FakeServices.Call> calls = SERVICES.calls();
        assertThat(calls).anyMatch(c -> c.pathAndQuery().equals("/api/v1/directory/me")
                && c.authorization() != null && c.authorization().startsWith("Bearer ey"));

        Traffic.Answer signOut = browser.postForm(site(PORT_B) + "/sign-out", Map.of("_csrf", Traffic.csrfToken(onSecond)));
        assertThat(signOut.status()).isEqualTo(302);
        browser.follow(signOut);

        Traffic.Answer firstAgain = browser.get(site(PORT_A) + "/account");
        assertThat(firstAgain.status()).as("signed out on every replica").isEqualTo(302);
        assertThat(firstAgain.location()).isEqualTo("/oauth2/authorization/keycloak");
    }

    @Test
    @Order(2)
    void whenRedisIsDownSignedInPagesSayTryAgainAndPublicPagesStillWork() {
        Traffic browser = new Traffic();
        assertThat(browser.signIn(site(PORT_A) + "/sign-in?next=/account", TestKeycloak.PARTNER, TestKeycloak.DEMO_PASSWORD).status())
                .isEqualTo(200);
        REDIS.close();

        long started = System.nanoTime();
        Traffic.Answer account = browser.get(site(PORT_A) + "/account");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("an answer, not a wait for Redis").isLessThan(Duration.ofSeconds(20));
        assertThat(account.status()).isEqualTo(503);
        assertThat(account.body()).contains("Please try again").doesNotContain("Exception", "at org.", "at io.");
        Traffic.Answer signIn = new Traffic().get(site(PORT_B) + "/oauth2/authorization/keycloak");
        assertThat(signIn.status()).as("signing in needs the session store too").isEqualTo(503);

        Traffic.Answer check = new Traffic().get(site(PORT_B) + "/check");
        assertThat(check.status()).as("public pages need no session").isEqualTo(200);
    }

    private static ConfigurableApplicationContext replica(int port) {
        return new SpringApplicationBuilder(WebApplication.class).run(
                "--server.port=" + port,
                "--esg.web.public-url=" + site(PORT_A),
                "--esg.web.keycloak.url=" + TestKeycloak.url(),
                "--esg.web.keycloak.issuer=" + TestKeycloak.issuer(),
                "--esg.security.issuer=" + TestKeycloak.issuer(),
                "--esg.web.directory-url=" + SERVICES.url(),
                "--esg.web.offers-url=" + SERVICES.url(),
                "--esg.web.badge-url=" + SERVICES.url(),
                "--esg.web.assessment-url=" + SERVICES.url(),
                "--esg.web.session.store=redis",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + REDIS.port());
    }

    private static String site(int port) {
        return "http://localhost:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
