package hk.esgone.web.config;

import java.net.URI;

import org.springframework.http.HttpMethod;
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

    private final WebSessionIdResolver sessionIds;

    SessionCookieOnly(WebSessionIdResolver sessionIds) {
        this.sessionIds = sessionIds;
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
                // a form sent after the session ended (which security cannot replay): back to the page it was on
                URI page = exchange.getRequest().getURI().resolve(LocalPaths.returnTo(exchange.getRequest()));
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
