package hk.esgone.badge.widget.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A real headless Chromium (Debian's package, driven through chromedriver's WebDriver HTTP API with the JDK
 * client) opens a page served from another origin that embeds the widget with one script tag: the badge shows as
 * valid; once revoked through the API it shows "not valid" within the poll interval; the verification page renders
 * in both languages. Skipped only when no Chromium is installed. Screenshots go to target/browser-screenshots.
 */
class WidgetBrowserIntegrationTests extends BadgeServiceIntegrationTest {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private static Process driver;
    private static Path profile;
    private static String driverUrl;
    private static String session;
    private static HttpServer otherSite;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile String embeddingPage = "";

    @BeforeAll
    static void startBrowser() throws Exception {
        String chromium = find(System.getenv("CHROMIUM_BIN"), CHROMIUM);
        Assumptions.assumeTrue(chromium != null,
                "No Chromium binary found (looked at $CHROMIUM_BIN and " + CHROMIUM + "): install it with "
                        + "'apt-get install chromium chromium-driver' to run the browser test");
        String chromedriver = find(System.getenv("CHROMEDRIVER_BIN"), DRIVER);
        if (chromedriver == null) {
            fail("Chromium is installed at " + chromium + " but chromedriver is not: apt-get install chromium-driver");
        }
        int port = freePort();
        driver = new ProcessBuilder(chromedriver, "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("chromedriver", ".log").toFile())
                .start();
        driverUrl = "http://127.0.0.1:" + port;
        waitFor(() -> {
            try {
                return get(driverUrl + "/status").path("value").path("ready").asBoolean();
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(20), "chromedriver did not start");
        profile = Files.createTempDirectory("chromium-profile-");
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", chromium, "args", List.of(
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1024,720", "--user-data-dir=" + profile)))));
        JsonNode created = send("POST", driverUrl + "/session", capabilities);
        session = created.path("value").path("sessionId").asString();
        assertThat(session).as("WebDriver session: " + created).isNotBlank();

        // another origin: a different host name and port than the badge service
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/", exchange -> {
            byte[] body = embeddingPage.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        otherSite.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (session != null) {
            try {
                send("DELETE", driverUrl + "/session/" + session, null);
            } catch (Exception ignored) {
                // the driver is stopped below either way
            }
        }
        if (driver != null) {
            driver.descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
            driver.waitFor();
        }
        if (otherSite != null) {
            otherSite.stop(0);
        }
    }

    @Test
    void anEmbeddedWidgetShowsValidThenNotValidAfterRevocationAndThePageRendersInBothLanguages() throws Exception {
        String id = issue(createAchievement("browser"), company("browser"), brNumber()).path("id").asString();
        String evilId = issue(createAchievement("browser-evil", "E_BADGE", "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>",
                "<b>粗體</b>"), company("browser-evil"), brNumber()).path("id").asString();
        String widgetOrigin = "http://localhost:" + port;
        embeddingPage = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Acme Metal Works — certificates</title>
                <style>
                  * { color: rgb(255, 0, 0) !important; font-family: serif !important; }
                  a, span { border: 4px dashed rgb(255, 0, 0) !important; background: yellow !important; }
                </style></head>
                <body><h1>Acme Metal Works</h1><p>Our ESG credentials, verified live by ESG One:</p>
                <script src="%s/widget/badge.js" data-badge-id="%s"></script>
                <script src="%s/widget/badge.js" data-badge-id="%s" async></script>
                <p class="after">Thank you for visiting. Without scripts:</p>
                <iframe id="frame" src="%s/widget/badges/%s/frame" width="324" height="100" title="ESG One badge"></iframe>
                </body></html>
                """.formatted(widgetOrigin, id, widgetOrigin, evilId, widgetOrigin, id);
        String siteUrl = "http://127.0.0.1:" + otherSite.getAddress().getPort() + "/";

        navigate(siteUrl);
        waitFor(() -> "VALID".equals(widgetStatus()), Duration.ofSeconds(20), "the widget never showed the badge as valid");
        String text = script("return document.querySelector('esg-one-badge').shadowRoot.querySelector('a').textContent");
        waitFor(() -> "true".equals(inFrame("return document.querySelector('a').getAttribute('data-valid')")),
                Duration.ofSeconds(10), "the iframe variant did not render the valid badge on another origin");
        assertThat(text).contains("Verified", "ESG One e-Badge");
        // the page's CSS does not reach into the widget, and the widget's CSS does not leak out
        assertThat(script("return getComputedStyle(document.querySelector('esg-one-badge').shadowRoot.querySelector('.name')).color"))
                .isEqualTo("rgb(27, 31, 35)");
        assertThat(script("return getComputedStyle(document.querySelector('esg-one-badge').shadowRoot.querySelector('a')).backgroundColor"))
                .isEqualTo("rgb(255, 255, 255)");
        assertThat(script("return getComputedStyle(document.querySelector('h1')).color")).isEqualTo("rgb(255, 0, 0)");
        assertThat(script("return String(document.querySelectorAll('style').length)")).isEqualTo("1");
        // achievement text with HTML in it is shown as text, never run
        String evil = "document.querySelector('esg-one-badge[data-badge-id=\"" + evilId + "\"]')";
        waitFor(() -> "VALID".equals(tryScript("return " + evil + ".getAttribute('data-status')")), Duration.ofSeconds(20),
                "the second widget never rendered");
        assertThat(script("return " + evil + ".shadowRoot.querySelector('.name').textContent")).startsWith("<img src=x onerror=");
        assertThat(script("return String(" + evil + ".shadowRoot.querySelectorAll('img,script,b').length)")).isEqualTo("0");
        assertThat(script("return String(window.pwned)")).isEqualTo("undefined");
        screenshot("widget-valid.png");

        adminPost("/api/v1/badges/admin/badges/" + id + "/revoke", Map.of("reason", "Certificate withdrawn"));
        long revokedAt = System.nanoTime();
        waitFor(() -> "REVOKED".equals(widgetStatus()), Duration.ofSeconds(POLL_SECONDS * 2L + 5),
                "the widget did not turn 'not valid' within the poll interval");
        Duration took = Duration.ofNanos(System.nanoTime() - revokedAt);
        assertThat(took).as("promised: within one poll interval (%ss) plus a request", POLL_SECONDS)
                .isLessThanOrEqualTo(Duration.ofSeconds(POLL_SECONDS + 3));
        assertThat(script("return document.querySelector('esg-one-badge').shadowRoot.querySelector('a').textContent"))
                .contains("Not valid", "Revoked").doesNotContain("Verified");
        assertThat(script("return document.querySelector('esg-one-badge').getAttribute('data-valid')")).isEqualTo("false");
        screenshot("widget-revoked.png");
        // the iframe variant (another origin, no script) also says not valid once it has reloaded
        waitFor(() -> "false".equals(inFrame("return document.querySelector('a').getAttribute('data-valid')")),
                Duration.ofSeconds(POLL_SECONDS * 2L + 5), "the iframe did not turn 'not valid'");
        assertThat(inFrame("return document.querySelector('svg').getAttribute('data-status')")).isEqualTo("REVOKED");

        navigate(widgetOrigin + "/badges/" + id + "?lang=en");
        assertThat(script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(script("return document.querySelector('[role=alert]').textContent"))
                .contains("NOT VALID — this badge has been revoked by ESG One.");
        screenshot("page-en-revoked.png");

        navigate(widgetOrigin + "/badges/" + id + "?lang=zh-Hant");
        assertThat(script("return document.documentElement.lang")).isEqualTo("zh-Hant");
        assertThat(script("return document.querySelector('[role=alert]').textContent")).contains("無效 — 此徽章已被 ESG One 撤銷。");
        assertThat(script("return document.querySelector('h1').textContent")).isEqualTo("ESG One 電子徽章");
        screenshot("page-zh-revoked.png");
    }

    /** A 120-character name in English and in Chinese, for the achievement and for the company. */
    private static final String LONG_EN = "Certified Low-Carbon Precision Metals Fabrication and Surface Finishing Excellence "
            + "Award to Kwun Tong Industry Suppliers";
    private static final String LONG_ZH = "觀塘區低碳精密金屬製造及表面處理卓越獎".repeat(7).substring(0, 120);

    /** What a page or frame measures: its scroll size against its viewport, and words drawn over two lines. */
    private static final String LAYOUT = """
            var d = document.documentElement, broken = [], overflowing = [], narrowest = 100000;
            document.querySelectorAll('dd, .detail, h1, .holder, .banner').forEach(function (el) {
              if (el.scrollWidth > el.clientWidth + 1) { overflowing.push(el.textContent.slice(0, 40)); }
              if (el.tagName === 'DD') { narrowest = Math.min(narrowest, el.clientWidth); }
              var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n;
              while ((n = walker.nextNode())) {
                var re = /[!-~]+/g, m;
                while ((m = re.exec(n.data))) {
                  m[0].split('-').reduce(function (at, part) {
                    if (part.length > 1) {
                      var r = document.createRange(); r.setStart(n, m.index + at); r.setEnd(n, m.index + at + part.length);
                      var tops = {};
                      Array.prototype.forEach.call(r.getClientRects(), function (x) { if (x.width > 0) { tops[Math.round(x.top)] = 1; } });
                      if (Object.keys(tops).length > 1) { broken.push(part); }
                    }
                    return at + part.length + 1;
                  }, 0);
                }
              }
            });
            return JSON.stringify({scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, scrollHeight: d.scrollHeight,
              clientHeight: d.clientHeight, broken: broken, overflowing: overflowing, narrowestValue: narrowest});
            """;

    private static final String FRAME_LAYOUT = """
            var d = document.documentElement, right = 0;
            document.querySelectorAll('svg text').forEach(function (t) { var b = t.getBBox(); right = Math.max(right, b.x + b.width); });
            return JSON.stringify({scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, scrollHeight: d.scrollHeight,
              clientHeight: d.clientHeight, textRight: right, name: document.querySelector('svg g text').textContent});
            """;

    @Test
    void longNamesFitEveryVariantAndTheVerificationPageFitsAPhoneInBothLanguages() throws Exception {
        assertThat(LONG_EN).hasSize(120);
        assertThat(LONG_ZH).hasSize(120);
        String achievement = createAchievement("browser-long", "E_BADGE", LONG_EN, LONG_ZH);
        String company = company("browser-long");
        DIRECTORY.published(company, "76543210");
        String id = JSON.readTree(web.post().uri("/api/v1/badges/admin/badges").headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", "long-" + company).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "company", Map.of("id", company, "brNumber", "76543210",
                        "name", Map.of("en", LONG_EN, "zhHant", LONG_ZH))))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody()).path("id").asString();
        String widgetOrigin = "http://localhost:" + port;
        embeddingPage = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Long names</title><style>body{margin:8px;font-family:serif}</style></head>
                <body><h1>Acme</h1>
                <p><script src="%1$s/widget/badge.js" data-badge-id="%2$s" data-lang="en"></script></p>
                <p><script src="%1$s/widget/badge.js" data-badge-id="%2$s" data-lang="zh-Hant"></script></p>
                <iframe src="%1$s/widget/badges/%2$s/frame?lang=en" width="324" height="100" title="ESG One badge"></iframe>
                <iframe src="%1$s/widget/badges/%2$s/frame?lang=zh-Hant" width="324" height="100" title="ESG One 徽章"></iframe>
                </body></html>
                """.formatted(widgetOrigin, id);
        String siteUrl = "http://127.0.0.1:" + otherSite.getAddress().getPort() + "/";
        java.nio.file.Path shots = SCREENSHOTS;
        for (int width : new int[] {1280, 360}) {
            windowSize(width, 900);
            navigate(siteUrl);
            waitFor(() -> "2".equals(tryScript("return String(document.querySelectorAll('esg-one-badge[data-status=VALID]').length)")),
                    Duration.ofSeconds(20), "the two script widgets never showed the badge as valid");
            for (int frame = 0; frame < 2; frame++) {
                int index = frame;
                waitFor(() -> "true".equals(inFrame(index, "return document.querySelector('a').getAttribute('data-valid')")),
                        Duration.ofSeconds(10), "iframe " + index + " did not render");
                JsonNode layout = JSON.readTree(inFrame(index, FRAME_LAYOUT));
                assertThat(layout.path("scrollWidth").asInt()).as("iframe %s at 324 x 100 scrolls sideways: %s", index, layout)
                        .isLessThanOrEqualTo(layout.path("clientWidth").asInt());
                assertThat(layout.path("scrollHeight").asInt()).as("iframe %s at 324 x 100 scrolls down: %s", index, layout)
                        .isLessThanOrEqualTo(layout.path("clientHeight").asInt());
                assertThat(layout.path("textRight").asDouble()).as("the image's texts stay inside its 320 px card: %s", layout)
                        .isLessThanOrEqualTo(314);
                assertThat(layout.path("name").asString()).endsWith("…");
            }
            for (String lang : List.of("en", "zh-Hant")) {
                String card = "document.querySelectorAll('esg-one-badge')[" + (lang.equals("en") ? 0 : 1) + "].shadowRoot.querySelector('a')";
                assertThat(script("var a = " + card + "; return String(a.getBoundingClientRect().width <= 324 && a.scrollWidth <= a.clientWidth)"))
                        .as("the %s script widget keeps its width", lang).isEqualTo("true");
                assertThat(script("return getComputedStyle(" + card + ".querySelector('.name')).textOverflow")).isEqualTo("ellipsis");
                assertThat(script("var n = " + card + ".querySelector('.name'); return String(n.scrollWidth > n.clientWidth)"))
                        .as("the long %s name is cut with an ellipsis, not spilled", lang).isEqualTo("true");
            }
            assertThat(script("return String(document.documentElement.scrollWidth <= document.documentElement.clientWidth)")).isEqualTo("true");
            screenshot("widget-long-" + width + ".png");

            for (String lang : List.of("en", "zh-Hant")) {
                navigate(widgetOrigin + "/badges/" + id + "?lang=" + lang);
                JsonNode page = JSON.readTree(script(LAYOUT));
                assertThat(page.path("scrollWidth").asInt()).as("%s page at %s px scrolls sideways: %s", lang, width, page)
                        .isLessThanOrEqualTo(page.path("clientWidth").asInt());
                assertThat(page.path("broken")).as("%s page at %s px breaks words: %s", lang, width, page).isEmpty();
                assertThat(page.path("overflowing")).as("%s page at %s px: values wider than their box: %s", lang, width, page).isEmpty();
                assertThat(page.path("narrowestValue").asInt()).as("%s page at %s px: a value column too narrow: %s", lang, width, page)
                        .isGreaterThanOrEqualTo(Math.min(width, 480) / 2);
                assertThat(page.path("scrollHeight").asInt()).as("%s page at %s px is too tall: %s", lang, width, page)
                        .isLessThan(4000);
                System.out.println("[layout] badge page " + lang + " at " + width + " px: " + page);
                // the whole page in one picture: a window as tall as the page
                windowSize(width, page.path("scrollHeight").asInt() + 150);
                screenshot("page-long-" + lang + "-" + width + ".png");
                windowSize(width, 900);
            }
        }
        windowSize(1024, 720);
    }

    private static void windowSize(int width, int height) throws Exception {
        send("POST", driverUrl + "/session/" + session + "/window/rect", Map.of("width", width, "height", height));
    }

    private static String inFrame(String js) {
        return inFrame(0, js);
    }

    private static String inFrame(int index, String js) {
        try {
            send("POST", driverUrl + "/session/" + session + "/frame", Map.of("id", index));
            try {
                return script(js);
            } finally {
                send("POST", driverUrl + "/session/" + session + "/frame/parent", Map.of());
            }
        } catch (Exception e) {
            return null;
        }
    }

    private static String tryScript(String js) {
        try {
            return script(js);
        } catch (Exception e) {
            return null;
        }
    }

    private static String widgetStatus() {
        try {
            return script("var h = document.querySelector('esg-one-badge'); return h ? h.getAttribute('data-status') : null");
        } catch (Exception e) {
            return null;
        }
    }

    private static void navigate(String url) throws Exception {
        JsonNode result = send("POST", driverUrl + "/session/" + session + "/url", Map.of("url", url));
        assertThat(result.path("value").isNull()).as("navigate to " + url + ": " + result).isTrue();
    }

    private static String script(String js) throws Exception {
        JsonNode result = send("POST", driverUrl + "/session/" + session + "/execute/sync", Map.of("script", js, "args", List.of()));
        JsonNode value = result.path("value");
        return value.isNull() || value.isMissingNode() ? null : value.isString() ? value.asString() : value.toString();
    }

    private static void screenshot(String name) throws Exception {
        JsonNode shot = send("GET", driverUrl + "/session/" + session + "/screenshot", null);
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode(shot.path("value").asString()));
    }

    private static JsonNode get(String url) throws Exception {
        return send("GET", url, null);
    }

    private static JsonNode send(String method, String url, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String message) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail(message + " (waited " + timeout.toSeconds() + " s)");
    }

    private static String find(String override, List<String> candidates) {
        if (override != null && !override.isBlank() && Files.isExecutable(Path.of(override))) {
            return override;
        }
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
