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

    public String date(Instant instant, Lang lang) {
        return instant == null ? "" : format("format.date", lang).format(instant);
    }

    public String time(Instant instant, Lang lang) {
        return instant == null ? "" : format("format.time", lang).format(instant);
    }

    private DateTimeFormatter format(String key, Lang lang) {
        return formats.computeIfAbsent(key + "|" + lang.tag(),
                k -> DateTimeFormatter.ofPattern(get(key, lang), lang.locale()).withZone(HONG_KONG));
    }
}
