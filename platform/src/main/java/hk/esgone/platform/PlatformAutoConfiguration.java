package hk.esgone.platform;

import java.time.Clock;

import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import hk.esgone.platform.idempotency.IdempotencyProperties;
import hk.esgone.platform.idempotency.IdempotencyStore;
import hk.esgone.platform.idempotency.IdempotentEndpoint;
import hk.esgone.platform.idempotency.IdempotentExecutor;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.problem.ProblemErrorHandler;
import hk.esgone.platform.problem.ProblemResponses;
import hk.esgone.platform.security.EsgSecurity;
import hk.esgone.platform.security.EsgSecurityProperties;
import hk.esgone.platform.text.TextJacksonModule;
import hk.esgone.platform.web.AccessLog;
import hk.esgone.platform.web.CorrelationId;
import hk.esgone.platform.web.DecodingProblems;
import hk.esgone.platform.web.EventLoopCompletion;
import hk.esgone.platform.web.PlatformWebProperties;
import hk.esgone.platform.web.RefusedRequestPages;
import hk.esgone.platform.web.RequestSizeLimitFilter;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Hooks;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/** Cross-cutting defaults every ESG One application gets by depending on {@code platform}. */
// after the reactive Mongo auto-configuration (named, since Mongo is optional), so that @ConditionalOnBean sees its template
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@EnableConfigurationProperties({EsgSecurityProperties.class, PlatformWebProperties.class})
public class PlatformAutoConfiguration {

    static {
        // The correlation id lives in the Reactor context; this copies it into the logging MDC on every thread hop.
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.KEY,
                () -> MDC.get(CorrelationId.KEY),
                value -> MDC.put(CorrelationId.KEY, value),
                () -> MDC.remove(CorrelationId.KEY));
    }

    /**
     * Reactor's automatic context propagation restores the logging MDC (correlation id, trace ids) on every
     * thread hop, so any log line written during a request carries them. It costs on every operator of every
     * request; the gateway, whose few request log lines go through {@link hk.esgone.platform.web.RequestMdc},
     * turns it off with {@code esg.platform.automatic-context-propagation=false}.
     */
    PlatformAutoConfiguration(Environment environment) {
        if (environment.getProperty("esg.platform.automatic-context-propagation", Boolean.class, true)) {
            Hooks.enableAutomaticContextPropagation();
        }
    }

    @Bean
    @Order(-2)
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    /**
     * Every string read from a JSON body normalised to NFC, and one with a lone surrogate refused as a 400
     * naming the field (Boot registers every JacksonModule bean with the application's JSON mapper).
     */
    @Bean
    @ConditionalOnProperty(name = "esg.text.normalize-json", havingValue = "true", matchIfMissing = true)
    TextJacksonModule textJacksonModule() {
        return new TextJacksonModule();
    }

    @Bean
    CorrelationId.Filter correlationIdFilter() {
        return new CorrelationId.Filter();
    }

    @Bean
    @ConditionalOnProperty(name = "esg.web.access-log", havingValue = "true", matchIfMissing = true)
    AccessLog accessLog() {
        return new AccessLog();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(PlatformWebProperties web) {
        return new RequestSizeLimitFilter(web);
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

    /** Problem bodies for requests Netty or Spring refuse before any filter runs (see {@link DecodingProblems}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({NettyServerCustomizer.class, HttpServer.class})
    static class NettyConfiguration {

        @Bean
        NettyServerCustomizer decodingProblems(ObjectProvider<RefusedRequestPages> pages) {
            RefusedRequestPages browserPages = pages.getIfAvailable();
            return server -> DecodingProblems.install(server, browserPages);
        }

        @Bean
        EventLoopCompletion eventLoopCompletion() {
            return new EventLoopCompletion();
        }
    }

    /**
     * The shared {@code Idempotency-Key} store and executor, in applications with reactive MongoDB only (the
     * gateway has none). A service that declares its own {@link IdempotencyStore} keeps it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveMongoTemplate.class)
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    @EnableConfigurationProperties(IdempotencyProperties.class)
    static class IdempotencyConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore idempotencyStore(ReactiveMongoTemplate mongo, IdempotencyProperties properties, ObjectProvider<Clock> clock) {
            return new IdempotencyStore(mongo, properties.collection(), clock.getIfAvailable(Clock::systemUTC),
                    properties.retention(), properties.lease());
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotentExecutor idempotentExecutor(IdempotencyStore store) {
            return new IdempotentExecutor(store);
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotentEndpoint idempotentEndpoint(IdempotentExecutor executor, ObjectProvider<JsonMapper> json) {
            return new IdempotentEndpoint(executor, json.getIfAvailable(() -> JsonMapper.builder().build()));
        }
    }
}
