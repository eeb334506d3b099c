package hk.esgone.gateway.routing;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Answers 404 at once, before authentication, for {@code /internal/**} (the services' event feeds) and
 * for every {@code /actuator/**} path the gateway does not expose itself: these never exist at the
 * edge, for anyone, so even a caller with a token learns nothing from a 401/403 difference.
 */
@Component
class ClosedPaths implements WebFilter, Ordered {

    private static final PathPattern INTERNAL = PathPatternParser.defaultInstance.parse("/internal/**");

    private final ObjectProvider<PathMappedEndpoints> endpoints;
    private volatile Exposed exposed;

    ClosedPaths(ObjectProvider<PathMappedEndpoints> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (INTERNAL.matches(path) || isUnexposedActuatorPath(path.value())) {
            return Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "No resource exists at this path."));
        }
        return chain.filter(exchange);
    }

    private boolean isUnexposedActuatorPath(String path) {
        Exposed exposed = exposed();
        if (!path.equals(exposed.base()) && !path.startsWith(exposed.basePrefix())) {
            return false;
        }
        for (String p : exposed.paths()) {
            if (path.equals(p) || path.startsWith(p + "/")) {
                return false;
            }
        }
        return true;
    }

    /** Resolved on first use and kept: the exposed endpoints do not change while the application runs. */
    private Exposed exposed() {
        Exposed known = exposed;
        if (known == null) {
            PathMappedEndpoints mapped = endpoints.getIfAvailable();
            known = mapped == null ? new Exposed("/actuator", List.of())
                    : new Exposed(mapped.getBasePath(), List.copyOf(mapped.getAllPaths()));
            exposed = known;
        }
        return known;
    }

    private record Exposed(String base, List<String> paths) {
        String basePrefix() {
            return base + "/";
        }
    }

    @Override
    public int getOrder() {
        // after the correlation id and size limit, before security
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
