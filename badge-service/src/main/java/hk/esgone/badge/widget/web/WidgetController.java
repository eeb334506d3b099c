package hk.esgone.badge.widget.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
import hk.esgone.badge.keys.SigningKeyRing;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.badge.support.Lang;
import hk.esgone.badge.support.Shorten;
import hk.esgone.badge.support.Texts;
import hk.esgone.badge.verify.BadgeVerification;
import hk.esgone.badge.widget.WidgetSettingsService;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embeddable widget: {@code badge.js} (one script tag, renders in a Shadow DOM and polls the badge's status),
 * the status JSON it polls, an SVG image and an iframe page for sites that allow no scripts. All public, CORS open
 * without credentials (see SecurityConfig), with ETags so an unchanged status costs a 304, and a
 * {@code Cache-Control} ({@code max-age} and {@code s-maxage}) short enough that the poll interval plus any cache
 * stays within the minute a revocation may take to reach an open page (see {@link BadgeProperties.Widget#cacheFor()}).
 */
@RestController
class WidgetController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    /* The image's texts start at x=84 of 320 and may use 226 px: in ems of their font sizes (14, 12 and 11 px). */
    private static final double NAME_EMS = 226 / 14.0;
    private static final double HOLDER_EMS = 226 / 12.0;
    private static final double LINE_EMS = 226 / 11.0;

    private final BadgeVerification verification;
    private final WidgetSettingsService settings;
    private final BadgeProperties properties;
    private final JsonMapper json;
    private final Texts texts;
    private final ISpringWebFluxTemplateEngine templates;
    private final String script;
    private final String scriptEtag;

    WidgetController(BadgeVerification verification, WidgetSettingsService settings, BadgeProperties properties, JsonMapper json,
                     Texts texts, ISpringWebFluxTemplateEngine templates) throws IOException {
        this.verification = verification;
        this.settings = settings;
        this.properties = properties;
        this.json = json;
        this.texts = texts;
        this.templates = templates;
        try (InputStream in = new ClassPathResource("widget/badge.js").getInputStream()) {
            this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        this.scriptEtag = "\"js-" + SigningKeyRing.sha256(script).substring(0, 16) + "\"";
    }

    @GetMapping("/widget/badge.js")
    ResponseEntity<String> script() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .eTag(scriptEtag)
                .header("X-Content-Type-Options", "nosniff")
                .body(script);
    }

    /** What the script polls: the badge's status now, both languages, and how soon to ask again. */
    @GetMapping("/widget/badges/{id}/status")
    Mono<ResponseEntity<String>> status(@PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
                                        @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer) {
        return view(id, origin != null ? origin : referer).map(v -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("badgeId", v.result().badgeId());
            body.put("status", v.result().status());
            body.put("valid", v.result().valid() && v.allowed());
            body.put("allowed", v.allowed());
            body.put("name", v.result().achievement() == null ? null : v.result().achievement().name());
            body.put("holder", v.result().holder() == null ? null
                    : Map.of("companyId", v.result().holder().companyId(),
                    "name", v.result().holder().name() == null ? Bilingual.of(v.result().holder().companyId(), v.result().holder().companyId())
                            : v.result().holder().name()));
            body.put("validUntil", v.result().validUntil());
            body.put("pageUrl", properties.base() + "/badges/" + v.result().badgeId());
            body.put("imageUrl", properties.base() + "/widget/badges/" + v.result().badgeId() + ".svg");
            body.put("pollSeconds", properties.widget().pollInterval().toSeconds());
            String text = json.writeValueAsString(body);
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(freshness())
                    .eTag("\"st-" + SigningKeyRing.sha256(text).substring(0, 20) + "\"")
                    .header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                    .body(text);
        });
    }

    @GetMapping("/widget/badges/{id}.svg")
    Mono<ResponseEntity<String>> image(@PathVariable String id, @RequestParam(required = false) String lang,
                                       @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                       @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer) {
        Lang language = Lang.resolve(lang, acceptLanguage);
        return view(id, referer).map(v -> {
            String svg = svg(v, language);
            return ResponseEntity.ok()
                    .contentType(SVG)
                    .cacheControl(freshness())
                    .eTag("\"svg-" + SigningKeyRing.sha256(svg).substring(0, 20) + "\"")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.REFERER)
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .header("X-Content-Type-Options", "nosniff")
                    .body(svg);
        });
    }

    /** For sites that allow no scripts: an iframe that reloads itself, linking to the verification page. */
    @GetMapping("/widget/badges/{id}/frame")
    Mono<ResponseEntity<String>> frame(@PathVariable String id, @RequestParam(required = false) String lang,
                                       @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                       @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer) {
        Lang language = Lang.resolve(lang, acceptLanguage);
        return view(id, referer).flatMap(v -> (v.result().holder() == null ? Mono.just(List.<String>of())
                        : settings.allowedDomains(v.result().holder().companyId()))
                .map(domains -> {
                    String page = properties.base() + "/badges/" + v.result().badgeId() + "?lang=" + language.tag();
                    String label = label(v, language);
                    String htmlPage = templates.process("widget/frame", new Context(language.locale(), Map.of("frame",
                            new FrameView(language.tag(), properties.widget().pollInterval().toSeconds(), label, page,
                                    v.result().status().name(), v.result().valid() && v.allowed(), svg(v, language)))));
                    return ResponseEntity.ok()
                            .contentType(HTML)
                            .cacheControl(freshness())
                            .eTag("\"fr-" + SigningKeyRing.sha256(htmlPage).substring(0, 20) + "\"")
                            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.REFERER)
                            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                                    + "frame-ancestors " + settings.frameAncestors(domains))
                            .header("X-Content-Type-Options", "nosniff")
                            .body(htmlPage);
                }));
    }

    private record View(BadgeVerification.Result result, boolean allowed) {
    }

    private Mono<View> view(String id, String site) {
        return verification.verify(id).flatMap(result -> result.holder() == null
                ? Mono.just(new View(result, true))
                : settings.allowedDomains(result.holder().companyId()).map(domains -> new View(result, settings.allows(domains, site))));
    }

    private CacheControl freshness() {
        Duration cacheFor = properties.widget().cacheFor();
        return CacheControl.maxAge(cacheFor).sMaxAge(cacheFor).cachePublic();
    }

    /** What the iframe template shows; {@code svg} is the rendered image template. */
    private record FrameView(String lang, long refreshSeconds, String label, String pageUrl, String status, boolean valid, String svg) {
    }

    /** What the image template shows, already shortened and in the image's language. */
    private record SvgView(String title, String status, boolean valid, String accent, String statusColour, String name, String holder,
                           String line) {
    }

    private String label(View v, Lang lang) {
        BadgeVerification.Result r = v.result();
        String name = r.achievement() == null ? "ESG One e-Badge" : r.achievement().name().in(lang);
        if (!v.allowed()) {
            return name + " — " + texts.get("notAllowed", lang);
        }
        return name + " — " + (r.valid() ? texts.get("widget.valid", lang) : texts.get("widget.notValid", lang) + " ("
                + texts.get("status." + r.status().name(), lang) + ")");
    }

    /** A self-contained badge image (template widget/badge.svg): no external references, grey with a red mark when not valid. */
    private String svg(View v, Lang lang) {
        BadgeVerification.Result r = v.result();
        boolean valid = r.valid() && v.allowed();
        String name = r.achievement() == null ? texts.get("status.UNKNOWN", lang) : Shorten.toWidth(r.achievement().name().in(lang), NAME_EMS);
        String holder = r.holder() == null ? ""
                : Shorten.toWidth(r.holder().name() == null ? r.holder().companyId() : r.holder().name().in(lang), HOLDER_EMS);
        String line;
        if (!v.allowed()) {
            line = texts.get("notAllowed", lang);
        } else if (valid) {
            line = "✔ " + texts.get("widget.valid", lang) + " · " + texts.get("validUntil", lang) + " " + texts.date(r.validUntil(), lang);
        } else {
            line = "✖ " + texts.get("widget.notValid", lang) + " — " + texts.get("status." + r.status().name(), lang);
        }
        SvgView svg = new SvgView(label(v, lang), v.allowed() ? r.status().name() : "NOT_ALLOWED", valid, valid ? "#0b6b2f" : "#6e7781",
                valid ? "#0b6b2f" : "#a4161a", name, holder, Shorten.toWidth(line, LINE_EMS));
        return templates.process("widget/badge.svg", new Context(lang.locale(), Map.of("svg", svg)));
    }
}
