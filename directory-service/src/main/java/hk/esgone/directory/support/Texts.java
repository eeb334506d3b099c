package hk.esgone.directory.support;

import java.text.Normalizer;

import hk.esgone.platform.text.TextRules;

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

    /**
     * Whether the text breaks the platform's text rules: control characters (other than tab and line breaks,
     * which {@code multiline} allows), bidirectional controls, BOM, noncharacters, lone surrogates.
     */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        return violation(text, multiline) != null;
    }

    /** Why the text breaks the platform's text rules, naming the character and its position, or null. */
    public static String violation(String text, boolean multiline) {
        return TextRules.violation(text, multiline ? TextRules.Kind.FREE : TextRules.Kind.PLAIN);
    }

    /** Length in code points, so one Chinese character counts as one. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
