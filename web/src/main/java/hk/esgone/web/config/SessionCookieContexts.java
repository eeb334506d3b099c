package hk.esgone.web.config;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;

/**
 * The signed-in person, kept in the session as Spring Security does, but looked up only when the request carries a
 * session cookie. Without one there is no session that could hold a person, and asking for it would create a new,
 * empty session for every anonymous page (the in-memory store makes it on a worker thread and hands the request on to
 * another: two thread switches a page, on the pages the most people see).
 */
final class SessionCookieContexts implements ServerSecurityContextRepository {

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final WebSessionIdResolver sessionIds;

    SessionCookieContexts(WebSessionIdResolver sessionIds) {
        this.sessionIds = sessionIds;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessionIds.resolveSessionIds(exchange).isEmpty() ? Mono.empty() : sessions.load(exchange);
    }
}
