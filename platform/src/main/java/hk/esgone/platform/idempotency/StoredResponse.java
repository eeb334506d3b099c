package hk.esgone.platform.idempotency;

import java.util.Map;

/**
 * A response as it was sent the first time, kept so that a replay is byte-for-byte the same.
 *
 * @param status      HTTP status
 * @param contentType media type of {@code body}
 * @param body        the body as sent
 * @param headers     headers that belong to the response (e.g. {@code Location}); never security headers
 */
public record StoredResponse(int status, String contentType, String body, Map<String, String> headers) {

    public StoredResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Whether the outcome is final and must be replayed (as opposed to a server failure worth retrying). */
    boolean isFinal() {
        return status < 500;
    }
}
