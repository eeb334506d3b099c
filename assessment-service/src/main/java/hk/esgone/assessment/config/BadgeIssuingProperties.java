package hk.esgone.assessment.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How assessment-service asks badge-service for the badges a submitted assessment earns ({@code esg.assessment.badges}).
 *
 * @param enabled               run the background job (off: submitted assessments wait, nothing is lost)
 * @param url                   badge-service's base URL (in the cluster, not through the gateway)
 * @param tokenUri              Keycloak's token endpoint for the client-credentials grant
 * @param clientId              the Keycloak client whose service account holds only the role {@code badge-issuer}
 * @param clientSecret          its secret
 * @param completionAchievement the achievement of the completion e-badge
 * @param levelAchievement      the scorecard-level achievement, {@code {level}} (bronze, silver, gold, platinum) and
 *                              {@code {year}} (the assessment's year) filled in
 * @param interval              how often the job looks for assessments whose badges are due
 * @param batch                 at most this many assessments per run
 * @param lease                 an assessment a run took is left to it for this long (a crashed run's is taken again after)
 * @param initialBackoff        wait after the first failed attempt; doubled after each further one
 * @param maxBackoff            the longest wait between attempts
 * @param connectTimeout        connecting to badge-service or Keycloak
 * @param responseTimeout       waiting for their answer
 */
@ConfigurationProperties("esg.assessment.badges")
public record BadgeIssuingProperties(boolean enabled, URI url, URI tokenUri, String clientId, String clientSecret,
        String completionAchievement, String levelAchievement, Duration interval, int batch, Duration lease,
        Duration initialBackoff, Duration maxBackoff, Duration connectTimeout, Duration responseTimeout) {

    public BadgeIssuingProperties {
        url = url != null ? url : URI.create("http://127.0.0.1:8083");
        tokenUri = tokenUri != null ? tokenUri : URI.create("http://localhost:8180/realms/esg-one/protocol/openid-connect/token");
        clientId = blank(clientId) ? "assessment-service" : clientId.trim();
        completionAchievement = blank(completionAchievement) ? "ach-esg-one-ebadge" : completionAchievement.trim();
        levelAchievement = blank(levelAchievement) ? "ach-scorecard-{level}-{year}" : levelAchievement.trim();
        interval = interval != null ? interval : Duration.ofSeconds(30);
        batch = batch > 0 ? batch : 20;
        lease = lease != null ? lease : Duration.ofMinutes(2);
        initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofSeconds(30);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofHours(1);
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(2);
        responseTimeout = responseTimeout != null ? responseTimeout : Duration.ofSeconds(10);
        if (enabled && blank(clientSecret)) {
            throw new IllegalArgumentException("esg.assessment.badges.client-secret is required when badge issuing is enabled");
        }
        if (!levelAchievement.contains("{level}")) {
            throw new IllegalArgumentException("esg.assessment.badges.level-achievement must contain {level}");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("esg.assessment.badges backoff: 0 < initial-backoff <= max-backoff");
        }
        if (lease.compareTo(responseTimeout.multipliedBy(3)) < 0) {
            // a run issues up to two badges after a token; its lease must outlast them or two runs could overlap
            throw new IllegalArgumentException("esg.assessment.badges.lease must be at least three response timeouts");
        }
    }

    /** The level badge's achievement id for an assessment of {@code year} at {@code level}. */
    public String levelAchievementFor(String level, int year) {
        return levelAchievement.replace("{level}", level.toLowerCase(Locale.ROOT)).replace("{year}", Integer.toString(year));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
