package hk.esgone.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token says: the Keycloak subject, realm roles, and the companies
 * (Keycloak organizations, whose alias is the directory company id) the user is a member of.
 */
public record Caller(String subject, String username, String email, Set<String> roles, Set<String> companyIds) {

    public static final String ROLE_BUYER = "buyer";
    public static final String ROLE_SME = "sme";
    public static final String ROLE_PARTNER = "partner";
    public static final String ROLE_ADMIN = "admin";
    /** The realm roles the marketplace knows; Keycloak's own (offline_access, default-roles-*, ...) are left out. */
    public static final Set<String> APPLICATION_ROLES = Set.of(ROLE_BUYER, ROLE_SME, ROLE_PARTNER, ROLE_ADMIN);

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ROLE_ADMIN);
    }

    public boolean isMemberOf(String companyId) {
        return companyId != null && companyIds.contains(companyId);
    }

    /** The one company this user acts for, or null when the user belongs to none (or several). */
    public String companyId() {
        return companyIds.size() == 1 ? companyIds.iterator().next() : null;
    }

    public static Caller from(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("email"),
                realmRoles(jwt), organizations(jwt));
    }

    @SuppressWarnings("unchecked")
    static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        Set<String> roles = new LinkedHashSet<>();
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> values) {
            values.stream().map(String::valueOf).filter(APPLICATION_ROLES::contains).forEach(roles::add);
        }
        return Set.copyOf(roles);
    }

    /**
     * Keycloak's {@code organization} claim is a list of aliases, or a map keyed by alias when the
     * mapper adds organization attributes; both forms are accepted.
     */
    static Set<String> organizations(Jwt jwt) {
        Object claim = jwt.getClaims().get("organization");
        Set<String> ids = new LinkedHashSet<>();
        if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> ids.add(String.valueOf(k)));
        } else if (claim instanceof Collection<?> list) {
            list.forEach(v -> ids.add(String.valueOf(v)));
        } else if (claim instanceof String single && !single.isBlank()) {
            ids.addAll(List.of(single));
        }
        return Set.copyOf(ids);
    }
}
