package hk.esgone.gateway.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import hk.esgone.gateway.routing.DownstreamServices;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.EsgSecurity;

/**
 * Edge authorization: the gateway's own health, API documents, robots.txt and favicon, the portal's pages and the services'
 * anonymous requests ({@link DownstreamServices}) are open; admin APIs need the admin role; everything else a token.
 * Every token is validated here (signature from Keycloak's JWKS, issuer, audience, expiry); a token that fails is refused with 401 even on a public route, never treated as anonymous.
 * The services check the same token and their finer rules again (defence in depth).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    /** The services' OpenAPI documents and their index (the gateway's own route). */
    static final String API_DOCS = "/v3/api-docs/**";

    /** What browsers and crawlers ask every site for (site.web.SiteFilesController). */
    static final String[] SITE_FILES = {"/robots.txt", "/favicon.ico"};

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
                                           DownstreamServices services) {
        return EsgSecurity.resourceServer(http, jwtDecoder)
                // SecurityHeaders sets what the gateway adds, without overriding what a service chose for its answers
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .authorizeExchange(auth -> {
                    auth.pathMatchers("/api/v1/*/admin/**").hasRole(Caller.ROLE_ADMIN)
                            .pathMatchers("/actuator/health/**", "/actuator/info", API_DOCS).permitAll()
                            .pathMatchers(HttpMethod.GET, SITE_FILES).permitAll();
                    List<String> pages = services.pagePaths();
                    if (!pages.isEmpty()) {
                        // the portal signs people in with its own session and sends the services their token
                        auth.pathMatchers(pages.toArray(String[]::new)).permitAll();
                    }
                    services.anonymousPatternsByMethod().forEach((method, patterns) ->
                            auth.pathMatchers(method, patterns.toArray(String[]::new)).permitAll());
                    auth.anyExchange().authenticated();
                })
                .build();
    }
}
