package hk.esgone.web.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

import hk.esgone.web.support.LocalPaths;
import reactor.core.publisher.Mono;

/**
 * What Spring Security keeps in the session — the signed-in person, the page to return to after signing in — looked
 * up only when the request carries a session cookie. Without one there is no session that could hold either, and
 * asking would create a new, empty session for every anonymous page (the in-memory store makes it on a worker thread
 * and hands the request on to another: two thread switches a page, on the pages the most people see).
 */
final class SessionCookieOnly {

    /**
     * Set when a form is sent after the sessions ended: the page it was on, where the person comes back after signing
     * in again, puts back what they had typed (site.js keeps it in the tab's {@code sessionStorage} when the form is
     * sent, reads this cookie on the next page and deletes both). Not {@code HttpOnly}, for site.js; it holds no
     * secret, only "1".
     */
    static final String FORM_SENT_COOKIE = "form-sent";

    private final WebSessionIdResolver sessionIds;
    private final boolean secure;

    SessionCookieOnly(WebSessionIdResolver sessionIds, boolean secure) {
        this.sessionIds = sessionIds;
        this.secure = secure;
    }

    boolean hasSession(ServerWebExchange exchange) {
        return !sessionIds.resolveSessionIds(exchange).isEmpty();
    }

    /** The signed-in person, from the session. */
    ServerSecurityContextRepository contexts() {
        ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return new ServerSecurityContextRepository() {
            @Override
            public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
                return sessions.save(exchange, context);
            }

            @Override
            public Mono<SecurityContext> load(ServerWebExchange exchange) {
                return hasSession(exchange) ? sessions.load(exchange) : Mono.empty();
            }
        };
    }

    /** The page someone asked for before being sent to sign in, from the session. */
    ServerRequestCache requests() {
        ServerRequestCache sessions = new WebSessionServerRequestCache();
        return new ServerRequestCache() {
            @Override
            public Mono<Void> saveRequest(ServerWebExchange exchange) {
                if (exchange.getRequest().getMethod() == HttpMethod.GET) {
                    return sessions.saveRequest(exchange);
                }
                // a form sent after the session ended (which security cannot replay): back to the page it was on,
                // where site.js fills the form in again with what was sent
                URI page = exchange.getRequest().getURI().resolve(LocalPaths.returnTo(exchange.getRequest()));
                exchange.getResponse().addCookie(ResponseCookie.from(FORM_SENT_COOKIE, "1").path("/")
                        .maxAge(Duration.ofMinutes(30)).sameSite("Lax").secure(secure).build());
                return sessions.saveRequest(exchange.mutate().request(request -> request.method(HttpMethod.GET).uri(page)).build());
            }

            @Override
            public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
                return hasSession(exchange) ? sessions.getRedirectUri(exchange) : Mono.empty();
            }

            @Override
            public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
                return hasSession(exchange) ? sessions.removeMatchingRequest(exchange) : Mono.empty();
            }
        };
    }
}
