package hk.esgone.badge.config;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import hk.esgone.badge.support.ServiceCallers;
import hk.esgone.platform.security.EsgSecurity;

/**
 * Tokens are validated here again even though the gateway already did (defence in depth): a request
 * that reaches this service some other way gets no further than it would through the gateway.
 * Verification, keys, status lists, pages and the widget are public, and readable cross-origin without
 * credentials ({@code Access-Control-Allow-Origin: *}), since any website and any verifier may use them.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    /** Public reads; each is also open to cross-origin GETs. */
    static final String[] PUBLIC_GET = {
            "/badges/**", "/widget/**", "/.well-known/**",
            "/api/v1/badges/verify/**", "/api/v1/badges/status-lists/**",
            "/api/v1/badges/holders", "/api/v1/badges/holders/**",
            "/api/v1/badges/achievements/**", "/api/v1/badges/credentials/**",
            // read without a token (docs/contracts.md); NetworkPolicies decide who reaches it, the gateway never routes it
            "/internal/events",
            // nothing is served here by the packaged service (a 404 problem, not a 401): bench/badge/run adds its
            // constant-bytes baseline on this path from the benchmark's own sources
            "/bench/**"};

    /** Where a service with the badge-issuer role asks for a badge an assessment earned (docs/contracts.md). */
    public static final String EARNED_BADGES = "/internal/badges/earned";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        return EsgSecurity.resourceServer(http, jwtDecoder)
                .cors(cors -> cors.configurationSource(publicCors()))
                // the widget iframe must be embeddable; framing is governed per response by CSP frame-ancestors instead
                // (the verification page sends frame-ancestors 'none', the iframe the company's allowed sites)
                .headers(headers -> headers.frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable))
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_GET).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_GET).permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/badges/verify").permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, PUBLIC_GET).permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/api/v1/badges/verify").permitAll()
                        .pathMatchers("/api/v1/badges/admin/**").hasRole("admin")
                        // assessment-service's service account; the gateway never routes /internal/**
                        .pathMatchers(HttpMethod.POST, EARNED_BADGES).access((authentication, context) -> authentication
                                .<AuthorizationResult>map(a -> new AuthorizationDecision(ServiceCallers.isBadgeIssuer(a)))
                                .defaultIfEmpty(new AuthorizationDecision(false)))
                        .anyExchange().authenticated())
                .build();
    }

    static UrlBasedCorsConfigurationSource publicCors() {
        CorsConfiguration open = new CorsConfiguration();
        open.setAllowedOrigins(List.of("*"));
        open.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        open.setAllowedHeaders(List.of("Accept", "Content-Type", "If-None-Match", "Accept-Language"));
        open.setExposedHeaders(List.of("ETag", "Cache-Control", "Content-Language"));
        open.setAllowCredentials(false);
        open.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : PUBLIC_GET) {
            if (!path.startsWith("/internal") && !path.startsWith("/bench")) {
                source.registerCorsConfiguration(path, open);
            }
        }
        source.registerCorsConfiguration("/api/v1/badges/verify", open);
        return source;
    }
}
