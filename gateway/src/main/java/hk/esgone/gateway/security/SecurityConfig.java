package hk.esgone.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.EsgSecurity;

/**
 * Edge authorization. Every token is validated here (signature from Keycloak's JWKS, issuer, audience,
 * expiry); a token that fails is refused with 401 even on a public route, never treated as anonymous.
 * The services check the same token and their finer rules again (defence in depth).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    /** Reads anyone may make without an account: the directory, the offer catalogue, badge pages and checks. */
    static final String[] PUBLIC_READS = {
            "/api/v1/directory/companies/**", "/api/v1/directory/search/**", "/api/v1/directory/taxonomies/**",
            "/api/v1/offers/catalogue/**",
            "/api/v1/badges/verify/**", "/api/v1/badges/status-lists/**",
            "/api/v1/badges/holders", "/api/v1/badges/holders/**",
            "/api/v1/badges/achievements/**", "/api/v1/badges/credentials/**",
            "/badges/**", "/widget/**", "/.well-known/**"};

    /** The one write anyone may make: checking a credential they hold. */
    static final String PUBLIC_POST = "/api/v1/badges/verify";

    /** The services' OpenAPI documents and their index. */
    static final String API_DOCS = "/v3/api-docs/**";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return EsgSecurity.resourceServer(http, jwtDecoder)
                // SecurityHeaders sets what the gateway adds, without overriding what a service chose for its answers
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/api/v1/*/admin/**").hasRole(Caller.ROLE_ADMIN)
                        .pathMatchers("/actuator/health/**", "/actuator/info", API_DOCS).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.GET, "/").permitAll()
                        .pathMatchers(HttpMethod.POST, PUBLIC_POST).permitAll()
                        .anyExchange().authenticated())
                .build();
    }
}
