package hk.esgone.platform.web;

import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/**
 * The two languages of the marketplace's pages, English and Traditional Chinese, and how a request's language is
 * chosen: the {@value #COOKIE} cookie set by the portal's language switch, else the best match of
 * {@code Accept-Language}, else English. The portal and the gateway's own pages choose alike.
 */
public final class PageLanguage {

    public static final String COOKIE = "lang";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.forLanguageTag("zh-Hant");

    private PageLanguage() {
    }

    /** {@code en} or {@code zh-Hant} (also zh, zh-HK, zh-TW, zh-MO, zh-Hant-*) to one of ours; anything else empty. */
    public static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(tag.trim());
        return switch (locale.getLanguage()) {
            case "en" -> Optional.of(ENGLISH);
            // Simplified-Chinese readers are better served by Traditional than by English
            case "zh" -> Optional.of(CHINESE);
            default -> Optional.empty();
        };
    }

    /** The tag written in {@code lang} attributes and links: {@code en} or {@code zh-Hant}. */
    public static String tag(Locale locale) {
        return CHINESE.equals(locale) ? "zh-Hant" : "en";
    }

    /** Cookie first, then {@code Accept-Language} in the browser's order of preference. */
    public static Locale of(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(COOKIE);
        return of(cookie == null ? null : cookie.getValue(), request.getHeaders());
    }

    /** The same rule for a request known only by its headers (one refused before it reached the application). */
    public static Locale of(HttpHeaders headers) {
        String chosen = null;
        for (String header : headers.getOrEmpty(HttpHeaders.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                if (COOKIE.equals(cookie.name()) && chosen == null) {
                    chosen = cookie.value();
                }
            }
        }
        return of(chosen, headers);
    }

    private static Locale of(String cookie, HttpHeaders headers) {
        Optional<Locale> chosen = parse(cookie);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(
                    String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT_LANGUAGE)))) {
                Optional<Locale> match = parse(range.getRange());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a malformed header is ignored, not an error: the page is shown in English
        }
        return ENGLISH;
    }
}
