package hk.esgone.platform.observability;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import hk.esgone.platform.web.CorrelationId;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;

/**
 * Metrics and traces the same way in every ESG One application. Spring Boot does the heavy lifting
 * (Prometheus registry, HTTP server/client observations, Micrometer Tracing on OpenTelemetry with W3C
 * {@code traceparent}, {@code traceId}/{@code spanId} in the logging MDC); this adds what Boot leaves to
 * each application:
 * <ul>
 * <li>an {@code application} tag on every meter, so one Prometheus query can tell the four apps apart;</li>
 * <li>no observations (neither metrics nor spans) of actuator requests: probes and scrapes every few
 * seconds would otherwise fill the traces and cost a span per call;</li>
 * <li>the request's correlation id on its server span ({@code correlation.id}, a high-cardinality key:
 * spans only, never a metric tag), so a trace can be found from the id a user reports;</li>
 * <li>with a separate management port, a security chain for that port only (see {@link ManagementPortSecurity}).</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass({MeterRegistry.class, MeterRegistryCustomizer.class})
public class ObservabilityAutoConfiguration {

    static final String APPLICATION_TAG = "application";
    static final String CORRELATION_ID_KEY = "correlation.id";

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTagCustomizer(Environment environment) {
        String application = environment.getProperty("spring.application.name", "application");
        return registry -> registry.config().commonTags(APPLICATION_TAG, application);
    }

    @Bean
    ObservationPredicate noActuatorObservations(Environment environment) {
        String base = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        return (name, context) -> !(context instanceof ServerRequestObservationContext server)
                || !isUnder(server.getCarrier().getPath().pathWithinApplication().value(), base);
    }

    @Bean
    ObservationFilter correlationIdOnServerSpans() {
        return context -> {
            if (context instanceof ServerRequestObservationContext server
                    && server.getAttributes().get(CorrelationId.ATTRIBUTE) instanceof String id) {
                context.addHighCardinalityKeyValue(KeyValue.of(CORRELATION_ID_KEY, id));
            }
            return context;
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServerHttpSecurity.class)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    static class ManagementPortSecurityConfiguration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityWebFilterChain managementPortSecurity(ServerHttpSecurity http, Environment environment) {
            return ManagementPortSecurity.chain(http, environment);
        }
    }

    private static boolean isUnder(String path, String base) {
        return path.equals(base) || path.startsWith(base + "/");
    }
}
