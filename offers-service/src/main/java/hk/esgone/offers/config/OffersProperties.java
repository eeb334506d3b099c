package hk.esgone.offers.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of offers-service ({@code esg.offers.*}). URLs of other services come from the environment
 * ({@code BADGE_URL}, {@code DIRECTORY_URL}) with loopback defaults.
 *
 * @param badgeUrl            badge-service base URL (live holdings for eligibility)
 * @param directoryUrl        directory-service base URL (public company profile: industry)
 * @param upstream            timeouts for both upstreams
 * @param cursorSecret        HMAC key of pagination cursors; set the same value on every replica
 * @param idempotency         how long keys are kept and how long a running request holds its key
 * @param claimLease          how long an unfinished claim is left alone before recovery releases its place
 * @param sweep               periodic lifecycle sweep and claim recovery
 * @param limits              sane maxima for offers and uploads
 * @param demoData            load a few demo offers at start ({@code ESG_OFFERS_DEMO_DATA})
 */
@Validated
@ConfigurationProperties("esg.offers")
public record OffersProperties(
        @NotNull URI badgeUrl,
        @NotNull URI directoryUrl,
        @Valid Upstream upstream,
        String cursorSecret,
        @Valid Idempotency idempotency,
        Duration claimLease,
        @Valid Sweep sweep,
        @Valid Limits limits,
        boolean demoData) {

    public OffersProperties {
        upstream = upstream != null ? upstream : new Upstream(null, null, null);
        idempotency = idempotency != null ? idempotency : new Idempotency(null, null);
        claimLease = claimLease != null ? claimLease : Duration.ofSeconds(30);
        sweep = sweep != null ? sweep : new Sweep(true, null);
        limits = limits != null ? limits : new Limits(null, null, null, null);
    }

    /**
     * @param connectTimeout  TCP connect limit
     * @param responseTimeout limit for the whole answer, retries included
     * @param retryAfter      what a 503 tells the client when an upstream cannot answer
     */
    public record Upstream(Duration connectTimeout, Duration responseTimeout, Duration retryAfter) {
        public Upstream {
            connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(1);
            responseTimeout = responseTimeout != null ? responseTimeout : Duration.ofSeconds(2);
            retryAfter = retryAfter != null ? retryAfter : Duration.ofSeconds(5);
        }
    }

    /**
     * @param retention how long a key and its response are kept (at least 24 hours)
     * @param lease     how long a request that is still running holds its key; a crashed owner's key is
     *                  taken over after this
     */
    public record Idempotency(Duration retention, Duration lease) {
        public Idempotency {
            retention = retention != null ? retention : Duration.ofHours(24);
            lease = lease != null ? lease : Duration.ofSeconds(30);
        }

        @AssertTrue(message = "idempotency keys must be kept at least 24 hours")
        public boolean isRetentionLongEnough() {
            return retention.compareTo(Duration.ofHours(24)) >= 0;
        }
    }

    public record Sweep(boolean enabled, Duration interval) {
        public Sweep {
            interval = interval != null ? interval : Duration.ofSeconds(15);
        }
    }

    /**
     * @param maxQuota           largest total quota of one offer
     * @param maxPerCompanyLimit largest per-company limit
     * @param maxCodesPerUpload  rows in one CSV upload
     * @param lowStockThreshold  a code pool is low when fewer codes than this (and than the places left) remain
     */
    public record Limits(@Min(1) @Max(1_000_000) Integer maxQuota, @Min(1) @Max(1000) Integer maxPerCompanyLimit,
                         @Min(1) @Max(50_000) Integer maxCodesPerUpload, @Min(0) Integer lowStockThreshold) {
        public Limits {
            maxQuota = maxQuota != null ? maxQuota : 100_000;
            maxPerCompanyLimit = maxPerCompanyLimit != null ? maxPerCompanyLimit : 100;
            maxCodesPerUpload = maxCodesPerUpload != null ? maxCodesPerUpload : 10_000;
            lowStockThreshold = lowStockThreshold != null ? lowStockThreshold : 10;
        }
    }
}
