package hk.esgone.directory.badges;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import hk.esgone.directory.feeds.FeedFollower;

/**
 * badge-service's event feed ({@code GET {url}/internal/events?after=&limit=}, docs/contracts.md).
 *
 * @param enabled      consume it at all
 * @param url          badge-service base URL
 * @param pollInterval pause between polls once caught up
 * @param batchSize    events per request (1..500)
 * @param timeout      per request
 */
@ConfigurationProperties("esg.directory.badge-feed")
public record BadgeFeedProperties(Boolean enabled, String url, Duration pollInterval, Integer batchSize, Duration timeout) implements FeedFollower.Settings {

    public BadgeFeedProperties {
        enabled = enabled == null || enabled;
        url = url == null ? "http://127.0.0.1:8083" : url.replaceAll("/+$", "");
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 200 : Math.max(1, Math.min(500, batchSize));
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
