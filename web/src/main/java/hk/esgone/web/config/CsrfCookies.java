package hk.esgone.web.config;

import java.util.UUID;

import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The CSRF token as a double-submit cookie ({@value #COOKIE}, HttpOnly: pages carry the token in their forms and in
 * a meta tag for htmx), so that anonymous visitors get no server-side session at all. Spring Security's cookie
 * repository stores and reads the cookie; a new token is made here on the request's own thread, where Spring Security
 * would move the rest of the request to a worker thread to make it (a random UUID, which does not block on Linux).
 */
final class CsrfCookies implements ServerCsrfTokenRepository {

    static final String COOKIE = "ESG_CSRF";
    static final String HEADER = "X-XSRF-TOKEN";
    static final String PARAMETER = "_csrf";

    private final CookieServerCsrfTokenRepository cookies = new CookieServerCsrfTokenRepository();

    CsrfCookies(boolean secure) {
        cookies.setCookieName(COOKIE);
        cookies.setHeaderName(HEADER);
        cookies.setParameterName(PARAMETER);
        cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(secure).path("/"));
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString()));
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return cookies.saveToken(exchange, token);
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return cookies.loadToken(exchange);
    }
}
