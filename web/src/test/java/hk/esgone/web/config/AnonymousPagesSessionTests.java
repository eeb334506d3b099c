package hk.esgone.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.PageTest;
import reactor.core.publisher.Mono;

/**
 * The pages most people see cost no session: an anonymous visitor's search page never asks for one (the portal's
 * session store would make an empty session for each, on another thread), while signing in still keeps its state in
 * one.
 */
@Import(AnonymousPagesSessionTests.CountingSessions.class)
class AnonymousPagesSessionTests extends PageTest {

    static final List<String> ASKED = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forget() {
        ASKED.clear();
    }

    @Test
    void anAnonymousSearchPageWithItsFormsAsksForNoSession() {
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH);

        String html = page("/search?q=green", 200);

        assertThat(html).contains("<mark>綠色</mark>", "name=\"csrf-token\"");
        assertThat(ASKED).isEmpty();
    }

    @Test
    void signingInStillKeepsItsRequestInASession() {
        web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection()
                .expectCookie().exists(SessionConfig.COOKIE);

        assertThat(ASKED).contains("/oauth2/authorization/keycloak");
    }

    @TestConfiguration
    static class CountingSessions {

        @Bean
        WebSessionManager webSessionManager(WebSessionIdResolver sessionIds) {
            DefaultWebSessionManager sessions = new DefaultWebSessionManager();
            sessions.setSessionIdResolver(sessionIds);
            return new WebSessionManager() {
                @Override
                public Mono<WebSession> getSession(ServerWebExchange exchange) {
                    // the exchange takes this Mono when it is made; the session is asked for when it is subscribed to
                    return Mono.defer(() -> {
                        ASKED.add(exchange.getRequest().getPath().value());
                        return sessions.getSession(exchange);
                    });
                }
            };
        }
    }
}
