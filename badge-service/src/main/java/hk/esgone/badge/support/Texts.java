package hk.esgone.badge.support;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the public page, the iframe and the SVG, from the message bundles ({@code messages/messages*.properties}),
 * for the texts Java composes (titles, the widget's one-line status); templates read the bundles themselves. Dates
 * are shown in Hong Kong time, in each language's format ({@code format.date}, {@code format.time}).
 */
@Component
public class Texts {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final MessageSource messages;
    private final Map<String, DateTimeFormatter> formats = new ConcurrentHashMap<>();

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text of {@code key} in {@code lang}; the key itself when the bundles lack it. */
    public String get(String key, Lang lang) {
        return messages.getMessage(key, null, key, lang.locale());
    }

    /** The text of {@code key} in {@code lang} with its {@code {0}}, {@code {1}} filled in; null when the bundles lack it. */
    public String format(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, null, lang.locale());
    }

    public String date(Instant instant, Lang lang) {
        return instant == null ? "" : format("format.date", lang).format(instant);
    }

    /** Date and time of day in Hong Kong time, e.g. {@code 4 Dec 2026, 3:05 pm HKT} or {@code 2026年12月4日 下午3:05 (HKT)}. */
    public String time(Instant instant, Lang lang) {
        if (instant == null) {
            return "";
        }
        String shown = format("format.time", lang).format(instant);
        // Hong Kong English writes the time of day in lower case (3:05 pm); java.time says PM
        return lang == Lang.EN ? shown.replace(" AM", " am").replace(" PM", " pm") : shown;
    }

    private DateTimeFormatter format(String key, Lang lang) {
        return formats.computeIfAbsent(key + "|" + lang.tag(),
                k -> DateTimeFormatter.ofPattern(get(key, lang), lang.locale()).withZone(HONG_KONG));
    }
}
