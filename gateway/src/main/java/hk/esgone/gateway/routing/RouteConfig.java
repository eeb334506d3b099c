package hk.esgone.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The only paths the gateway forwards; the path is passed on unchanged. Nothing else is routed, so a
 * service's {@code /internal/**} feed and {@code /actuator/**} are unreachable from outside.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfig {

    /** Route metadata key naming the service, used in error details. */
    static final String SERVICE = "esg.service";

    @Bean
    RouteLocator esgRoutes(RouteLocatorBuilder routes, DownstreamServices services) {
        return routes.routes()
                .route("directory", r -> r.path("/api/v1/directory/**")
                        .metadata(SERVICE, DownstreamServices.DIRECTORY).uri(services.directory()))
                .route("offers", r -> r.path("/api/v1/offers/**")
                        .metadata(SERVICE, DownstreamServices.OFFERS).uri(services.offers()))
                .route("badge", r -> r.path("/api/v1/badges/**", "/badges/**", "/widget/**", "/.well-known/**")
                        .metadata(SERVICE, DownstreamServices.BADGE).uri(services.badge()))
                .build();
    }
}
