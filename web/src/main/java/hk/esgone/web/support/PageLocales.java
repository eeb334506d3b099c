package hk.esgone.web.support;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import hk.esgone.platform.web.PageLanguage;

/**
 * The two languages of the portal, English and Traditional Chinese, and how a request's language is chosen (as
 * {@link PageLanguage}: the language switch's cookie, else {@code Accept-Language}, else English), kept in a cookie.
 */
public final class PageLocales {

    public static final String COOKIE = PageLanguage.COOKIE;
    public static final Locale ENGLISH = PageLanguage.ENGLISH;
    public static final Locale CHINESE = PageLanguage.CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private PageLocales() {
    }

    /** {@code en} or {@code zh-Hant} (also zh, zh-HK, zh-TW, zh-MO, zh-Hant-*) to one of ours; anything else empty. */
    public static Optional<Locale> parse(String tag) {
        return PageLanguage.parse(tag);
    }

    /** The tag written in {@code lang} attributes and links: {@code en} or {@code zh-Hant}. */
    public static String tag(Locale locale) {
        return PageLanguage.tag(locale);
    }

    /** Cookie first, then {@code Accept-Language} in the browser's order of preference ({@link PageLanguage}). */
    public static Locale of(ServerWebExchange exchange) {
        return PageLanguage.of(exchange.getRequest());
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
