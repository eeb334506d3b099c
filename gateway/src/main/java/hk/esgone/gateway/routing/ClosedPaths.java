package hk.esgone.gateway.routing;

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
        PathMappedEndpoints exposed = endpoints.getIfAvailable();
        String base = exposed == null ? "/actuator" : exposed.getBasePath();
        if (!path.equals(base) && !path.startsWith(base + "/")) {
            return false;
        }
        if (exposed == null) {
            return true;
        }
        return exposed.getAllPaths().stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Override
    public int getOrder() {
        // after the correlation id and size limit, before security
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
