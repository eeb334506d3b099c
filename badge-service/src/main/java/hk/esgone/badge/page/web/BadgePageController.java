package hk.esgone.badge.page.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.badge.support.Lang;
import hk.esgone.badge.support.Texts;
import hk.esgone.badge.verify.BadgeVerification;
import hk.esgone.badge.verify.Check;
import hk.esgone.badge.verify.VerificationStatus;
import reactor.core.publisher.Mono;

/**
 * The public verification page {@code /badges/{id}} (template {@code page/badge.html}): server-rendered, in English or
 * Traditional Chinese ({@code ?lang=} wins over {@code Accept-Language}), with Open Graph tags for link previews and
 * an unmistakable banner when the badge is not valid. The template escapes every piece of data; the page runs no
 * script.
 */
@RestController
class BadgePageController {

    static final String CSP = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final BadgeVerification verification;
    private final BadgeProperties properties;
    private final Texts texts;
    private final ISpringWebFluxTemplateEngine templates;

    BadgePageController(BadgeVerification verification, BadgeProperties properties, Texts texts, ISpringWebFluxTemplateEngine templates) {
        this.verification = verification;
        this.properties = properties;
        this.texts = texts;
        this.templates = templates;
    }

    @GetMapping(path = "/badges/{id}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> page(@PathVariable String id, @RequestParam(required = false) String lang,
                                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Lang language = Lang.resolve(lang, acceptLanguage);
        return verification.verify(id).map(result -> {
            boolean unknown = result.status() == VerificationStatus.UNKNOWN;
            String html = templates.process("page/badge", new Context(language.locale(), unknown
                    ? Map.of("page", notFoundPage(language))
                    : Map.of("page", page(result, language), "badge", badge(result, language))));
            return ResponseEntity
                    .status(unknown ? HttpStatus.NOT_FOUND : HttpStatus.OK)
                    .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                    .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                    .header("Content-Security-Policy", CSP)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "strict-origin-when-cross-origin")
                    .body(html);
        });
    }

    private BadgePageView page(BadgeVerification.Result r, Lang lang) {
        String base = properties.base();
        String pageUrl = base + "/badges/" + r.badgeId();
        String name = text(r.achievement().name(), lang);
        String holderName = holderName(r, lang);
        String statusText = texts.get("status." + r.status().name(), lang);
        String title = name + " — " + holderName + " (" + statusText + ")";
        String description = texts.get("banner." + r.status().name(), lang) + " " + texts.get("holder", lang) + ": "
                + holderName + ". " + texts.get("validUntil", lang) + ": " + texts.date(r.validUntil(), lang) + ".";
        String image = r.achievement().imageUrl() != null ? r.achievement().imageUrl() : base + "/widget/badges/" + r.badgeId() + ".svg";
        return new BadgePageView(lang.tag(), lang.ogLocale(), lang.other().ogLocale(), title, description, pageUrl, image, pageUrl,
                languages("/badges/" + r.badgeId() + "?", lang));
    }

    private BadgePageView notFoundPage(Lang lang) {
        return new BadgePageView(lang.tag(), lang.ogLocale(), lang.other().ogLocale(), texts.get("notFoundTitle", lang),
                texts.get("notFoundText", lang), properties.base() + "/badges/", null, null, languages("?", lang));
    }

    private BadgePageView.Badge badge(BadgeVerification.Result r, Lang lang) {
        boolean valid = r.status() == VerificationStatus.VALID;
        List<BadgePageView.CheckRow> checks = r.checks().stream().map(c -> checkRow(c, r, lang)).toList();
        List<BadgePageView.DateRow> dates = List.of(
                date("issuedAt", r.issuedAt(), texts.date(r.issuedAt(), lang)),
                date("validFrom", r.validFrom(), texts.date(r.validFrom(), lang)),
                date("validUntil", r.validUntil(), texts.date(r.validUntil(), lang)),
                date("checkedAt", r.checkedAt(), texts.time(r.checkedAt(), lang)));
        // same-origin paths: the page, the image and the API sit behind the same gateway
        return new BadgePageView.Badge(r.status().name(), valid, texts.get("status." + r.status().name(), lang),
                text(r.achievement().name(), lang), holderName(r, lang), r.holder().companyId(), r.holder().brNumber(), r.holder().uscc(),
                text(r.achievement().description(), lang), r.achievement().criteria() == null ? null : text(r.achievement().criteria(), lang),
                texts.get("issuerName", lang), "/widget/badges/" + r.badgeId() + ".svg?lang=" + lang.tag(), dates, checks,
                "/api/v1/badges/credentials/" + r.badgeId(), "/api/v1/badges/verify/" + r.badgeId());
    }

    /** One check in the page's language: its detail from the bundles, with the dates it names in Hong Kong time. */
    private BadgePageView.CheckRow checkRow(Check c, BadgeVerification.Result r, Lang lang) {
        Object[] args = switch (c.check()) {
            case "RECORD" -> new Object[] {texts.time(r.issuedAt(), lang)};
            case "VALIDITY_PERIOD" -> c.failed() ? new Object[] {texts.time(r.validUntil(), lang)}
                    : new Object[] {texts.time(r.validFrom(), lang), texts.time(r.validUntil(), lang)};
            case "REVOCATION" -> new Object[] {texts.time(r.revokedAt(), lang)};
            case "SUSPENSION" -> new Object[] {texts.time(r.suspendedAt(), lang)};
            default -> new Object[0];
        };
        String detail = texts.format("detail." + c.check() + "." + c.outcome().name(), lang, args);
        return new BadgePageView.CheckRow(c.check(), c.outcome().name(),
                c.outcome() == Check.Outcome.PASSED ? "ok" : c.outcome() == Check.Outcome.FAILED ? "bad" : "skip",
                c.outcome() == Check.Outcome.PASSED ? "✔" : c.outcome() == Check.Outcome.FAILED ? "✖" : "–",
                // a check the bundles do not describe keeps the verifier's own (English) words, marked as such
                detail != null ? detail : c.detail(), detail != null ? lang.tag() : "en");
    }

    private static BadgePageView.DateRow date(String label, Instant instant, String shown) {
        return new BadgePageView.DateRow(label, instant == null ? null : instant.toString(), shown);
    }

    private static List<BadgePageView.LanguageLink> languages(String hrefPrefix, Lang current) {
        return Arrays.stream(Lang.values())
                .map(l -> new BadgePageView.LanguageLink(hrefPrefix + "lang=" + l.tag(), l.tag(), l == Lang.EN ? "English" : "繁體中文", l == current))
                .toList();
    }

    private static String holderName(BadgeVerification.Result r, Lang lang) {
        return r.holder().name() == null ? r.holder().companyId() : text(r.holder().name(), lang);
    }

    private static String text(Bilingual text, Lang lang) {
        return text == null ? "" : text.in(lang);
    }
}
