package hk.esgone.web.support;

import tools.jackson.databind.JsonNode;

/**
 * A text the services send in both languages ({@code {"en": ..., "zhHant": ...}}), shown in the page's language
 * and, when that one is missing, in the other (then marked with the other's {@code lang} by the template).
 */
public record Bilingual(String en, String zhHant) {

    public static Bilingual of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Bilingual(null, null);
        }
        return new Bilingual(blankToNull(node.path("en").asString(null)), blankToNull(node.path("zhHant").asString(null)));
    }

    /** The text in {@code lang} ({@code en} or {@code zh-Hant}), else in the other language, else empty. */
    public String in(String lang) {
        String wanted = "zh-Hant".equals(lang) ? zhHant : en;
        String other = "zh-Hant".equals(lang) ? en : zhHant;
        return wanted != null ? wanted : other != null ? other : "";
    }

    /** The {@code lang} of what {@link #in(String)} returns. */
    public String langOf(String lang) {
        String wanted = "zh-Hant".equals(lang) ? zhHant : en;
        if (wanted != null) {
            return lang;
        }
        return "zh-Hant".equals(lang) ? "en" : "zh-Hant";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
