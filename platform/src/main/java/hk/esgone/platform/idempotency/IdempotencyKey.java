package hk.esgone.platform.idempotency;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

/** The {@code Idempotency-Key} request header: required on the POSTs that use it, and well-formed. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Set on a response that is a replay of a stored one. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Printable, no separators we use internally; UUIDs and ULIDs fit. The draft allows quoting; we accept both. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:~+/=-]{8,128}");

    private IdempotencyKey() {
    }

    /** The key from the header value, or a 400 problem when it is missing or malformed. */
    public static String require(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-missing", "Idempotency-Key required",
                    "This request creates something and must carry an Idempotency-Key header (for example a new UUID per "
                            + "intended operation, reused on retries).");
        }
        String key = headerValue.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!WELL_FORMED.matcher(key).matches()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Invalid Idempotency-Key",
                    "The Idempotency-Key must be 8 to 128 characters from letters, digits and . _ : ~ + / = -.");
        }
        return key;
    }
}
