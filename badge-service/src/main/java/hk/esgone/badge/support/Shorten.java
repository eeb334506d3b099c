package hk.esgone.badge.support;

/** Shortening of text shown to people (problem details, the widget image). */
public final class Shorten {

    private Shorten() {
    }

    /** Shortens to at most {@code max} characters, on a code-point boundary, with an ellipsis. */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end) + "…";
    }
}
