package hk.esgone.platform.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token validation settings shared by the gateway and the services.
 *
 * @param issuer     expected {@code iss}, e.g. {@code http://localhost:8180/realms/esg-one}
 * @param jwkSetUri  where the signing keys are published; defaults to Keycloak's certs endpoint of the issuer
 * @param audience   expected entry of {@code aud}
 * @param clockSkew  tolerance for {@code exp}/{@code nbf}
 * @param jwksRefetchInterval  the least time between two fetches of the signing keys (a token naming an
 *                   unknown {@code kid} causes at most one fetch per interval; a rotated key is accepted within it)
 * @param jwksLifetime how long fetched keys are used before they are fetched again
 */
@Validated
@ConfigurationProperties("esg.security")
public record EsgSecurityProperties(
        @NotNull URI issuer,
        URI jwkSetUri,
        @NotBlank String audience,
        Duration clockSkew,
        Duration jwksRefetchInterval,
        Duration jwksLifetime) {

    public EsgSecurityProperties {
        if (audience == null) {
            audience = "esg-api";
        }
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(30);
        }
        if (jwksRefetchInterval == null) {
            jwksRefetchInterval = Duration.ofSeconds(15);
        }
        if (jwksLifetime == null) {
            jwksLifetime = Duration.ofMinutes(5);
        }
    }

    public URI effectiveJwkSetUri() {
        if (jwkSetUri != null) {
            return jwkSetUri;
        }
        String base = issuer.toString().replaceAll("/+$", "");
        return URI.create(base + "/protocol/openid-connect/certs");
    }
}
