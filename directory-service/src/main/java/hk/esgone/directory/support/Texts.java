package hk.esgone.directory.support;

import java.text.Normalizer;

/**
 * Normalisation and checks for user-written text. Text is stored as plain text exactly as written
 * (after NFC normalisation and trimming): markup such as {@code <script>} is kept as characters and is
 * never interpreted by this service; JSON encoding and the HTML-encoding highlighter keep it inert.
 */
public final class Texts {

    private Texts() {
    }

    /** NFC, trimmed; blank becomes null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return normalized.isEmpty() ? null : normalized;
    }

    public static Bilingual clean(Bilingual text) {
        if (text == null) {
            return null;
        }
        Bilingual cleaned = new Bilingual(clean(text.en()), clean(text.zhHant()));
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Control characters other than tab and line breaks (which {@code multiline} allows). */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
            if ((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') && !allowed) {
                return true;
            }
        }
        return false;
    }

    /** Length in code points, so one Chinese character counts as one. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
