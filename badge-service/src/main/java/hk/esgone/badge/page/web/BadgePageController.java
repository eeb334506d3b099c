package hk.esgone.badge.page.web;

import static hk.esgone.badge.support.Escape.html;

import java.time.Duration;

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

import hk.esgone.badge.support.Bilingual;
import hk.esgone.badge.support.Lang;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.verify.BadgeVerification;
import hk.esgone.badge.verify.Check;
import hk.esgone.badge.verify.VerificationStatus;
import reactor.core.publisher.Mono;

/**
 * The public verification page {@code /badges/{id}}: server-rendered, in English or Traditional Chinese
 * ({@code ?lang=} wins over {@code Accept-Language}), with Open Graph tags for link previews and an unmistakable
 * banner when the badge is not valid. Every piece of data is HTML-escaped; the page runs no script.
 */
@RestController
class BadgePageController {

    static final String CSP = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final BadgeVerification verification;
    private final BadgeProperties properties;

    BadgePageController(BadgeVerification verification, BadgeProperties properties) {
        this.verification = verification;
        this.properties = properties;
    }

    @GetMapping(path = "/badges/{id}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> page(@PathVariable String id, @RequestParam(required = false) String lang,
                                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Lang language = Lang.resolve(lang, acceptLanguage);
        return verification.verify(id).map(result -> ResponseEntity
                .status(result.status() == VerificationStatus.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.OK)
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .body(result.status() == VerificationStatus.UNKNOWN ? notFound(id, language) : render(result, language)));
    }

    private String render(BadgeVerification.Result r, Lang lang) {
        String base = properties.base();
        String pageUrl = base + "/badges/" + r.badgeId();
        String name = text(r.achievement().name(), lang);
        String holderName = r.holder().name() == null ? r.holder().companyId() : text(r.holder().name(), lang);
        String statusText = Messages.status(r.status(), lang);
        String title = name + " — " + holderName + " (" + statusText + ")";
        String description = Messages.get("banner." + r.status().name(), lang) + " " + Messages.get("holder", lang) + ": "
                + holderName + ". " + Messages.get("validUntil", lang) + ": " + Messages.date(r.validUntil(), lang) + ".";
        String image = r.achievement().imageUrl() != null ? r.achievement().imageUrl() : base + "/widget/badges/" + r.badgeId() + ".svg";
        StringBuilder h = new StringBuilder(8192);
        head(h, lang, title, description, pageUrl, image, r.badgeId());
        h.append("<body>\n<a class=\"skip\" href=\"#main\">").append(html(Messages.get("skip", lang))).append("</a>\n");
        header(h, lang, r.badgeId());
        h.append("<main id=\"main\">\n");
        boolean valid = r.status() == VerificationStatus.VALID;
        h.append("<div class=\"banner ").append(valid ? "ok" : "bad").append("\" role=\"").append(valid ? "status" : "alert")
                .append("\" data-status=\"").append(r.status().name()).append("\">")
                .append("<span class=\"icon\" aria-hidden=\"true\">").append(valid ? "✔" : "✖").append("</span> ")
                .append("<strong>").append(html(Messages.get("banner." + r.status().name(), lang))).append("</strong></div>\n");
        h.append("<div class=\"card").append(valid ? "" : " invalid").append("\">\n");
        // same-origin paths: the page, the image and the API sit behind the same gateway
        h.append("<img class=\"badge\" src=\"").append(html("/widget/badges/" + r.badgeId() + ".svg?lang=" + lang.tag()))
                .append("\" width=\"320\" height=\"96\" alt=\"").append(html(name + " — " + statusText)).append("\">\n");
        h.append("<h1>").append(html(name)).append("</h1>\n");
        h.append("<p class=\"holder\">").append(html(holderName)).append("</p>\n");
        h.append("<dl>\n");
        row(h, Messages.get("status", lang), "<span class=\"status " + (valid ? "ok" : "bad") + "\">" + html(statusText) + "</span>");
        row(h, Messages.get("holder", lang), html(holderName));
        row(h, Messages.get("companyId", lang), "<code>" + html(r.holder().companyId()) + "</code>");
        if (r.holder().brNumber() != null) {
            row(h, Messages.get("brNumber", lang), html(r.holder().brNumber()));
        }
        if (r.holder().uscc() != null) {
            row(h, Messages.get("uscc", lang), html(r.holder().uscc()));
        }
        row(h, Messages.get("achievement", lang), html(name));
        row(h, Messages.get("description", lang), html(text(r.achievement().description(), lang)));
        if (r.achievement().criteria() != null) {
            row(h, Messages.get("criteria", lang), html(text(r.achievement().criteria(), lang)));
        }
        row(h, Messages.get("issuer", lang), html(r.issuer().name()));
        row(h, Messages.get("issuedAt", lang), time(r.issuedAt(), Messages.date(r.issuedAt(), lang)));
        row(h, Messages.get("validFrom", lang), time(r.validFrom(), Messages.date(r.validFrom(), lang)));
        row(h, Messages.get("validUntil", lang), time(r.validUntil(), Messages.date(r.validUntil(), lang)));
        row(h, Messages.get("checkedAt", lang), time(r.checkedAt(), Messages.time(r.checkedAt())));
        h.append("</dl>\n</div>\n");
        h.append("<section aria-labelledby=\"checks\">\n<h2 id=\"checks\">").append(html(Messages.get("checks", lang))).append("</h2>\n<ul class=\"checks\">\n");
        for (Check c : r.checks()) {
            String cls = c.outcome() == Check.Outcome.PASSED ? "ok" : c.outcome() == Check.Outcome.FAILED ? "bad" : "skip";
            h.append("<li class=\"").append(cls).append("\"><span class=\"icon\" aria-hidden=\"true\">")
                    .append(c.outcome() == Check.Outcome.PASSED ? "✔" : c.outcome() == Check.Outcome.FAILED ? "✖" : "–")
                    .append("</span> <strong>").append(html(Messages.get("check." + c.check(), lang))).append("</strong>: ")
                    .append(html(Messages.get(c.outcome().name(), lang))).append(" <span class=\"detail\" lang=\"en\">")
                    .append(html(c.detail())).append("</span></li>\n");
        }
        h.append("</ul>\n</section>\n");
        h.append("<section aria-labelledby=\"self\">\n<h2 id=\"self\">").append(html(Messages.get("selfVerify", lang))).append("</h2>\n<p>")
                .append(html(Messages.get("selfVerifyText", lang))).append("</p>\n<ul>\n");
        link(h, "/api/v1/badges/credentials/" + r.badgeId(), Messages.get("credentialLink", lang));
        link(h, "/.well-known/jwks.json", Messages.get("jwksLink", lang));
        link(h, "/api/v1/badges/verify/" + r.badgeId(), Messages.get("apiLink", lang));
        h.append("</ul>\n</section>\n</main>\n");
        footer(h);
        return h.toString();
    }

