package hk.esgone.platform;

import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.problem.ProblemErrorHandler;
import hk.esgone.platform.problem.ProblemResponses;
import hk.esgone.platform.security.EsgSecurity;
import hk.esgone.platform.security.EsgSecurityProperties;
import hk.esgone.platform.web.CorrelationId;
import hk.esgone.platform.web.PlatformWebProperties;
import hk.esgone.platform.web.RequestSizeLimitFilter;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Hooks;

/** Cross-cutting defaults every ESG One application gets by depending on {@code platform}. */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@EnableConfigurationProperties({EsgSecurityProperties.class, PlatformWebProperties.class})
public class PlatformAutoConfiguration {

    static {
        // The correlation id lives in the Reactor context; this copies it into the logging MDC on every thread hop.
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.KEY,
                () -> MDC.get(CorrelationId.KEY),
                value -> MDC.put(CorrelationId.KEY, value),
                () -> MDC.remove(CorrelationId.KEY));
        Hooks.enableAutomaticContextPropagation();
    }

    @Bean
    @Order(-2)
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    @Bean
    CorrelationId.Filter correlationIdFilter() {
        return new CorrelationId.Filter();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(PlatformWebProperties web) {
        return new RequestSizeLimitFilter(web.maxRequestSize());
    }

    @Bean
    WebClientCustomizer correlationIdPropagation() {
        return builder -> builder.filter(CorrelationId.propagating());
    }

    /** Requests Spring Security's firewall refuses (path traversal, encoded slashes, odd methods) get a problem body too. */
    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange() {
        return (exchange, ex) -> ProblemResponses.write(exchange, ApiProblem.body(HttpStatus.BAD_REQUEST, "bad-request",
                "Bad request", "The request path or method is not allowed."));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("esg.security.issuer")
    ReactiveJwtDecoder esgJwtDecoder(EsgSecurityProperties properties) {
        return EsgSecurity.jwtDecoder(properties);
    }
}
