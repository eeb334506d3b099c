package hk.esgone.web.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal on a random port, its three services replaced by one {@link FakeServices}; Keycloak is named but
 * never reached by these tests (sign-in is tested against the real Keycloak in {@code SignInIntegrationTests} and
 * the system tests). Subclasses set the services' answers and read pages as a person would: text, links, cells.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "esg.web.public-url=http://localhost:8080",
        "esg.web.keycloak.url=http://127.0.0.1:9",
        "esg.web.keycloak.issuer=http://localhost:9/realms/esg-one",
        "esg.security.issuer=http://localhost:9/realms/esg-one",
        "esg.web.call-timeout=3s",
        "esg.web.home-figures-fresh-for=0s"})
@AutoConfigureWebTestClient
public abstract class PageTest {

    protected static final FakeServices SERVICES = new FakeServices();

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("esg.web.directory-url", SERVICES::url);
        registry.add("esg.web.offers-url", SERVICES::url);
        registry.add("esg.web.badge-url", SERVICES::url);
        registry.add("esg.web.assessment-url", SERVICES::url);
    }

    @AfterEach
    void forgetAnswers() {
        SERVICES.reset();
    }

    /** The page's HTML, asserting its status and that it is HTML. */
    protected String page(String uri, int status) {
        return page(uri, status, "en");
    }

    /** The page's HTML in {@code language} (Accept-Language), asserting its status and that it is HTML. */
    protected String page(String uri, int status, String language) {
        return web.mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .get().uri(uri).header("Accept-Language", language)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
