package hk.esgone.badge.page.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The verification page, the widget endpoints and their caching, CORS, languages and escaping. */
class PublicPagesIntegrationTests extends BadgeServiceIntegrationTest {

    private static final String EVIL = "<script>alert('x')</script> & \"Co\"";

    private String page(String path, String acceptLanguage) {
        return web.get().uri(path).header("Accept-Language", acceptLanguage).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theVerificationPageIsBilingualWithOpenGraphTags() {
        String id = issue(createAchievement("page"), company("page"), brNumber()).path("id").asString();

        String en = page("/badges/" + id, "en-GB,en;q=0.9");
        assertThat(en).contains("<html lang=\"en\">", "Verified: this badge is valid.", "ESG One e-Badge", "Valid until",
                "<meta property=\"og:title\"", "<meta property=\"og:description\"", "<meta property=\"og:image\"",
                "<meta property=\"og:url\" content=\"https://esg-one.test/badges/" + id + "\"", "role=\"status\"",
                "hreflang=\"zh-Hant\"", "aria-current=\"true\"");

        String zh = page("/badges/" + id, "zh-HK,zh;q=0.9,en;q=0.5");
        assertThat(zh).contains("<html lang=\"zh-Hant\">", "已驗證：此徽章有效。", "ESG One 電子徽章", "有效期至", "og:locale\" content=\"zh_HK\"");

        assertThat(page("/badges/" + id + "?lang=zh-Hant", "en")).contains("<html lang=\"zh-Hant\">");
        assertThat(page("/badges/" + id + "?lang=en", "zh-HK")).contains("<html lang=\"en\">");
        web.get().uri("/badges/" + id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Language", "en")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void revokedSuspendedAndExpiredBadgesCarryAnUnmistakableBanner() throws Exception {
        String achievement = createAchievement("banner");
        String revoked = issue(achievement, company("banner-r"), brNumber()).path("id").asString();
        String suspended = issue(achievement, company("banner-s"), brNumber()).path("id").asString();
        adminPost("/api/v1/badges/admin/badges/" + revoked + "/revoke", Map.of("reason", "Withdrawn"));
        adminPost("/api/v1/badges/admin/badges/" + suspended + "/suspend", Map.of("reason", "Audit"));

        assertThat(page("/badges/" + revoked, "en")).contains("role=\"alert\"", "NOT VALID — this badge has been revoked by ESG One.",
                "data-status=\"REVOKED\"");
        assertThat(page("/badges/" + revoked + "?lang=zh-Hant", "en")).contains("無效 — 此徽章已被 ESG One 撤銷。");
        assertThat(page("/badges/" + suspended, "en")).contains("role=\"alert\"", "NOT VALID — this badge is suspended by ESG One.");

        String unknown = web.get().uri("/badges/bdg-never-was").exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(unknown).contains("role=\"alert\"", "NOT VALID — no such badge.");
    }

    @Test
    void htmlInAchievementAndCompanyTextIsEscapedEverywhere() {
        String achievement = createAchievement("evil", "E_BADGE", EVIL, EVIL + "（中文）");
        String company = company("evil");
        DIRECTORY.published(company, "87654321");
        var body = Map.of("achievementId", achievement, "company",
                Map.of("id", company, "brNumber", "87654321", "name", Map.of("en", "<img src=x onerror=alert(1)>", "zhHant", "<b>公司</b>")));
        String id = JSON.readTree(web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "evil-" + company).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).path("id").asString();

        String html = page("/badges/" + id, "en");
        assertThat(html).doesNotContain("<script>alert", "<img src=x", "\"Co\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;", "&lt;img src=x onerror=alert(1)&gt;");
        String zh = page("/badges/" + id + "?lang=zh-Hant", "en");
        assertThat(zh).doesNotContain("<b>公司</b>").contains("&lt;b&gt;公司&lt;/b&gt;");

        String svg = web.get().uri("/widget/badges/" + id + ".svg").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(svg).doesNotContain("<script", "<img").contains("&lt;script&gt;");
        String frame = web.get().uri("/widget/badges/" + id + "/frame").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(frame).doesNotContain("<script", "<img");
        // the status JSON carries the text as data; the widget script only ever sets it as textContent
        JsonNode status = getJson("/widget/badges/" + id + "/status");
        assertThat(status.path("name").path("en").asString()).isEqualTo(EVIL);
    }

    @Test
    void widgetEndpointsArePublicCorsOpenWithoutCredentialsAndCacheable() {
        String id = issue(createAchievement("widget"), company("widget"), brNumber()).path("id").asString();
        for (String path : List.of("/widget/badge.js", "/widget/badges/" + id + "/status", "/widget/badges/" + id + ".svg")) {
            var result = web.get().uri(path).header("Origin", "https://shop.example.com").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                    .expectHeader().doesNotExist("Access-Control-Allow-Credentials")
                    .expectHeader().value("Cache-Control", cc -> assertThat(cc).contains("max-age"))
                    .expectBody().returnResult();
            String etag = result.getResponseHeaders().getETag();
            assertThat(etag).as(path).isNotBlank();
            web.get().uri(path).header("Origin", "https://shop.example.com").header("If-None-Match", etag)
                    .exchange().expectStatus().isNotModified();
        }
        web.get().uri("/widget/badges/" + id + "/status").exchange().expectBody()
                .jsonPath("$.status").isEqualTo("VALID").jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.pollSeconds").isEqualTo(POLL_SECONDS);
        web.get().uri("/widget/badges/" + id + ".svg").exchange()
                .expectHeader().contentType("image/svg+xml")
                .expectHeader().value("Cache-Control", cc -> assertThat(cc).contains("max-age=" + POLL_SECONDS));
        web.options().uri("/api/v1/badges/verify").header("Origin", "https://verifier.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .exchange().expectStatus().isOk().expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
    }

    @Test
    void theWidgetTurnsNotValidTheMomentTheBadgeIsRevoked() {
        String id = issue(createAchievement("widget-revoke"), company("widget-revoke"), brNumber()).path("id").asString();
        String etag = web.get().uri("/widget/badges/" + id + ".svg").exchange().expectStatus().isOk()
                .expectBody(String.class).value(svg -> assertThat(svg).contains("data-status=\"VALID\"", "Verified"))
                .returnResult().getResponseHeaders().getETag();
        adminPost("/api/v1/badges/admin/badges/" + id + "/revoke", Map.of("reason", "Withdrawn"));
        web.get().uri("/widget/badges/" + id + ".svg").header("If-None-Match", etag).exchange().expectStatus().isOk()
                .expectBody(String.class).value(svg -> assertThat(svg).contains("data-status=\"REVOKED\"", "Not valid"));
        web.get().uri("/widget/badges/" + id + "/status").exchange().expectBody()
                .jsonPath("$.status").isEqualTo("REVOKED").jsonPath("$.valid").isEqualTo(false);
        web.get().uri("/widget/badges/" + id + "/frame?lang=zh-Hant").exchange().expectBody(String.class)
                .value(html -> assertThat(html).contains("data-valid=\"false\"", "無效", "http-equiv=\"refresh\" content=\"" + POLL_SECONDS + "\""));
    }

    @Test
    void aCompanyCanLimitItsWidgetToItsOwnDomainsAndNoOtherTenantCanChangeThat() {
        String mine = company("domains");
        String other = company("intruder");
        String id = issue(createAchievement("domains"), mine, brNumber()).path("id").asString();
        String settings = "/api/v1/badges/companies/" + mine + "/widget-settings";

        web.put().uri(settings).headers(h -> h.setBearerAuth(sme(other))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("allowedDomains", List.of("evil.test"))).exchange().expectStatus().isForbidden();
        web.get().uri(settings).headers(h -> h.setBearerAuth(sme(other))).exchange().expectStatus().isForbidden();
        web.put().uri(settings).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("allowedDomains", List.of("evil.test"))).exchange().expectStatus().isUnauthorized();
        web.put().uri(settings).headers(h -> h.setBearerAuth(sme(mine))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("allowedDomains", List.of("not a domain"))).exchange().expectStatus().isBadRequest();
        web.put().uri(settings).headers(h -> h.setBearerAuth(sme(mine))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("allowedDomains", List.of("Example.COM"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.allowedDomains[0]").isEqualTo("example.com");

        web.get().uri("/widget/badges/" + id + "/status").header("Origin", "https://shop.example.com").exchange()
                .expectBody().jsonPath("$.allowed").isEqualTo(true).jsonPath("$.valid").isEqualTo(true);
        web.get().uri("/widget/badges/" + id + "/status").header("Origin", "https://copycat.test").exchange()
                .expectBody().jsonPath("$.allowed").isEqualTo(false).jsonPath("$.valid").isEqualTo(false);
        web.get().uri("/widget/badges/" + id + ".svg").header("Referer", "https://copycat.test/about").exchange()
                .expectBody(String.class).value(svg -> assertThat(svg).contains("data-status=\"NOT_ALLOWED\""));
        web.get().uri("/widget/badges/" + id + "/frame").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors", "https://example.com")
                        .doesNotContain("frame-ancestors *"));
        // the verification page itself is never restricted
        assertThat(page("/badges/" + id, "en")).contains("Verified: this badge is valid.");
    }

    /** The page a request says it comes from; none at all when {@code site} is null. */
    private static void referer(org.springframework.http.HttpHeaders headers, String site) {
        if (site != null) {
            headers.set("Referer", site);
        }
    }

    /** A company that restricts its domains: a request naming no site (referrerpolicy="no-referrer") is not "valid". */
    @Test
    void aRestrictedWidgetShowsOnlyTheNeutralVerifyImageWhenTheSiteIsUnknownOrForeign() {
        String mine = company("no-referrer");
        String id = issue(createAchievement("no-referrer"), mine, brNumber()).path("id").asString();
        web.put().uri("/api/v1/badges/companies/" + mine + "/widget-settings").headers(h -> h.setBearerAuth(sme(mine)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("allowedDomains", List.of("example.com")))
                .exchange().expectStatus().isOk();
        String status = "/widget/badges/" + id + "/status";
        String svg = "/widget/badges/" + id + ".svg?lang=en";
        String frame = "/widget/badges/" + id + "/frame?lang=en";
        for (String foreign : new String[] {null, "https://copycat.test/about", "null"}) {
            web.get().uri(status).headers(h -> referer(h, foreign)).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.allowed").isEqualTo(false).jsonPath("$.valid").isEqualTo(false);
            web.get().uri(svg).headers(h -> referer(h, foreign)).exchange().expectStatus().isOk().expectBody(String.class)
                    .value(image -> assertThat(image).as("svg, Referer %s", foreign)
                            .contains("data-status=\"NOT_ALLOWED\"", "Verify this badge on ESG One").doesNotContain("Verified"));
            web.get().uri(frame).headers(h -> referer(h, foreign)).exchange().expectStatus().isOk().expectBody(String.class)
                    .value(html -> assertThat(html).as("iframe, Referer %s", foreign)
                            .contains("data-valid=\"false\"", "Verify this badge on ESG One").doesNotContain("Verified"));
        }
        web.get().uri(svg).header("Referer", "https://zh.example.com/").header("Accept-Language", "zh-HK").exchange()
                .expectBody(String.class).value(image -> assertThat(image).contains("data-status=\"VALID\"", "Verified"));
        web.get().uri(frame).header("Referer", "https://example.com/partners").exchange()
                .expectBody(String.class).value(html -> assertThat(html).contains("data-valid=\"true\"", "Verified"));
        web.get().uri(status).header("Origin", "https://www.example.com").exchange()
                .expectBody().jsonPath("$.allowed").isEqualTo(true).jsonPath("$.valid").isEqualTo(true);
        web.get().uri(status).header("Referer", "https://example.com/").exchange()
                .expectBody().jsonPath("$.allowed").isEqualTo(true).jsonPath("$.valid").isEqualTo(true);
    }

    /** poll interval + what a browser or shared cache may keep stays within the minute promised for a revocation. */
    @Test
    void widgetAnswersAreCachedNoLongerThanTheMinuteLeavesAfterOnePoll() {
        String id = issue(createAchievement("freshness"), company("freshness"), brNumber()).path("id").asString();
        for (String path : List.of("/widget/badges/" + id + "/status", "/widget/badges/" + id + ".svg", "/widget/badges/" + id + "/frame")) {
            web.get().uri(path).exchange().expectHeader().value("Cache-Control", cc -> assertThat(cc).as(path)
                    .contains("max-age=" + POLL_SECONDS, "s-maxage=" + POLL_SECONDS, "public"));
        }
        web.get().uri("/widget/badges/" + id + "/status").exchange().expectBody().jsonPath("$.pollSeconds").isEqualTo(POLL_SECONDS);
        // production default: poll every 30 s, answers cached at most 20 s, by browsers and shared caches alike
        var production = new BadgeProperties.Widget(null);
        assertThat(production.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(production.pollInterval().plus(production.cacheFor())).isLessThanOrEqualTo(Duration.ofSeconds(50));
        assertThat(new BadgeProperties.Widget(Duration.ofSeconds(50)).cacheFor()).isZero();
        assertThatThrownBy(() -> new BadgeProperties.Widget(Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        // the script asks again as often as the server says, never later than 30 s before its first answer
        String script = web.get().uri("/widget/badge.js").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(script).contains("var pollMs = 30000;", "pollMs = Math.min(50, Math.max(1, data.pollSeconds)) * 1000;");
    }

    /** What a person reads on the page: the text outside tags, styles and attributes. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<title>.*?</title>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replaceAll("\\s+", " ");
    }

    @Test
    void theChineseVerificationPageIsEntirelyChineseWithDatesAndTimesInHongKongTime() {
        String company = company("zh-page");
        String id = issue(createAchievement("zh-page"), company, brNumber()).path("id").asString();
        adminPost("/api/v1/badges/admin/badges/" + id + "/revoke", Map.of("reason", "Withdrawn"));
        String html = page("/badges/" + id + "?lang=zh-Hant", "en");
        String text = visibleText(html).replace(company, " ");
        assertThat(text).contains("由 ESG One 於", "已於", "被撤銷；撤銷是永久的。", "未被暫停。", "有效期由");
        assertThat(text).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 [上下]午\\d{1,2}:\\d{2} \\(HKT\\)");
        assertThat(text).as("no raw ISO timestamp is shown").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        // the only Latin words left are names (ESG One, the standards, file formats) and the link to the English page
        java.util.Set<String> allowed = java.util.Set.of("ESG", "One", "Open", "Badges", "W3C", "Verifiable", "Credentials", "VC",
                "JWT", "JWKS", "JSON", "English", "HKT");
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]+").matcher(text);
        java.util.List<String> english = new java.util.ArrayList<>();
        while (words.find()) {
            if (!allowed.contains(words.group())) {
                english.add(words.group());
            }
        }
        assertThat(english).as("English words on the Chinese page: " + text).isEmpty();
        // machine-readable instants stay in <time datetime>
        assertThat(html).containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]*Z\">");

        String en = visibleText(page("/badges/" + id + "?lang=en", "zh-HK"));
        assertThat(en).contains("Revoked on", "revocation is permanent.", "Issued by ESG One on",
                "The credential's signature matches ESG One's published key.").doesNotContain("''");
        assertThat(en).containsPattern("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{1,2}:\\d{2} [ap]m HKT");
        assertThat(en).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }
}
