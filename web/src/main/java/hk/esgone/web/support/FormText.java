package hk.esgone.web.support;

/** What a person typed into a search box or a form, made safe to pass on: no control, bidi-override or lone surrogate characters. */
public final class FormText {

    private FormText() {
    }

    /**
     * A text of several lines (a description): like {@link #clean} within each line, line breaks kept as {@code \n},
     * at most two in a row; null when empty.
     */
    public static String cleanLines(String raw, int max) {
        if (raw == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String cleaned = clean(line, max);
            text.append(cleaned == null ? "" : cleaned).append('\n');
        }
        String joined = text.toString().replaceAll("\n{3,}", "\n\n").strip();
        if (joined.codePointCount(0, joined.length()) > max) {
            joined = joined.substring(0, joined.offsetByCodePoints(0, max)).strip();
        }
        return joined.isEmpty() ? null : joined;
    }

    /** {@code raw} without characters no search needs, spaces collapsed, at most {@code max} characters; null when empty. */
    public static String clean(String raw, int max) {
        if (raw == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        raw.codePoints().filter(cp -> !Character.isISOControl(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFEFF
                        && !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069))
                .limit(max).forEach(text::appendCodePoint);
        String cleaned = text.toString().strip().replaceAll("\\s+", " ");
        return cleaned.isEmpty() ? null : cleaned;
    }
}
