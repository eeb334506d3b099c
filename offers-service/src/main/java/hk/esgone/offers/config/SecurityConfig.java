package hk.esgone.offers.config;

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
 * Roles per area; which company's data a caller may touch is decided in the handlers (a partner only
 * its own offers and their claims, a company only its own claims), answering 404 for other tenants' ids.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return EsgSecurity.resourceServer(http, jwtDecoder)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/offers/catalogue/**").permitAll()
                        .pathMatchers("/api/v1/offers/admin/**").hasRole(Caller.ROLE_ADMIN)
                        .pathMatchers("/api/v1/offers/partner/**").hasRole(Caller.ROLE_PARTNER)
                        .pathMatchers("/api/v1/offers/claims/**").hasRole(Caller.ROLE_SME)
                        .pathMatchers(HttpMethod.POST, "/api/v1/offers/*/claims").hasRole(Caller.ROLE_SME)
                        .anyExchange().authenticated())
                .build();
    }
}
