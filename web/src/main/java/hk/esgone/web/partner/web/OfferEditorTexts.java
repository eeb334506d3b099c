package hk.esgone.web.partner.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

import hk.esgone.web.support.PageLocales;

/**
 * The portal's texts in one given language, whatever the page's language is: the preview shows the offer page in
 * English and in Chinese side by side, each with its own labels, taken from the same bundle keys as the offer page.
 */
public final class OfferEditorTexts {

    private final MessageSource messages;
    private final Locale locale;

    OfferEditorTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** {@code en} or {@code zh-Hant}. */
    public String lang() {
        return PageLocales.tag(locale);
    }

    /** The text of {@code key} in this language, with its arguments. */
    public String of(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }
}
