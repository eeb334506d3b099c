package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.web.RawHttp;

/**
 * What a browser gets when the gateway itself answers a page request: a page in the person's language, never a
 * JSON problem — for an address nothing serves and for too many requests (a service down: GatewayUpstreamFailureTests).
 * API clients and htmx requests keep their problem details. Budget here: 2 requests at once per client address
 * (each test its own address, behind the test client playing the trusted proxy).
 */
@TestPropertySource(properties = {
        "esg.gateway.forwarding.trusted-proxies=127\\.0\\.0\\.1",
        "esg.gateway.rate-limit.anonymous.requests=1", "esg.gateway.rate-limit.anonymous.period=1m",
        "esg.gateway.rate-limit.anonymous.burst=2"})
class GatewayBrowserPagesTests extends AbstractGatewayTests {

    /** What Chromium and Firefox send when a person opens an address. */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private WebTestClient.RequestHeadersSpec<?> browser(String uri, String address) {
        return client.get().uri(raw(uri)).header(HttpHeaders.ACCEPT, BROWSER_ACCEPT).header("X-Forwarded-For", address);
    }

    /** A page of the gateway's own: HTML in the given language, with the headers every page of ours has. */
    static String assertPage(WebTestClient.ResponseSpec response, HttpStatus status, String lang) {
        EntityExchangeResult<byte[]> result = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, lang)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("script-src"))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().returnResult();
        String html = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(html).contains("<html lang=\"" + lang + "\"", "<a href=\"/\"").doesNotContain("problems/", "<script", "??");
        return html;
    }

    @Test
    void aBrowserOpeningAnAddressNothingServesGetsAPageNotFoundInItsLanguage() {
        String chinese = assertPage(browser("/about-us", "198.51.100.20").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-HK,zh;q=0.9,en;q=0.8")
                .exchange(), HttpStatus.NOT_FOUND, "zh-Hant");
        assertThat(chinese).contains("找不到網頁", "返回主頁").doesNotContain("Page not found");

        // the portal's language switch (its cookie) wins over the browser's languages
        String english = assertPage(browser("/en/old-link?x=1", "198.51.100.21").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-HK")
                .cookie("lang", "en").exchange(), HttpStatus.NOT_FOUND, "en");
        assertThat(english).contains("Page not found", "Go to the home page").doesNotContain("Try again", "Reference");

        assertNoServiceCalled();
        assertThat(WEB.receivedNothing()).isTrue();
    }

    @Test
    void aBrowserOpeningAnAddressWithBrokenPercentEncodingGetsAPageInItsLanguageNotJson() {
        // a pasted link cut in the middle of an escape; refused before any filter runs, so it is never forwarded
        RawHttp.Response chinese = RawHttp.send(port, "GET /search?q=%E7%B6%A0&industry=%Z HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: " + BROWSER_ACCEPT + "\r\nAccept-Language: zh-HK,zh;q=0.9");
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.headers()).containsEntry("content-language", "zh-Hant").containsEntry("cache-control", "no-store")
                .containsEntry("x-frame-options", "DENY").containsEntry("x-content-type-options", "nosniff");
        assertThat(chinese.headers().get("content-type")).startsWith("text/html");
        assertThat(chinese.headers().get("content-security-policy")).contains("frame-ancestors 'none'").doesNotContain("script-src");
        assertThat(chinese.body()).contains("<html lang=\"zh-Hant\"", "網址無效", "返回主頁", "<a href=\"/\"")
                .doesNotContain("This address", "problems/", "<script", "??", "%Z");

        RawHttp.Response english = RawHttp.send(port, "GET /companies/%G1 HTTP/1.1\r\nHost: localhost\r\nAccept: "
                + BROWSER_ACCEPT + "\r\nAccept-Language: zh-HK\r\nCookie: SESSION=x; lang=en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("<html lang=\"en\"", "This address is not valid", "Go to the home page")
                .doesNotContain("Try again", "%G1");

        // an API client, or an htmx request, at the same kind of address keeps the problem
        for (String request : new String[] {"GET /search?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nAccept: application/json",
                "GET /search?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nHX-Request: true\r\nAccept: " + BROWSER_ACCEPT,
                "GET /api/v1/directory/companies?q=%ZZ HTTP/1.1\r\nHost: localhost\r\nAccept: " + BROWSER_ACCEPT}) {
            RawHttp.Response problem = RawHttp.send(port, request);
            assertThat(problem.status()).as(request).isEqualTo(400);
            assertThat(problem.headers().get("content-type")).as(request).startsWith("application/problem+json");
            assertThat(problem.body()).contains(PROBLEM_BASE + "malformed-uri");
        }
        assertNoServiceCalled();
        assertThat(WEB.receivedNothing()).isTrue();
    }

    @Test
    void apiClientsAndHtmxRequestsAtAnUnknownAddressKeepTheProblemAnswer() {
        assertUnauthorized(client.get().uri("/about-us").header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .header("X-Forwarded-For", "198.51.100.22").exchange(), "/about-us");
        assertUnauthorized(client.get().uri("/about-us").header(HttpHeaders.ACCEPT, "*/*")
                .header("X-Forwarded-For", "198.51.100.22").exchange(), "/about-us");
        assertUnauthorized(browser("/about-us", "198.51.100.23").header("HX-Request", "true").exchange(), "/about-us");
        // an API path stays an API path even for a browser
        assertUnauthorized(browser("/api/v1/nothing-here", "198.51.100.23").exchange(), "/api/v1/nothing-here");
    }

    @Test
    void pagesThatExistStillReachThePortalAndTheBadgeService() {
        browser("/search?q=green", "198.51.100.24").exchange().expectStatus().isOk().expectHeader().valueEquals("X-Served-By", "web");
        browser("/badges/b-42", "198.51.100.25").exchange().expectStatus().isOk().expectHeader().valueEquals("X-Served-By", "badge");
    }

    @Test
    void aBrowserOverItsBudgetGetsATooManyRequestsPageThatSaysHowLongToWait() {
        for (int i = 0; i < 2; i++) {
            browser("/search?q=green", "198.51.100.26").exchange().expectStatus().isOk();
        }

        WebTestClient.ResponseSpec refused = browser("/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", "198.51.100.26")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB").exchange();

        refused.expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        String html = assertPage(refused, HttpStatus.TOO_MANY_REQUESTS, "en");
        assertThat(html).contains("Too many requests", "Try again")
                .containsPattern("wait (1 second|[1-9][0-9]? seconds) and try again").doesNotContain("Reference")
                // the same address to try again, as it came (still percent-encoded), never markup of the requester's
                .contains("href=\"/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E\"");
        assertThat(WEB.hits("/search")).as("the refused request never reached the portal").isEqualTo(2);
    }

    @Test
    void bothLanguagesHaveEveryText() throws java.io.IOException {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties chinese = new java.util.Properties();
        try (var en = getClass().getResourceAsStream("/messages.properties");
             var zh = getClass().getResourceAsStream("/messages_zh_Hant.properties")) {
            english.load(new java.io.InputStreamReader(en, StandardCharsets.UTF_8));
            chinese.load(new java.io.InputStreamReader(zh, StandardCharsets.UTF_8));
        }

        assertThat(chinese.keySet()).isEqualTo(english.keySet());
        assertThat(english.keySet()).contains("page.not-found.title", "page.too-many.text", "page.unavailable.text");
        chinese.forEach((key, text) -> assertThat(text.toString()).as(key.toString()).isNotBlank());
    }

    @Test
    void anHtmxRequestOverItsBudgetKeepsTheProblemAnswerForThePortalsScript() {
        for (int i = 0; i < 2; i++) {
            browser("/search?q=green", "198.51.100.27").exchange().expectStatus().isOk();
        }

        assertProblem(browser("/search?q=green", "198.51.100.27").header("HX-Request", "true").exchange(),
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "/search");
    }
}
