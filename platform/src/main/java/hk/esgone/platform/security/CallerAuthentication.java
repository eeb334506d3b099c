package hk.esgone.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated token together with the {@link Caller} read from it. */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    public CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, jwt.getSubject());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
