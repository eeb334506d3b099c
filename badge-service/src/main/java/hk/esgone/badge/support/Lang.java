package hk.esgone.badge.support;

import java.util.List;
import java.util.Locale;

/** The two languages of the public pages and the widget: an explicit choice wins over Accept-Language. */
public enum Lang {
    EN("en", "en_HK"),
    ZH_HANT("zh-Hant", "zh_HK");

    private final String tag;
    private final String ogLocale;
    private final Locale locale;

    Lang(String tag, String ogLocale) {
        this.tag = tag;
        this.ogLocale = ogLocale;
        this.locale = Locale.forLanguageTag(tag);
    }

    public String tag() {
        return tag;
    }

    /** The locale of the message bundles ({@code messages_zh_Hant.properties} for Traditional Chinese). */
    public Locale locale() {
        return locale;
    }

    public String ogLocale() {
        return ogLocale;
    }

    public Lang other() {
        return this == EN ? ZH_HANT : EN;
    }

    /** {@code ?lang=} value, or null when absent or not one of ours. */
    public static Lang fromParameter(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("en") || v.startsWith("en-")) {
            return EN;
        }
        if (v.equals("zh") || v.startsWith("zh-")) {
            return ZH_HANT;
        }
        return null;
    }

    public static Lang resolve(String parameter, String acceptLanguage) {
        Lang explicit = fromParameter(parameter);
        if (explicit != null) {
            return explicit;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() < 512) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                for (Locale.LanguageRange range : ranges) {
                    String r = range.getRange().toLowerCase(Locale.ROOT);
                    if (range.getWeight() <= 0) {
                        continue;
                    }
                    if (r.startsWith("zh")) {
                        return ZH_HANT;
                    }
                    if (r.startsWith("en")) {
                        return EN;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return EN;
            }
        }
        return EN;
    }
}
