package hk.esgone.directory.search;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;

import co.elastic.clients.elasticsearch._types.FieldValue;
import hk.esgone.platform.problem.ApiProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opaque, tamper-evident page cursors: {@code base64url(json) "." base64url(HMAC-SHA256(json))}. The
 * JSON holds the sort values of the last hit ({@code search_after}) and the fingerprint of the search
 * they belong to, so a forged, altered or transplanted cursor is refused with a 400 problem.
 */
public final class SearchCursor {

    static final int MAX_LENGTH = 2048;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public SearchCursor(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String encode(String fingerprint, List<FieldValue> after) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("v", 1);
        payload.put("f", fingerprint);
        ArrayNode values = payload.putArray("a");
        for (FieldValue value : after) {
            if (value.isLong()) {
                values.add("l:" + value.longValue());
            } else if (value.isDouble()) {
                values.add("d:" + Double.toString(value.doubleValue()));
            } else if (value.isString()) {
                values.add("s:" + value.stringValue());
            } else if (value.isBoolean()) {
                values.add("b:" + value.booleanValue());
            } else if (value.isNull()) {
                values.add("n:");
            } else {
                values.add("s:" + value._get());
            }
        }
        byte[] json = JSON.writeValueAsBytes(payload);
        return ENCODER.encodeToString(json) + "." + ENCODER.encodeToString(mac(json));
    }

    public List<FieldValue> decode(String cursor, String fingerprint) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        byte[] json;
        byte[] signature;
        try {
            json = DECODER.decode(cursor.substring(0, dot));
            signature = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(mac(json), signature)) {
            throw invalid();
        }
        try {
            JsonNode payload = JSON.readTree(json);
            if (payload.path("v").asInt() != 1) {
                throw invalid();
            }
            if (!fingerprint.equals(payload.path("f").asString())) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                        "This cursor belongs to another search (query, filters or sort changed); start again without a cursor.");
            }
            List<FieldValue> after = new ArrayList<>();
            for (JsonNode node : payload.path("a")) {
                String value = node.asString();
                String body = value.length() >= 2 ? value.substring(2) : "";
                after.add(switch (value.length() >= 2 ? value.substring(0, 2) : "") {
                    case "l:" -> FieldValue.of(Long.parseLong(body));
                    case "d:" -> FieldValue.of(Double.parseDouble(body));
                    case "s:" -> FieldValue.of(body);
                    case "b:" -> FieldValue.of(Boolean.parseBoolean(body));
                    case "n:" -> FieldValue.NULL;
                    default -> throw invalid();
                });
            }
            if (after.isEmpty()) {
                throw invalid();
            }
            return after;
        } catch (JacksonException | NumberFormatException e) {
            throw invalid();
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor is not one this service issued, or it was altered.");
    }
}
