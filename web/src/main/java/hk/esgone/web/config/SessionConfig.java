package hk.esgone.web.config;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;

/**
 * The session cookie ({@value #COOKIE}): {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} outside local
 * development. Sessions live in memory by default; with {@code esg.web.session.store=redis} they live in Redis
 * (the rate limiter's, {@code spring.data.redis.*}), so that several replicas share them.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    static final String COOKIE = "ESG_SESSION";

    @Bean
    WebSessionIdResolver webSessionIdResolver(WebProperties web) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(COOKIE);
        resolver.setCookieMaxAge(Duration.ofSeconds(-1));
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).sameSite("Lax").secure(web.secure()).path("/"));
        return resolver;
    }

    /** Idle sessions end after the time Keycloak's SSO session would idle out as well (30 min). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "esg.web.session.store", havingValue = "redis")
    @EnableRedisWebSession(maxInactiveIntervalInSeconds = 1800, redisNamespace = "esg:web:session")
    static class RedisSessions {

        /**
         * Signing in keeps the sign-in request in the session, saved as the redirect to Keycloak is sent: with Redis
         * down that save would fail after the answer started, an empty 500. The two sign-in steps ask Redis first
         * (one PING, within {@code spring.data.redis.timeout}), so the person gets the "try again" page instead.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 10)
        WebFilter sessionStoreBeforeSignIn(ReactiveRedisConnectionFactory redis) {
            return (exchange, chain) -> {
                String path = exchange.getRequest().getPath().value();
                if (!path.startsWith("/oauth2/authorization/") && !path.startsWith("/login/oauth2/")) {
                    return chain.filter(exchange);
                }
                return Mono.usingWhen(Mono.fromSupplier(redis::getReactiveConnection), ReactiveRedisConnection::ping,
                        ReactiveRedisConnection::closeLater).then(chain.filter(exchange));
            };
        }
    }
}
