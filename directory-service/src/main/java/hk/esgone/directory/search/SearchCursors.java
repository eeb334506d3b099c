package hk.esgone.directory.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import co.elastic.clients.elasticsearch._types.FieldValue;

import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.problem.ApiProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Search pages are cursors of the platform's {@link CursorCodec}: the position is the sort values of the
 * last hit ({@code search_after}) as a typed JSON array ({@code ["d:3.25","l:1700000000000","s:cmp-g0000042","n:"]}),
 * and the query they are bound to is the search's fingerprint, so a forged, altered or transplanted cursor is
 * refused with a 400 {@code invalid-cursor} problem.
 */
public final class SearchCursors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CursorCodec codec;

    public SearchCursors(CursorCodec codec) {
        this.codec = codec;
    }

    public String encode(String fingerprint, List<FieldValue> after) {
        ArrayNode values = JSON.createArrayNode();
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
        return codec.encode(fingerprint, JSON.writeValueAsString(values));
    }

    public List<FieldValue> decode(String cursor, String fingerprint) {
        String position = codec.decode(cursor, fingerprint);
        try {
            List<FieldValue> after = new ArrayList<>();
            for (JsonNode node : JSON.readTree(position)) {
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

    /** A signed position this service cannot read (only possible with a leaked key or a changed format). */
    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor is not one this service issued, or it was altered.");
    }
}
