package hk.esgone.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import hk.esgone.testsupport.web.TestWebClients;

/**
 * {@code /actuator/health} of an application on the embedded MongoDB-wire server (what development and the
 * tests use): UP while the database answers — Spring Boot's own check sent {@code hello}, which this server
 * rejects, so it said DOWN — and DOWN once the database is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = MongoHealthIntegrationTests.TestApp.class,
        properties = {"esg.security.issuer=http://keycloak.invalid/realms/esg-one",
                "management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always",
                "esg.health.mongo-timeout=2s"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MongoHealthIntegrationTests {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MONGO.bind("127.0.0.1", 0);
        InetSocketAddress address = MONGO.getLocalAddress();
        // a short server selection, so that the outage test does not wait the driver's default 30 s
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort() + "/health-tests?serverSelectionTimeoutMS=2000");
    }

    @AfterAll
    static void stop() {
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = TestWebClients.unpooled(port);
    }

    @Test
    @Order(1)
    void upWhileTheEmbeddedDatabaseAnswers() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.database").isEqualTo("health-tests");
    }

    @Test
    @Order(2)
    void downOnceTheDatabaseIsUnreachable() {
        MONGO.shutdownNow();

        web.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.mongo.status").isEqualTo("DOWN");
    }

    @Test
    @Order(3)
    void aRequestThatNeedsTheUnreachableDatabaseGetsATryAgainProblemNotAServerError() {
        MONGO.shutdownNow();

        web.get().uri("/things").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/store-unavailable"))
                .jsonPath("$.detail").isEqualTo("The service cannot reach its database right now. Try again shortly.")
                .jsonPath("$.correlationId").exists();
    }

    @SpringBootApplication
    @org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity
    static class TestApp {

        @Bean
        RouterFunction<ServerResponse> things(ReactiveMongoTemplate mongo) {
            return RouterFunctions.route().GET("/things", request -> mongo.findAll(Document.class, "things").collectList()
                    .flatMap(all -> ServerResponse.ok().bodyValue(all.size()))).build();
        }

        @Bean
        SecurityWebFilterChain openChain(ServerHttpSecurity http) {
            return http.authorizeExchange(a -> a.anyExchange().permitAll()).csrf(ServerHttpSecurity.CsrfSpec::disable).build();
        }
    }
}
