package hk.esgone.directory.assessments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import hk.esgone.directory.feeds.FeedFollower;

/**
 * assessment-service's scorecard feed ({@code GET {url}/internal/events?after=&limit=}, docs/contracts.md).
 *
 * @param enabled      consume it at all
 * @param url          assessment-service base URL ({@code ASSESSMENT_URL})
 * @param pollInterval pause between polls once caught up
 * @param batchSize    events per request (1..500)
 * @param timeout      per request
 */
@ConfigurationProperties("esg.directory.assessment-feed")
public record AssessmentFeedProperties(Boolean enabled, String url, Duration pollInterval, Integer batchSize, Duration timeout) implements FeedFollower.Settings {

    public AssessmentFeedProperties {
        enabled = enabled == null || enabled;
        url = url == null ? "http://127.0.0.1:8084" : url.replaceAll("/+$", "");
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null ? 200 : Math.max(1, Math.min(500, batchSize));
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
