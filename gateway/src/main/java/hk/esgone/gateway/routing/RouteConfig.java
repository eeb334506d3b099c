package hk.esgone.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import hk.esgone.gateway.apidocs.GatewayServers;
import hk.esgone.gateway.resilience.RetryFilters;
import hk.esgone.gateway.resilience.ServiceCircuitBreakers;
import reactor.core.publisher.Mono;

/**
 * The only paths the gateway forwards, each service's {@code paths} in {@link DownstreamServices}; the path is
 * passed on unchanged. Nothing else is routed, so a
 * service's {@code /internal/**} feed and {@code /actuator/**} are unreachable from outside. Besides, each
 * service's OpenAPI document is served at {@code /v3/api-docs/<service>} (from the service's
 * {@code /v3/api-docs}). Every route retries idempotent reads and goes through its service's circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfig {

    /** Route metadata key naming the service, used in error details. */
    static final String SERVICE = "esg.service";

    /** How long browsers and caches may keep an aggregated OpenAPI document. */
    static final String API_DOCS_CACHE_CONTROL = "public, max-age=300";

    @Bean
    RouteLocator esgRoutes(RouteLocatorBuilder routes, DownstreamServices services, RetryFilters retries,
                           ServiceCircuitBreakers breakers) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        services.services().forEach((service, entry) -> builder.route(service, r -> r
                .path(entry.paths().toArray(String[]::new))
                .filters(f -> resilient(f, service, retries, breakers))
                .metadata(SERVICE, service).uri(entry.url())));
        services.apiServices().forEach((service, entry) -> builder.route(service + "-api-docs", r -> r.method(HttpMethod.GET)
                .and().path("/v3/api-docs/" + service)
                .filters(f -> resilient(f, service, retries, breakers)
                        .setPath("/v3/api-docs")
                        .modifyResponseBody(String.class, String.class,
                                (exchange, document) -> Mono.justOrEmpty(GatewayServers.rewrite(document)))
                        .setResponseHeader(HttpHeaders.CACHE_CONTROL, API_DOCS_CACHE_CONTROL))
                .metadata(SERVICE, service).uri(entry.url())));
        return builder.build();
    }

    /** Retries outside the breaker: each attempt counts, and a refusal by an open breaker is not retried. */
    private static GatewayFilterSpec resilient(GatewayFilterSpec f, String service, RetryFilters retries,
                                               ServiceCircuitBreakers breakers) {
        GatewayFilter retry = retries.filter();
        if (retry != null) {
            f.filter(retry, 1);
        }
        return f.filter(breakers.filterFor(service), 2);
    }
}
