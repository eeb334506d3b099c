package hk.esgone.platform.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the shared idempotency store ({@code esg.idempotency.*}).
 *
 * @param collection name of the keys collection; responses go to {@code <collection>_responses}
 * @param retention  how long a key and its response are kept (at least 24 hours)
 * @param lease      how long a request that is still running holds its key; a crashed owner's key is taken
 *                   over after this, and an operation is cut off after half of it
 */
@Validated
@ConfigurationProperties("esg.idempotency")
public record IdempotencyProperties(
        @Pattern(regexp = "[A-Za-z0-9_]{1,64}") String collection,
        Duration retention,
        Duration lease) {

    public IdempotencyProperties {
        collection = collection != null ? collection : "idempotency_keys";
        retention = retention != null ? retention : Duration.ofHours(24);
        lease = lease != null ? lease : Duration.ofSeconds(30);
    }

    @AssertTrue(message = "idempotency keys must be kept at least 24 hours")
    public boolean isRetentionLongEnough() {
        return retention.compareTo(Duration.ofHours(24)) >= 0;
    }

    @AssertTrue(message = "the idempotency lease must be positive")
    public boolean isLeasePositive() {
        return lease.isPositive();
    }
}
