package hk.esgone.web.support;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The two languages of the portal, English and Traditional Chinese, and how a request's language is chosen: the
 * {@value #COOKIE} cookie set by the language switch, else the best match of {@code Accept-Language}, else English.
 */
public final class PageLocales {

    public static final String COOKIE = "lang";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.forLanguageTag("zh-Hant");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private PageLocales() {
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
    public static Locale of(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie != null) {
            Optional<Locale> chosen = parse(cookie.getValue());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(
                    String.join(",", exchange.getRequest().getHeaders().getOrEmpty("Accept-Language")))) {
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

    /** The cookie that keeps a chosen language for a year. */
    public static ResponseCookie cookie(Locale locale, boolean secure) {
        return ResponseCookie.from(COOKIE, tag(locale)).path("/").maxAge(Duration.ofDays(365))
                .httpOnly(true).sameSite("Lax").secure(secure).build();
    }

    /** WebFlux has no cookie-based resolver: this one reads as {@link #of} and writes {@link #cookie}. */
    public static final class CookieResolver implements LocaleContextResolver {

        private final boolean secure;

        public CookieResolver(boolean secure) {
            this.secure = secure;
        }

        @Override
        public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
            return new SimpleLocaleContext(of(exchange));
        }

        @Override
        public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
            Locale locale = localeContext == null ? null : localeContext.getLocale();
            if (locale != null) {
                exchange.getResponse().addCookie(cookie(locale, secure));
            }
        }
    }
}
