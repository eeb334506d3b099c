package hk.esgone.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Base URLs of the services behind the gateway (from {@code DIRECTORY_URL}, {@code OFFERS_URL},
 * {@code BADGE_URL}; localhost defaults for development).
 */
@Validated
@ConfigurationProperties("esg.gateway.services")
public record DownstreamServices(@NotNull URI directory, @NotNull URI offers, @NotNull URI badge) {

    public static final String DIRECTORY = "directory";
    public static final String OFFERS = "offers";
    public static final String BADGE = "badge";

    /** Service name to base URL, in a stable order. */
    public Map<String, URI> byName() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put(DIRECTORY, directory);
        services.put(OFFERS, offers);
        services.put(BADGE, badge);
        return services;
    }
}
