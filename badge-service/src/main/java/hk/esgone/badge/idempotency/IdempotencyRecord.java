package hk.esgone.badge.idempotency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One use of an {@code Idempotency-Key}: the fingerprint of the request it came with and, once done, the
 * response to replay. {@code expiresAt} is also checked when reading, since the embedded development server
 * never enforces TTL indexes.
 */
@Document("idempotency_keys")
record IdempotencyRecord(
        @Id String id,
        String requestHash,
        boolean completed,
        int responseStatus,
        String responseBody,
        Instant createdAt,
        Instant expiresAt) {
}