    private String notFound(String id, Lang lang) {
        StringBuilder h = new StringBuilder(2048);
        String title = Messages.get("notFoundTitle", lang);
        head(h, lang, title, Messages.get("notFoundText", lang), properties.base() + "/badges/", null, null);
        h.append("<body>\n");
        header(h, lang, null);
        h.append("<main id=\"main\">\n<div class=\"banner bad\" role=\"alert\" data-status=\"UNKNOWN\"><span class=\"icon\" aria-hidden=\"true\">✖</span> <strong>")
                .append(html(Messages.get("banner.UNKNOWN", lang))).append("</strong></div>\n<h1>").append(html(title)).append("</h1>\n<p>")
                .append(html(Messages.get("notFoundText", lang))).append("</p>\n</main>\n");
        footer(h);
        return h.toString();
    }

    private void head(StringBuilder h, Lang lang, String title, String description, String url, String image, String badgeId) {
        h.append("<!doctype html>\n<html lang=\"").append(lang.tag()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(html(title)).append(" | ").append(html(Messages.get("site", lang))).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(html(description)).append("\">\n")
                .append("<meta property=\"og:type\" content=\"website\">\n")
                .append("<meta property=\"og:site_name\" content=\"ESG One\">\n")
                .append("<meta property=\"og:title\" content=\"").append(html(title)).append("\">\n")
                .append("<meta property=\"og:description\" content=\"").append(html(description)).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(html(url)).append("\">\n")
                .append("<meta property=\"og:locale\" content=\"").append(lang.ogLocale()).append("\">\n")
                .append("<meta property=\"og:locale:alternate\" content=\"").append(lang.other().ogLocale()).append("\">\n");
        if (image != null) {
            h.append("<meta property=\"og:image\" content=\"").append(html(image)).append("\">\n")
                    .append("<meta name=\"twitter:card\" content=\"summary\">\n");
        }
        if (badgeId != null) {
            String page = properties.base() + "/badges/" + badgeId;
            h.append("<link rel=\"canonical\" href=\"").append(html(page)).append("\">\n")
                    .append("<link rel=\"alternate\" hreflang=\"en\" href=\"").append(html(page + "?lang=en")).append("\">\n")
                    .append("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"").append(html(page + "?lang=zh-Hant")).append("\">\n");
        }
        h.append("<style>\n").append(STYLE).append("</style>\n</head>\n");
    }

    private void header(StringBuilder h, Lang lang, String badgeId) {
        h.append("<header><span class=\"brand\">").append(html(Messages.get("site", lang))).append("</span>\n")
                .append("<nav aria-label=\"").append(html(Messages.get("language", lang))).append("\"><ul class=\"langs\">");
        for (Lang l : Lang.values()) {
            String label = l == Lang.EN ? "English" : "繁體中文";
            String href = (badgeId == null ? "?" : "/badges/" + badgeId + "?") + "lang=" + l.tag();
            h.append("<li><a href=\"").append(html(href)).append("\" lang=\"").append(l.tag()).append("\" hreflang=\"").append(l.tag()).append("\"");
            if (l == lang) {
                h.append(" aria-current=\"true\"");
            }
            h.append(">").append(label).append("</a></li>");
        }
        h.append("</ul></nav></header>\n");
    }

    private static void footer(StringBuilder h) {
        h.append("<footer><p>ESG One · Open Badges 3.0 · W3C Verifiable Credentials 2.0</p></footer>\n</body>\n</html>\n");
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<dt>").append(html(label)).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static void link(StringBuilder h, String href, String label) {
        h.append("<li><a href=\"").append(html(href)).append("\">").append(html(label)).append("</a></li>\n");
    }

    private static String time(java.time.Instant instant, String shown) {
        return instant == null ? "" : "<time datetime=\"" + html(instant.toString()) + "\">" + html(shown) + "</time>";
    }

    private static String text(Bilingual text, Lang lang) {
        return text == null ? "" : text.in(lang);
    }

    private static final String STYLE = """
            :root{color-scheme:light;--ok:#0b6b2f;--bad:#a4161a;--ink:#1b1f23;--muted:#4a525a;--line:#d0d7de}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans TC","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--ink);background:#f6f8fa}
            .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}
            header{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px;padding:12px 24px;background:#fff;border-bottom:1px solid var(--line)}
            .brand{font-weight:700}
            .langs{list-style:none;display:flex;gap:12px;margin:0;padding:0}
            .langs a{color:#0550ae}.langs a[aria-current]{font-weight:700;text-decoration:none;color:var(--ink)}
            main{max-width:760px;margin:24px auto;padding:0 16px}
            .banner{padding:16px 20px;border-radius:8px;font-size:1.15rem;margin-bottom:20px}
            .banner.ok{background:#dafbe1;border:2px solid var(--ok);color:var(--ok)}
            .banner.bad{background:#ffebe9;border:3px solid var(--bad);color:var(--bad);font-size:1.3rem}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:20px}
            .card.invalid img.badge{filter:grayscale(1)}
            .card img.badge{max-width:100%;height:auto}
            h1{margin:12px 0 4px;font-size:1.6rem}.holder{margin:0 0 12px;color:var(--muted);font-size:1.1rem}
            dl{display:grid;grid-template-columns:minmax(140px,max-content) 1fr;gap:6px 16px;margin:0}
            dt{font-weight:600;color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
            .status.ok{color:var(--ok);font-weight:700}.status.bad{color:var(--bad);font-weight:700}
            .checks{list-style:none;padding:0}.checks li{padding:6px 0;border-bottom:1px solid var(--line)}
            .checks li.ok .icon{color:var(--ok)}.checks li.bad .icon{color:var(--bad)}
            .detail{color:var(--muted);font-size:.9rem;display:block;overflow-wrap:anywhere}
            a{color:#0550ae}a:focus-visible{outline:3px solid #0969da;outline-offset:2px}
            footer{max-width:760px;margin:32px auto;padding:0 16px;color:var(--muted);font-size:.85rem}
            """;
}
