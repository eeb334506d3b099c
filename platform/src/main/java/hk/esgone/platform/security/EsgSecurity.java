package hk.esgone.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.problem.ProblemResponses;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Security wiring every service and the gateway share: Keycloak JWT validation (signature from JWKS,
 * issuer, audience, expiry), realm roles as {@code ROLE_*} authorities, and 401/403 answered as
 * problem details. Each application adds its own authorization rules on top.
 */
public final class EsgSecurity {

    /** The signature algorithms Keycloak's realm keys use here; any other (none, HS256, …) is refused. */
    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private EsgSecurity() {
    }

    /** Applies stateless bearer-token authentication and problem-details errors to {@code http}. */
    public static ServerHttpSecurity resourceServer(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(accessDenied()))
                .oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(entryPoint())
                        .accessDeniedHandler(accessDenied())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(authenticationConverter())));
    }

    /**
     * A decoder that fetches keys lazily from the JWKS endpoint (and again when a token names an
     * unknown {@code kid}, at most once per {@link EsgSecurityProperties#jwksRefetchInterval()}: see
     * {@link JwksCache}), accepts only RS256/ES256 signatures, and checks issuer, audience and time.
     */
    public static ReactiveJwtDecoder jwtDecoder(EsgSecurityProperties properties) {
        return jwtDecoder(properties, Clock.systemUTC());
    }

    /** As {@link #jwtDecoder(EsgSecurityProperties)}, timing the key refetch interval with {@code clock}. */
    public static ReactiveJwtDecoder jwtDecoder(EsgSecurityProperties properties, Clock clock) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3_000)
                .responseTimeout(Duration.ofSeconds(5));
        WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        String jwkSetUri = properties.effectiveJwkSetUri().toString();
        JwksCache keys = new JwksCache(
                () -> webClient.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                        .onErrorMap(ex -> !(ex instanceof IllegalStateException),
                                ex -> new IllegalStateException("The signing keys could not be fetched", ex)),
                ACCEPTED_ALGORITHMS, properties.jwksRefetchInterval(), properties.jwksLifetime(), clock);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                // the builder takes one algorithm; the processor's key selector takes the set
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, new JWKSecurityContextJWKSet())))
                .build();
        decoder.setJwtValidator(validator(properties));
        // Nimbus reports an unreachable key endpoint as a bare IllegalStateException, which would end as a
        // 500; as an AuthenticationServiceException it becomes a 503 (ProblemErrorHandler), never a 401.
        return token -> decoder.decode(token).onErrorMap(IllegalStateException.class,
                ex -> new AuthenticationServiceException("The token's signing keys could not be fetched", ex));
    }

    public static OAuth2TokenValidator<Jwt> validator(EsgSecurityProperties properties) {
        JwtTimestampValidator time = new JwtTimestampValidator(properties.clockSkew());
        return new DelegatingOAuth2TokenValidator<>(List.of(
                time,
                new JwtIssuerValidator(properties.issuer().toString()),
                new JwtAudienceValidator(properties.audience())));
    }

    public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        return jwt -> {
            Caller caller = Caller.from(jwt);
            List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return Mono.just(new CallerAuthentication(jwt, authorities, caller));
        };
    }

    /** The authenticated caller of the current request, or empty for an anonymous one. */
    public static Mono<Caller> currentCaller() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication() instanceof CallerAuthentication auth ? auth.caller() : null);
    }

    public static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return ProblemResponses.write(exchange, ApiProblem.body(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required: it is missing, expired, or not issued for this API."));
        };
    }

    public static ServerAccessDeniedHandler accessDenied() {
        return (exchange, ex) -> ProblemResponses.write(exchange, ApiProblem.body(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your account does not have the role this operation needs."));
    }
}
