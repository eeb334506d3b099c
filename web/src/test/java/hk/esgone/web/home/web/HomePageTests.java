package hk.esgone.web.home.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.PageTest;

class HomePageTests extends PageTest {

    @Test
    void showsTheLiveFiguresFromTheServicesInEnglish() {
        SERVICES.json("/api/v1/directory/search", """
                {"items":[],"total":{"value":1234,"relation":"eq"},"facets":{"badge":[
                  {"code":"esg-one","count":40,"label":{"en":"ESG One e-Badge","zhHant":"ESG One 電子徽章"},"selected":false},
                  {"code":"carbon","count":2,"label":{"en":"Carbon","zhHant":"碳"},"selected":false}]},"limit":1,"sort":"relevance"}""");
        SERVICES.json("/api/v1/offers/catalogue", """
                {"items":[{"id":"off-a"},{"id":"off-b"},{"id":"off-c"}],"nextCursor":null}""");

        String html = page("/", 200);

        assertThat(html).contains("<html lang=\"en\">", "1,234", "companies listed", "42", "valid e-badges", "live partner offers")
                .contains("action=\"/search\"", "Search suppliers");
        assertThat(html).containsPattern(">\\s*3\\s*</span>");
    }

    @Test
    void speaksTraditionalChineseToAChineseBrowserAndOffersEnglish() {
        String html = page("/", 200, "zh-HK,zh;q=0.9,en;q=0.5");

        assertThat(html).contains("<html lang=\"zh-Hant\">", "在香港及大灣區尋找已認證的綠色供應商", "搜尋供應商")
                .contains("href=\"/lang/en?next=/\"", ">English</a>");
    }

    @Test
    void aServiceThatIsDownLeavesADashNotAnError() {
        SERVICES.problem("/api/v1/directory/search", 503, "search-unavailable");

        String html = page("/", 200);

        assertThat(html).contains("companies listed").containsPattern(">—</span>\\s*<span>companies listed");
    }

    @Test
    void anUnknownAddressIsAFriendlyPageInTheChosenLanguage() {
        String english = page("/no-such-page", 404);
        assertThat(english).contains("Page not found", "Go to the home page").doesNotContain("Exception", "at hk.");

        String chinese = web.get().uri("/no-such-page").cookie("lang", "zh-Hant").exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(chinese).contains("找不到網頁", "返回主頁");
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndNeverLeavesTheSite() {
        web.get().uri("/lang/zh-Hant?next=/search?q=%E7%B6%A0").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/search?q=%E7%B6%A0")
                .expectCookie().valueEquals("lang", "zh-Hant")
                .expectCookie().httpOnly("lang", true);
        for (String next : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            web.get().uri(builder -> builder.path("/lang/en").queryParam("next", "{n}").build(next)).exchange()
                    .expectStatus().isSeeOther().expectHeader().location("/");
        }
        web.get().uri("/lang/fr?next=/").exchange().expectStatus().isSeeOther().expectCookie().doesNotExist("lang");
    }

    @Test
    void everyPageSendsAStrictContentSecurityPolicyAndNoStackTraces() {
        web.get().uri("/").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedWithAFriendlyPage() {
        String html = web.post().uri("/sign-out").exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Not allowed", "reload the page");
    }

    @Test
    void accountPagesSendAnonymousVisitorsToSignIn() {
        web.get().uri("/account").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak");
    }
}
