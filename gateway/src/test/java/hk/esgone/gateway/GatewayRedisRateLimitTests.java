package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.redis.TestRedis;
import hk.esgone.testsupport.web.TestWebClients;

/**
 * Shared budgets in a real Redis ({@code redis-server} from the Debian package, started here on a free loopback
 * port without persistence): two gateway instances draw on one budget, and when Redis goes away each instance
 * falls back to its own in-memory budget instead of failing. Skipped where {@code redis-server} is not
 * installed (CI installs it: .ci/run).
 */
@TestPropertySource(properties = {
        "esg.gateway.rate-limit.anonymous.requests=1", "esg.gateway.rate-limit.anonymous.period=1m",
        "esg.gateway.rate-limit.anonymous.burst=3",
        "esg.gateway.rate-limit.authenticated.requests=1", "esg.gateway.rate-limit.authenticated.period=1m",
        "esg.gateway.rate-limit.authenticated.burst=2",
        // generous for a busy build machine; the default is 250ms
        "esg.gateway.rate-limit.redis-timeout=2s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayRedisRateLimitTests extends AbstractGatewayTests {

    static final String PATH = "/api/v1/directory/companies";
    static final TestRedis REDIS = new TestRedis();
    static final int REDIS_PORT = REDIS.port();

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
        registry.add("spring.data.redis.timeout", () -> "500ms");
    }

    @BeforeAll
    static void startRedis() {
        REDIS.start();
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    @Order(1)
    void twoGatewayInstancesShareOneBudget() {
        ConfigurableApplicationContext second = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--esg.security.issuer=" + KEYCLOAK.issuer(),
                "--esg.gateway.services.directory.url=" + DIRECTORY.url(), "--esg.gateway.services.offers.url=" + OFFERS.url(),
                "--esg.gateway.services.badge.url=" + BADGE.url(),
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + REDIS_PORT,
                "--esg.gateway.rate-limit.anonymous.requests=1", "--esg.gateway.rate-limit.anonymous.burst=3",
                "--esg.gateway.rate-limit.redis-timeout=2s");
        try {
            WebTestClient other = TestWebClients.unpooled(((WebServerApplicationContext) second).getWebServer().getPort());

            client.get().uri(PATH).exchange().expectStatus().isOk();
            client.get().uri(PATH).exchange().expectStatus().isOk();
            other.get().uri(PATH).exchange().expectStatus().isOk();

            GatewayRateLimitTests.assertRateLimited(other.get().uri(PATH).exchange());
            GatewayRateLimitTests.assertRateLimited(client.get().uri(PATH).exchange());
            assertThat(DIRECTORY.hits(PATH)).isEqualTo(3);
        } finally {
            second.close();
        }
    }

    @Test
    @Order(2)
    void withRedisGoneTheLimitsHoldPerInstanceAndNothingFails() throws InterruptedException {
        REDIS.close();

        String token = bearer(smeToken());
        client.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk();
        client.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk();
        GatewayRateLimitTests.assertRateLimited(client.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, token).exchange());
    }
}
