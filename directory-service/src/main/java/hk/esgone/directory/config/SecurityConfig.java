package hk.esgone.directory.config;

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
 * Tokens are validated here again even though the gateway already did (defence in depth): a request
 * that reaches this service some other way gets no further than it would through the gateway.
 * Reading the directory needs no token; applying needs one; everything under /admin needs the admin role.
 * Which company a member may edit is checked per request (CompanyAccess).
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return EsgSecurity.resourceServer(http, jwtDecoder)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .pathMatchers("/api/v1/directory/admin/**").hasRole(Caller.ROLE_ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/v1/directory/companies/*", "/api/v1/directory/search",
                                "/api/v1/directory/search/**", "/api/v1/directory/taxonomies", "/api/v1/directory/taxonomies/**").permitAll()
                        .anyExchange().authenticated())
                .build();
    }
}
