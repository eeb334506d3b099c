package hk.esgone.directory.onboarding;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How directory-service reaches Keycloak's admin API: as its own confidential client (service account
 * with manage-users and manage-organizations), never as a user.
 *
 * @param url           Keycloak base URL, e.g. http://localhost:8180
 * @param timeout       per admin call (connect and read)
 * @param retryInterval how often approved companies whose provisioning failed are tried again
 */
@Validated
@ConfigurationProperties("esg.directory.keycloak")
public record KeycloakAdminProperties(
        @NotBlank String url,
        @NotBlank String realm,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        Duration timeout,
        Duration retryInterval) {

    public KeycloakAdminProperties {
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        retryInterval = retryInterval == null ? Duration.ofSeconds(30) : retryInterval;
    }
}
