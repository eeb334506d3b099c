package hk.esgone.badge.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import hk.esgone.platform.problem.ApiProblem;

/**
 * A page of results with an opaque cursor. The cursor is base64url of the last key of the page, and is
 * validated strictly when it comes back: a forged or damaged one is a 400, never a query on arbitrary input.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static <T> Page<T> of(List<T> items, int limit, Function<T, String> key) {
        String next = items.size() == limit && !items.isEmpty() ? encodeCursor(key.apply(items.getLast())) : null;
        return new Page<>(items, next);
    }

    public static void checkLimit(int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiProblem.validation("limit must be between 1 and 100.");
        }
    }

    public static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static String decodeCursor(String cursor, Pattern keyFormat) {
        try {
            if (cursor.length() > 200) {
                throw new IllegalArgumentException();
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("k:") || !keyFormat.matcher(raw.substring(2)).matches()) {
                throw new IllegalArgumentException();
            }
            return raw.substring(2);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                    "The cursor is not one this API returned.");
        }
    }
}
