package hk.esgone.web.support;

/** What a person typed into a search box, made safe to pass on: no control, bidi-override or lone surrogate characters. */
public final class FormText {

    private FormText() {
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
