package hk.esgone.web.support;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What the layout of every page needs: its language, the address of the same page (for the language switch and
 * sign-in), who is signed in, and the CSRF token that every form and htmx request sends back.
 */
@ControllerAdvice
public class PageModel {

    /** The signed-in person as the layout shows them; roles decide only which links appear. */
    public record Account(String name, String email, List<String> roles, String company) {

        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return PageLocales.tag(locale);
    }

    @ModelAttribute("otherLang")
    String otherLang(Locale locale) {
        return PageLocales.CHINESE.equals(locale) ? "en" : "zh-Hant";
    }

    /** This page's path and query, for "switch language" and "sign in" links that come back here. */
    @ModelAttribute("here")
    String here(ServerWebExchange exchange) {
        return LocalPaths.of(exchange.getRequest().getURI());
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        return csrfToken(exchange);
    }

    @ModelAttribute("account")
    Mono<Account> account(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(OAuth2AuthenticationToken.class::cast)
                .map(PageModel::account);
    }

    /** The CSRF token every form and htmx request of the page sends back (also on error pages: the sign-out form). */
    public static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /** The person behind a sign-in: name, e-mail, realm roles and the company (organization) they belong to. */
    public static Account account(OAuth2AuthenticationToken token) {
        String name = token.getName();
        String email = null;
        if (token.getPrincipal() instanceof OidcUser user) {
            email = user.getEmail();
            name = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName()
                    : user.getPreferredUsername() != null ? user.getPreferredUsername() : email;
        }
        List<String> authorities = token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        List<String> roles = authorities.stream().filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5).toLowerCase(Locale.ROOT)).toList();
        String company = authorities.stream().filter(a -> a.startsWith("ORG_")).map(a -> a.substring(4)).findFirst().orElse(null);
        return new Account(name, email, roles, company);
    }
}
