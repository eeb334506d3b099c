package hk.esgone.badge.support;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Services that call badge-service on their own, with a client-credentials token. The platform's {@code Caller} keeps
 * only the marketplace's user roles, so the service role is read from the token's {@code realm_access} here.
 */
public final class ServiceCallers {

    /** The realm role of assessment-service's service account: issue (only) the badges an assessment earns. */
    public static final String BADGE_ISSUER = "badge-issuer";

    private ServiceCallers() {
    }

    /** True when the authenticated token carries the realm role {@link #BADGE_ISSUER}. */
    public static boolean isBadgeIssuer(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token && authentication.isAuthenticated()
                && hasRealmRole(token.getToken(), BADGE_ISSUER);
    }

    /** The calling service's client id ({@code azp}) when it holds {@link #BADGE_ISSUER}, else 403. */
    public static Mono<String> badgeIssuer() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .filter(ServiceCallers::isBadgeIssuer)
                .map(auth -> {
                    Jwt jwt = ((JwtAuthenticationToken) auth).getToken();
                    String client = jwt.getClaimAsString("azp");
                    return "service:" + (client == null || client.isBlank() ? jwt.getSubject() : client);
                })
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("Only the service that issues earned badges may call this.")));
    }

    static boolean hasRealmRole(Jwt jwt, String role) {
        return jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof Collection<?> roles && roles.contains(role);
    }
}
