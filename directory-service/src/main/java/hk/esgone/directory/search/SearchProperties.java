package hk.esgone.directory.search;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Elasticsearch and the indexer.
 *
 * @param url               Elasticsearch base URL
 * @param indexPrefix       prepended to the alias and index names, so that several test runs or stacks can
 *                          share one cluster ({@code ""} in production: the alias is {@code companies})
 * @param requestTimeout    per search or bulk request
 * @param sweepInterval     how often the indexer looks for pending companies (it also runs at once after each write)
 * @param batchSize         companies per bulk request
 * @param cursorSecret      HMAC key of search cursors; set a random value per environment
 * @param reconcileInterval how often a reconcile runs in the background (zero: never)
 * @param autoReindex       rebuild the index at start when its mapping is older than the code's
 * @param username          basic-auth user for a secured cluster (ECK in production); unset for the dev node
 * @param password          its password, from a Secret
 */
@Validated
@ConfigurationProperties("esg.directory.search")
public record SearchProperties(
        @NotBlank String url,
        @Pattern(regexp = "^[a-z0-9_-]{0,60}$") String indexPrefix,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration sweepInterval,
        @Min(1) @Max(5000) Integer batchSize,
        @NotBlank String cursorSecret,
        Duration reconcileInterval,
        Boolean autoReindex,
        String username,
        String password) {

    public SearchProperties {
        indexPrefix = indexPrefix == null ? "" : indexPrefix;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        reconcileInterval = reconcileInterval == null ? Duration.ofHours(1) : reconcileInterval;
        autoReindex = autoReindex == null || autoReindex;
    }

    /** The alias searches and writes go to. */
    public String alias() {
        return indexPrefix + "companies";
    }
}
