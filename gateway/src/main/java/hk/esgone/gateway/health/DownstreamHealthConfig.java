package hk.esgone.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.gateway.routing.DownstreamServices;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * One health component per service of {@link DownstreamServices}, named like the service ({@code directory},
 * {@code offers}, {@code badge}), and the health group {@code services} that collects them
 * ({@code /actuator/health/services}); both follow the table.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealthConfig {

    static final String GROUP = "services";

    @Bean
    SmartInitializingSingleton downstreamHealthIndicators(WebClient.Builder builder, DownstreamHealthProperties properties,
                                                          DownstreamServices services,
                                                          ReactiveHealthContributorRegistry registry) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
                .responseTimeout(properties.timeout());
        WebClient webClient = builder.clone().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        // registered before the web server starts, so no health answer ever lacks them
        return () -> services.services().forEach((name, service) -> registry.registerContributor(name,
                new DownstreamHealthIndicator(webClient, service.url(), properties.timeout())));
    }

    /** Ordered first, so that the availability probes' post-processor still wraps what this one returns. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    HealthEndpointGroupsPostProcessor servicesHealthGroup(DownstreamServices services) {
        Set<String> members = Set.copyOf(services.services().keySet());
        return groups -> {
            Map<String, HealthEndpointGroup> all = new LinkedHashMap<>();
            groups.getNames().forEach(name -> all.put(name, groups.get(name)));
            all.put(GROUP, new Members(groups.getPrimary(), members));
            return HealthEndpointGroups.of(groups.getPrimary(), all);
        };
    }

    /** The primary group's settings, for the services' components only. */
    private record Members(HealthEndpointGroup primary, Set<String> members) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return members.contains(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return primary.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return primary.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return primary.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return primary.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return null;
        }
    }
}
