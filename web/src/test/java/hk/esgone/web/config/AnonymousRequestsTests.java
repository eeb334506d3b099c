package hk.esgone.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.InMemoryWebSessionStore;

import reactor.core.publisher.Mono;

/** What an anonymous page costs the portal: no session made, no hop to a worker thread for the CSRF token. */
class AnonymousRequestsTests {

    private final CookieWebSessionIdResolver sessionIds = new CookieWebSessionIdResolver();

    AnonymousRequestsTests() {
        sessionIds.setCookieName(SessionConfig.COOKIE);
    }

    @Test
    void aRequestWithoutASessionCookieIsAnonymousWithoutAskingForASession() {
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/search"))
                .sessionManager(ex -> Mono.error(new AssertionError("a session was asked for")))
                .build();

        assertThat(new SessionCookieOnly(sessionIds, false).contexts().load(exchange).blockOptional()).isEmpty();
    }

    @Test
    void aRequestWithItsSessionCookieFindsThePersonSignedInInThatSession() {
        WebSession session = new InMemoryWebSessionStore().createWebSession().block();
        ServerSecurityContextRepository contexts = new SessionCookieOnly(sessionIds, false).contexts();
        SecurityContext signedIn = new SecurityContextImpl(new TestingAuthenticationToken("chan", "n/a", "ROLE_sme"));
        contexts.save(MockServerWebExchange.builder(MockServerHttpRequest.get("/callback")).session(session).build(), signedIn).block();

        MockServerWebExchange next = MockServerWebExchange.builder(MockServerHttpRequest.get("/account")
                .cookie(new HttpCookie(SessionConfig.COOKIE, session.getId()))).session(session).build();

        assertThat(contexts.load(next).block()).isEqualTo(signedIn);
    }

    @Test
    void aNewCsrfTokenIsMadeOnTheRequestsThreadAndComesBackFromItsHttpOnlyCookie() {
        CsrfCookies tokens = new CsrfCookies(true);
        MockServerWebExchange first = MockServerWebExchange.from(MockServerHttpRequest.get("/search"));

        Thread madeOn = tokens.generateToken(first).map(token -> Thread.currentThread()).block();
        CsrfToken token = tokens.generateToken(first).block();
        tokens.saveToken(first, token).block();

        assertThat(madeOn).isSameAs(Thread.currentThread());
        List<ResponseCookie> cookies = first.getResponse().getCookies().get(CsrfCookies.COOKIE);
        assertThat(cookies).singleElement().satisfies(cookie -> {
            assertThat(cookie.getValue()).isEqualTo(token.getToken());
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
        });
        MockServerWebExchange form = MockServerWebExchange.from(MockServerHttpRequest.post("/check")
                .cookie(new HttpCookie(CsrfCookies.COOKIE, token.getToken())));
        assertThat(tokens.loadToken(form).block()).satisfies(loaded -> {
            assertThat(loaded.getToken()).isEqualTo(token.getToken());
            assertThat(loaded.getHeaderName()).isEqualTo(token.getHeaderName());
            assertThat(loaded.getParameterName()).isEqualTo(token.getParameterName());
        });
    }

    @Test
    void aFormSentIntoAnEndedSessionMarksItsReturnWithASecureCookieForSiteJsAndAPageOpenedDoesNot() {
        WebSession session = new InMemoryWebSessionStore().createWebSession().block();
        MockServerWebExchange form = MockServerWebExchange.builder(MockServerHttpRequest.post("/workspace/profile")
                .header("Referer", "https://esg-one.hk/workspace/profile")).session(session).build();
        MockServerWebExchange page = MockServerWebExchange.builder(MockServerHttpRequest.get("/workspace/profile"))
                .session(session).build();

        new SessionCookieOnly(sessionIds, true).requests().saveRequest(form).block();
        new SessionCookieOnly(sessionIds, true).requests().saveRequest(page).block();

        assertThat(form.getResponse().getCookies().get(SessionCookieOnly.FORM_SENT_COOKIE)).singleElement().satisfies(cookie -> {
            assertThat(cookie.getValue()).isEqualTo("1");
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.isHttpOnly()).as("site.js reads it").isFalse();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
            assertThat(cookie.getPath()).isEqualTo("/");
        });
        assertThat(page.getResponse().getCookies().get(SessionCookieOnly.FORM_SENT_COOKIE)).isNull();
    }
}
