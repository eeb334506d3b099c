package hk.esgone.gateway.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import hk.esgone.gateway.routing.DownstreamServices;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * The one place that answers CORS, before authentication (a preflight carries no token). Our own front ends
 * ({@code esg.gateway.cors.allowed-origins}) may call everything, with credentials. Any other origin may only
 * make the services' CORS-open requests ({@code cors-open} in {@link DownstreamServices}: by default their
 * anonymous ones — directory, catalogue, badge pages, widget, verification, keys) and read the OpenAPI
 * documents, as {@code Access-Control-Allow-Origin: *} without credentials.
 * A cross-origin request or preflight outside that is refused with a 403 problem.
 *
 * <p>A request without an {@code Origin} header, the common case, costs one header lookup. Services' own CORS
 * headers (badge-service sets them on its public paths) are dropped from their answers, so a browser never
 * sees two {@code Access-Control-Allow-Origin} values.
 */
@Component
class CorsPolicy implements WebFilter, Ordered, HttpHeadersFilter {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /** Per method (HEAD counts as GET): the path patterns any website may use. */
    private final Map<HttpMethod, List<PathPattern>> openPaths;
    private final CorsConfiguration openToAll = openToAll();
    private final CorsConfiguration ours;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    CorsPolicy(CorsProperties properties, DownstreamServices services) {
        Map<HttpMethod, List<PathPattern>> open = new HashMap<>();
        open.put(HttpMethod.GET, new ArrayList<>(List.of(PARSER.parse(SecurityConfig.API_DOCS))));
        services.corsOpenPatternsByMethod().forEach((method, patterns) -> open
                .computeIfAbsent(method, m -> new ArrayList<>()).addAll(patterns.stream().map(PARSER::parse).toList()));
        open.replaceAll((method, patterns) -> List.copyOf(patterns));
        this.openPaths = Map.copyOf(open);
        this.ours = ownFrontEnds(properties.allowedOrigins());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null) {
            return chain.filter(exchange);
        }
        CorsConfiguration config = ours.checkOrigin(origin) != null || !isOpen(request) ? ours : openToAll;
        if (!processor.process(config, exchange)) {
            return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "cors-refused", "Cross-origin request refused",
                    "This origin may not call this API from a browser."));
        }
        return CorsUtils.isPreFlightRequest(request) ? Mono.empty() : chain.filter(exchange);
    }

    private boolean isOpen(ServerHttpRequest request) {
        HttpMethod method = CorsUtils.isPreFlightRequest(request)
                ? request.getHeaders().getAccessControlRequestMethod()
                : request.getMethod();
        if (method == null) {
            return false;
        }
        List<PathPattern> patterns = openPaths.get(HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method);
        if (patterns == null) {
            return false;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static CorsConfiguration openToAll() {
        CorsConfiguration open = new CorsConfiguration();
        open.addAllowedOrigin(CorsConfiguration.ALL);
        open.setAllowCredentials(false);
        open.setAllowedMethods(List.of("GET", "HEAD", "POST"));
        open.setAllowedHeaders(List.of("Accept", "Accept-Language", "Content-Type", "If-None-Match", "X-Correlation-Id"));
        open.setExposedHeaders(List.of("ETag", "Cache-Control", "Content-Language", "Retry-After", "X-Correlation-Id"));
        open.setMaxAge(Duration.ofHours(1));
        return open;
    }

    private static CorsConfiguration ownFrontEnds(List<String> origins) {
        CorsConfiguration ours = new CorsConfiguration();
        ours.setAllowedOrigins(origins);
        ours.setAllowCredentials(true);
        ours.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        ours.setAllowedHeaders(List.of("Authorization", "Accept", "Accept-Language", "Content-Type", "If-Match",
                "If-None-Match", "Idempotency-Key", "X-Correlation-Id"));
        ours.setExposedHeaders(List.of("ETag", "Location", "Cache-Control", "Content-Language", "Retry-After",
                "X-Correlation-Id", "Idempotent-Replayed"));
        ours.setMaxAge(Duration.ofMinutes(10));
        return ours;
    }

    /** Drops a service's CORS headers from its answer: the gateway has already decided. */
    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!input.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            return input;
        }
        HttpHeaders out = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.regionMatches(true, 0, "Access-Control-", 0, 15)) {
                out.addAll(name, values);
            }
        });
        return out;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public int getOrder() {
        // after the closed paths (which answer 404 to everyone), before security
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
