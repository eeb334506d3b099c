package hk.esgone.offers.support;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

/**
 * Checks user text before it builds a MongoDB query. BSON cannot carry a NUL inside a regular expression
 * or a key, nor a lone surrogate (it has no UTF-8 form), and nothing gains from other control characters
 * or unbounded lengths: such text is refused with a 400 {@code validation} problem naming the parameter,
 * never sent to the database.
 */
public final class QueryText {

    private QueryText() {
    }

    /** {@code value} unchanged when safe (null stays null); tab and line breaks are allowed (they separate words). */
    public static String check(String parameter, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw invalid(parameter, "At most " + maxLength + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw invalid(parameter, "No control characters (U+0000 to U+001F, U+007F to U+009F) other than tab and line breaks.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(parameter, "Not valid Unicode text (a lone surrogate).");
            }
        }
        return value;
    }

    private static ApiProblem invalid(String parameter, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", parameter + " is invalid: " + message,
                Map.of("errors", List.of(Map.of("field", parameter, "message", message))));
    }
}
