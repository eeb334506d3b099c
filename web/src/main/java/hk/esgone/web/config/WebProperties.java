package hk.esgone.web.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the portal needs to know about where it runs ({@code esg.web} in application.yml).
 *
 * @param publicUrl   the address people open (the gateway's), used for the sign-in callback and the page after
 *                    sign-out; never taken from request headers
 * @param secure      production: cookies marked {@code Secure}, HSTS sent; off only for local development over http
 * @param directoryUrl base URL of directory-service (its public API only)
 * @param offersUrl   base URL of offers-service (its public API only)
 * @param badgeUrl    base URL of badge-service (its public API only)
 * @param assessmentUrl base URL of assessment-service (its public API only)
 * @param callTimeout the longest a page waits for one service call before it shows "try again"
 * @param keycloak    the OIDC client
 */
@Validated
@ConfigurationProperties("esg.web")
public record WebProperties(@NotNull URI publicUrl, boolean secure, @NotNull URI directoryUrl, @NotNull URI offersUrl,
                            @NotNull URI badgeUrl, @NotNull URI assessmentUrl, @NotNull Duration callTimeout, @NotNull Keycloak keycloak) {

    /**
     * The portal as a confidential client of Keycloak.
     *
     * @param issuer       the realm's issuer, as browsers reach it (login page, sign-out)
     * @param url          Keycloak's base URL as this application reaches it (token, keys, user info)
     * @param realm        the realm name
     * @param clientId     the portal's client
     * @param clientSecret its secret (a Kubernetes secret in production)
     */
    public record Keycloak(@NotNull URI issuer, @NotNull URI url, @NotNull String realm, @NotNull String clientId,
                           @NotNull String clientSecret) {

        /** The realm's OIDC endpoints as this application reaches them. */
        public String backChannel(String endpoint) {
            return url.toString().replaceAll("/+$", "") + "/realms/" + realm + "/protocol/openid-connect/" + endpoint;
        }

        /** The realm's OIDC endpoints as browsers reach them. */
        public String frontChannel(String endpoint) {
            return issuer.toString().replaceAll("/+$", "") + "/protocol/openid-connect/" + endpoint;
        }
    }

    /** {@code publicUrl} without a trailing slash, followed by {@code path}. */
    public String publicUrl(String path) {
        return publicUrl.toString().replaceAll("/+$", "") + path;
    }
}
