package hk.esgone.assessment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import hk.esgone.platform.security.EsgSecurity;

/**
 * Tokens are validated here again even though the gateway already did (defence in depth). Only the published
 * questionnaire, the industry insight and scorecards their companies chose to share are public; who may read or change an assessment depends on the token's companies, which the
 * controllers check (another company's assessment is answered as not found).
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return EsgSecurity.resourceServer(http, jwtDecoder)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/assessments/questionnaire").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/api/v1/assessments/questionnaire").permitAll()
                        // the scorecard feed (docs/contracts.md): read without a token, it carries only what the directory
                        // shows publicly; NetworkPolicies decide who reaches it and the gateway never routes /internal/**
                        .pathMatchers(HttpMethod.GET, "/internal/events").permitAll()
                        // industry insight: aggregates of at least 10 companies only
                        .pathMatchers(HttpMethod.GET, "/api/v1/assessments/insights").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/api/v1/assessments/insights").permitAll()
                        // a scorecard its company chose to share (the service answers 404 for any other)
                        .pathMatchers(HttpMethod.GET, "/api/v1/assessments/shared/*").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/api/v1/assessments/shared/*").permitAll()
                        .pathMatchers("/api/v1/assessments/questionnaires", "/api/v1/assessments/questionnaires/**").hasRole("admin")
                        // the evidence review (the service checks the role again)
                        .pathMatchers("/api/v1/assessments/admin/**").hasRole("admin")
                        .anyExchange().authenticated())
                .build();
    }
}
