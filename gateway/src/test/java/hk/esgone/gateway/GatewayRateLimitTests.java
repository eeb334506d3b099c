package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Request budgets with small settings: 3 requests at once per client address, 2 per token subject, each
 * refilled at one a minute. The test client at 127.0.0.1 plays the trusted proxy; one at 127.0.0.2 a client
 * that connects directly.
 */
@TestPropertySource(properties = {
        "esg.gateway.forwarding.trusted-proxies=127\\.0\\.0\\.1",
        "esg.gateway.rate-limit.anonymous.requests=1", "esg.gateway.rate-limit.anonymous.period=1m",
        "esg.gateway.rate-limit.anonymous.burst=3",
        "esg.gateway.rate-limit.authenticated.requests=1", "esg.gateway.rate-limit.authenticated.period=1m",
        "esg.gateway.rate-limit.authenticated.burst=2"})
class GatewayRateLimitTests extends AbstractGatewayTests {

    static final String PATH = "/api/v1/directory/companies";

    private WebTestClient.ResponseSpec getVia(String forwardedFor) {
        return client.get().uri(PATH).header("X-Forwarded-For", forwardedFor).exchange();
    }

    static void assertRateLimited(WebTestClient.ResponseSpec response) {
        response.expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertProblem(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", PATH);
    }

    @Test
    void anAnonymousClientGetsItsBurstThenA429ProblemWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            getVia("198.51.100.1").expectStatus().isOk();
        }

        assertRateLimited(getVia("198.51.100.1"));
        assertThat(DIRECTORY.hits(PATH)).as("the refused request never reached the service").isEqualTo(3);
    }

    @Test
    void eachClientBehindTheTrustedProxyHasItsOwnBudgetAndCannotHideBehindForgedEntries() {
        for (int i = 0; i < 3; i++) {
            getVia("198.51.100.2").expectStatus().isOk();
        }
        assertRateLimited(getVia("198.51.100.2"));

        getVia("198.51.100.3").expectStatus().isOk();
        // the proxy appends the address it saw; what the client wrote further left does not count
        assertRateLimited(getVia("203.0.113.99, 198.51.100.2"));
    }

    @Test
    void aClientThatConnectsDirectlyCannotEscapeItsBudgetByForgingXForwardedFor() {
        WebTestClient direct = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())
                        .bindAddress(() -> new InetSocketAddress("127.0.0.2", 0))))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();

        for (int i = 0; i < 3; i++) {
            direct.get().uri(PATH).header("X-Forwarded-For", "192.0.2." + i).exchange().expectStatus().isOk();
        }

        assertRateLimited(direct.get().uri(PATH).header("X-Forwarded-For", "192.0.2.200").exchange());
    }

    @Test
    void aSignedInCallerHasABudgetPerSubjectNotPerAddress() {
        for (int i = 0; i < 3; i++) {
            getVia("198.51.100.4").expectStatus().isOk();
        }
        assertRateLimited(getVia("198.51.100.4"));

        // same address, with a token: the subject's own budget (2)
        for (int i = 0; i < 2; i++) {
            client.get().uri(PATH).header("X-Forwarded-For", "198.51.100.4")
                    .header(HttpHeaders.AUTHORIZATION, bearer(smeToken())).exchange().expectStatus().isOk();
        }
        // from another address, the same subject is still over its budget
        assertRateLimited(client.get().uri(PATH).header("X-Forwarded-For", "198.51.100.5")
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken())).exchange());
        // another subject is not
        client.get().uri(PATH).header("X-Forwarded-For", "198.51.100.4")
                .header(HttpHeaders.AUTHORIZATION, bearer(adminToken())).exchange().expectStatus().isOk();
    }
}
