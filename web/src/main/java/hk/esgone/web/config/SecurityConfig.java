package hk.esgone.web.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.RefreshOidcUserReactiveOAuth2AuthorizationSuccessHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

import hk.esgone.web.account.SessionRenewal;
import reactor.core.publisher.Mono;

/**
 * Sign-in as a backend-for-frontend. The portal is a confidential OIDC client of Keycloak (authorization code with
 * PKCE); the tokens stay in the server-side session ({@link WebSessionServerOAuth2AuthorizedClientRepository}) and
 * are refreshed there; the browser only ever holds the session cookie. Signing out ends the Keycloak session too
 * (RP-initiated logout). Every form and htmx request carries a CSRF token. Pages are public unless they belong to
 * an account; what a signed-in person may do is decided by the services, which get the person's token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String REGISTRATION = "keycloak";

    @Bean
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, WebProperties web,
                                          ReactiveClientRegistrationRepository registrations,
                                          ServerOAuth2AuthorizedClientRepository authorizedClients,
                                          WebSessionIdResolver sessionIds) {
        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(web.publicUrl("/"));
        SessionCookieOnly sessions = new SessionCookieOnly(sessionIds, web.secure());
        ServerOAuth2AuthorizationRequestResolver inPageLanguage = inPageLanguage(registrations);
        // the entry point remembers the page to come back to in the same cache (a form sent: the page it was on)
        RedirectServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
        signIn.setRequestCache(sessions.requests());
        return http
                .securityContextRepository(sessions.contexts())
                .requestCache(cache -> cache.requestCache(sessions.requests()))
                .authorizeExchange(auth -> auth
                        .pathMatchers("/account/**", "/workspace/**").authenticated()
                        .pathMatchers(HttpMethod.GET, "/sign-in").authenticated()
                        .anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(inPageLanguage)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationFailureHandler((exchange, failure) ->
                                Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "sign-in-failed"))))
                // a sign-in asked for on the way (Keycloak refused to renew the tokens) also opens in the page's language
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients)
                        .authorizationRequestResolver(inPageLanguage))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler(refused()))
                .csrf(csrf -> csrf.csrfTokenRepository(new CsrfCookies(web.secure())).csrfTokenRequestHandler(multipartToo()).accessDeniedHandler(refused()))
                .headers(headers -> {
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(web)))
                            .frameOptions(frame -> frame.mode(Mode.DENY))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                            .permissionsPolicy(permissions -> permissions.policy(
                                    "accelerometer=(), camera=(), geolocation=(), microphone=(), payment=(), usb=()"));
                    if (web.secure()) {
                        headers.hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true));
                    } else {
                        headers.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable);
                    }
                })
                .build();
    }

    /**
     * Keycloak's sign-in and registration pages in the language of the page the person came from
     * ({@code ui_locales}; the realm offers English and Traditional Chinese).
     */
    static ServerOAuth2AuthorizationRequestResolver inPageLanguage(ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        return new ServerOAuth2AuthorizationRequestResolver() {
            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
                return resolver.resolve(exchange).map(request -> inLanguage(request, exchange));
            }

            @Override
            public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
                return resolver.resolve(exchange, clientRegistrationId).map(request -> inLanguage(request, exchange));
            }
        };
    }

    private static OAuth2AuthorizationRequest inLanguage(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        String tag = locale != null && "zh".equals(locale.getLanguage()) ? "zh-Hant" : "en";
        return OAuth2AuthorizationRequest.from(request)
                .authorizationRequestUri(request.getAuthorizationRequestUri() + "&ui_locales=" + tag)
                .build();
    }

    /**
     * No inline script, no eval; scripts, styles and fonts only from this site; forms may go to this site and to
     * Keycloak (sign-out ends there); images from this site and https (company logos); never framed.
     */
    static String contentSecurityPolicy(WebProperties web) {
        URI issuer = web.keycloak().issuer();
        String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self' " + keycloak + "; "
                + "frame-ancestors 'none'";
    }

    /**
     * The token also from a {@code multipart/form-data} form's {@code _csrf} field (the file uploads: evidence, code pools,
     * redemption and badge CSV files), which works without script; masked per response as Spring Security's default.
     */
    static XorServerCsrfTokenRequestAttributeHandler multipartToo() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    /** A refused form (no or a stale CSRF token) or page: the friendly 403 page, never a bare status. */
    private static ServerAccessDeniedHandler refused() {
        return (exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "forbidden"));
    }

    /** Keycloak's realm as this portal's one client registration; endpoints named, nothing discovered at start. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(WebProperties web) {
        WebProperties.Keycloak keycloak = web.keycloak();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(web.publicUrl("/login/oauth2/code/" + REGISTRATION))
                .scope("openid", "profile", "email", "organization")
                .authorizationUri(keycloak.frontChannel("auth"))
                .tokenUri(keycloak.backChannel("token"))
                .jwkSetUri(keycloak.backChannel("certs"))
                .userInfoUri(keycloak.backChannel("userinfo"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(keycloak.issuer().toString())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.frontChannel("logout")))
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .clientName("ESG One")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens live in the session (in memory or Redis), so every replica sharing the session has them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Hands out the signed-in person's access token, refreshing it with the refresh token when it has expired. A
     * refresh also renews the person in the session from the new tokens, through the same user service as the
     * sign-in ({@link AccountClaims}): roles and company stay (a company approved meanwhile appears), where Spring
     * Security's default would rebuild the person without them.
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository authorizedClients,
                                                                  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users) {
        return refreshing(registrations, authorizedClients, users, Duration.ofSeconds(30));
    }

    /**
     * Renews the person's tokens on demand (a company approved since they were made): the same refresh, with a margin
     * of a day, so that any token counts as due.
     */
    @Bean
    SessionRenewal sessionRenewal(ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
                                  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users) {
        return new SessionRenewal(refreshing(registrations, authorizedClients, users, Duration.ofDays(1)), authorizedClients);
    }

    private static ReactiveOAuth2AuthorizedClientManager refreshing(ReactiveClientRegistrationRepository registrations,
                                                                    ServerOAuth2AuthorizedClientRepository authorizedClients,
                                                                    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users,
                                                                    Duration margin) {
        RefreshOidcUserReactiveOAuth2AuthorizationSuccessHandler renewPerson = new RefreshOidcUserReactiveOAuth2AuthorizationSuccessHandler();
        renewPerson.setUserService(users);
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(margin).authorizationSuccessHandler(renewPerson))
                .build());
        return manager;
    }
}
