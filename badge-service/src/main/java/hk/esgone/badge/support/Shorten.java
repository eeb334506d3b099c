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

    /**
     * Shortens to what fits in {@code ems} (widths in units of the font size), with an ellipsis: the SVG image cannot
     * wrap or ellipsise by itself. A generous estimate of each character's width: Chinese, Japanese, Korean and other
     * full-width characters 1 em, capitals and wide letters 0.75 em, anything else 0.55 em (bold system fonts; the
     * browser test measures the drawn text).
     */
    public static String toWidth(String text, double ems) {
        if (text == null) {
            return "";
        }
        if (width(text) <= ems) {
            return text;
        }
        double budget = ems - 1.0; // the ellipsis, with room to spare
        double used = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            double w = width(cp);
            if (used + w > budget) {
                break;
            }
            used += w;
            end += Character.charCount(cp);
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    static double width(String text) {
        return text.codePoints().mapToDouble(Shorten::width).sum();
    }

    private static double width(int cp) {
        if (Character.isIdeographic(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x1F300) {
            return 1.0;
        }
        if (Character.isUpperCase(cp) || cp == 'm' || cp == 'w' || cp == '—' || cp == '✔' || cp == '✖') {
            return 0.75;
        }
        return 0.55;
    }
}
