package hk.esgone.platform.text;

import java.text.Normalizer;

import hk.esgone.platform.problem.ApiProblem;

/**
 * What text this marketplace accepts, in one place. Every string is normalised to NFC (so "é" typed as
 * e + combining accent and as one code point are the same name), and refused when it holds characters
 * that cannot be stored faithfully or make a name display as something else:
 * <ul>
 * <li>everywhere: lone surrogates (MongoDB would store U+FFFD while the answer echoed the original);</li>
 * <li>in {@link Kind#PLAIN plain text} (names, titles, identifiers): also bidirectional controls
 * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), the byte-order mark U+FEFF, noncharacters
 * (U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF), control characters (C0, DEL, C1) and the line and paragraph
 * separators U+2028/U+2029;</li>
 * <li>in {@link Kind#FREE free text} (descriptions): the same, except that line breaks ({@code \n},
 * {@code \r}) and tabs may stay.</li>
 * </ul>
 * Services apply it with {@code @PlainText}/{@code @FreeText} on request fields; the JSON reader of every
 * application ({@link TextJacksonModule}) normalises and refuses lone surrogates in every string already.
 */
public final class TextRules {

    /** Which rules apply to a field. */
    public enum Kind {
        /** Single-line names, titles and identifiers. */
        PLAIN,
        /** Descriptions and other multi-line text: line breaks and tabs allowed. */
        FREE
    }

    private static final String LONE_SURROGATE = "a lone surrogate (half of a character)";

    private TextRules() {
    }

    /** {@code value} in Unicode normalisation form C; {@code null} stays {@code null}. */
    public static String normalize(String value) {
        if (value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return value;
        }
        return Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * Why {@code value} is refused under {@code kind}, naming the first offending character and its position,
     * or {@code null} when it is acceptable (and for {@code null}).
     */
    public static String violation(CharSequence value, Kind kind) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                if (isNoncharacter(codePoint)) {
                    return describe(codePoint, i, "a noncharacter");
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return describe(c, i, LONE_SURROGATE);
            }
            String why = refusedBmp(c, kind);
            if (why != null) {
                return describe(c, i, why);
            }
        }
        return null;
    }

    /** Why {@code value} is refused everywhere (it holds a surrogate that is not half of a pair), or {@code null}. */
    public static String loneSurrogate(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return describe(c, i, LONE_SURROGATE);
            }
        }
        return null;
    }

    /**
     * {@code value} normalised to NFC, or a 400 problem of type {@code validation} whose {@code errors} name
     * {@code field}, for code that checks text outside bean validation (query parameters, say).
     */
    public static String require(String field, String value, Kind kind) {
        String why = violation(value, kind);
        if (why != null) {
            throw ApiProblem.invalidField(field, why);
        }
        return normalize(value);
    }

    private static String refusedBmp(char c, Kind kind) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return kind == Kind.FREE ? null : "a line break or tab (this field is a single line)";
        }
        if (Character.getType(c) == Character.CONTROL) {
            return "a control character";
        }
        if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F' || c == '\u061C') {
            return "a bidirectional control, which can make text display as something else";
        }
        if (c == '\uFEFF') {
            return "a byte-order mark";
        }
        if (c == '\u2028' || c == '\u2029') {
            return kind == Kind.FREE ? null : "a line or paragraph separator (this field is a single line)";
        }
        if (isNoncharacter(c)) {
            return "a noncharacter";
        }
        return null;
    }

    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String describe(int codePoint, int index, String what) {
        return "contains U+%04X, %s, at position %d".formatted(codePoint, what, index);
    }
}
