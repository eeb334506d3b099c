package hk.esgone.gateway.site.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import hk.esgone.gateway.routing.DownstreamServices;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * A browser opening an address that nothing behind the gateway serves (a mistyped or outdated link) gets the
 * "page not found" page ({@link BrowserErrorPages}), not the 401 problem that every unknown address gets from
 * security: a browser never sends a token on a page request, so there is no page it could have been shown there.
 * Runs before security; API clients, htmx requests and every address a service or the portal serves are untouched.
 */
@Component
class UnknownPages implements WebFilter, Ordered {

    private final List<PathPattern> served = new ArrayList<>();

    UnknownPages(DownstreamServices services) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        services.services().values().forEach(service -> service.paths().forEach(path -> served.add(parser.parse(path))));
        served.add(parser.parse(SiteFilesController.ROBOTS));
        served.add(parser.parse(SiteFilesController.FAVICON));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if ((request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
                && BrowserErrorPages.isPageRequest(request)
                && served.stream().noneMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()))) {
            return Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "Nothing is served at this address."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain (-100), which answers 401 to every address it does not know
        return -101;
    }
}
