package hk.esgone.assessment.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the improvement plan looks up service providers and partner offers, and how long it waits.
 *
 * @param directoryUrl directory-service ({@code DIRECTORY_URL}): the public search, filtered by solution category
 * @param offersUrl    offers-service ({@code OFFERS_URL}): the public catalogue, filtered by offer category
 * @param timeout      the most one lookup may take, connection included; past it the plan answers without it
 */
@ConfigurationProperties("esg.assessment.lookups")
public record LookupProperties(URI directoryUrl, URI offersUrl, Duration timeout) {

    public LookupProperties {
        directoryUrl = directoryUrl == null ? URI.create("http://127.0.0.1:8081") : directoryUrl;
        offersUrl = offersUrl == null ? URI.create("http://127.0.0.1:8082") : offersUrl;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("esg.assessment.lookups.timeout must be more than 0 and at most 30 s");
        }
    }
}
