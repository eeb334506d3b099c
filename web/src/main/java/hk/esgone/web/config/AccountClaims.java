package hk.esgone.web.config;

import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import com.nimbusds.jwt.JWTParser;

/**
 * Who signed in, for the layout: realm roles ({@code ROLE_sme}, …) and the company (organization alias, as
 * {@code ORG_<id>}) read from the access token Keycloak has just issued to this application over its back channel.
 * These only decide which links a page shows; each service checks the token itself on every call.
 */
@Configuration(proxyBeanMethods = false)
class AccountClaims {

    static final String ORGANIZATION = "ORG_";

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            authorities.addAll(fromAccessToken(request.getAccessToken().getTokenValue()));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        });
    }

    static Set<GrantedAuthority> fromAccessToken(String token) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        try {
            Map<String, Object> claims = JWTParser.parse(token).getJWTClaimsSet().getClaims();
            if (claims.get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> roles) {
                for (Object role : roles) {
                    String name = String.valueOf(role);
                    if (List.of("buyer", "sme", "partner", "admin").contains(name)) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_" + name.toUpperCase(Locale.ROOT)));
                    }
                }
            }
            Object organization = claims.get("organization");
            if (organization instanceof Map<?, ?> map) {
                map.keySet().forEach(alias -> authorities.add(new SimpleGrantedAuthority(ORGANIZATION + alias)));
            } else if (organization instanceof Collection<?> aliases) {
                aliases.forEach(alias -> authorities.add(new SimpleGrantedAuthority(ORGANIZATION + alias)));
            }
        } catch (ParseException e) {
            // not a JWT: no roles, the person is only signed in
        }
        return authorities;
    }
}
