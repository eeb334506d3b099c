package hk.esgone.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class PageLanguageTests {

    @Test
    void theLanguageSwitchsCookieWinsOverTheBrowsersLanguages() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .cookie(new HttpCookie(PageLanguage.COOKIE, "zh-Hant")).build();

        assertThat(PageLanguage.of(request)).isEqualTo(PageLanguage.CHINESE);
    }

    @Test
    void withoutTheCookieTheBrowsersFirstLanguageOfOursIsChosenAndChineseOfAnyRegionIsTraditional() {
        assertThat(PageLanguage.of(get("fr-FR,zh-CN;q=0.8,en;q=0.5"))).isEqualTo(PageLanguage.CHINESE);
        assertThat(PageLanguage.of(get("zh-HK"))).isEqualTo(PageLanguage.CHINESE);
        assertThat(PageLanguage.of(get("de,en-US;q=0.7,zh;q=0.3"))).isEqualTo(PageLanguage.ENGLISH);
    }

    @Test
    void anUnknownCookieAMalformedHeaderOrNoneGiveEnglish() {
        MockServerHttpRequest badCookie = MockServerHttpRequest.get("/").cookie(new HttpCookie(PageLanguage.COOKIE, "xx-<script>")).build();

        assertThat(PageLanguage.of(badCookie)).isEqualTo(PageLanguage.ENGLISH);
        assertThat(PageLanguage.of(get(";;;q=zz,"))).isEqualTo(PageLanguage.ENGLISH);
        assertThat(PageLanguage.of(MockServerHttpRequest.get("/").build())).isEqualTo(PageLanguage.ENGLISH);
        assertThat(PageLanguage.tag(PageLanguage.CHINESE)).isEqualTo("zh-Hant");
        assertThat(PageLanguage.tag(PageLanguage.ENGLISH)).isEqualTo("en");
    }

    @Test
    void aRequestKnownOnlyByItsHeadersIsReadByTheSameRule() {
        HttpHeaders cookieAmongOthers = new HttpHeaders();
        cookieAmongOthers.add(HttpHeaders.COOKIE, "SESSION=abc; lang=en");
        cookieAmongOthers.add(HttpHeaders.ACCEPT_LANGUAGE, "zh-HK,zh;q=0.9");
        HttpHeaders browserOnly = new HttpHeaders();
        browserOnly.add(HttpHeaders.COOKIE, "SESSION=abc; lang=fr");
        browserOnly.add(HttpHeaders.ACCEPT_LANGUAGE, "zh-TW");

        assertThat(PageLanguage.of(cookieAmongOthers)).isEqualTo(PageLanguage.ENGLISH);
        assertThat(PageLanguage.of(browserOnly)).isEqualTo(PageLanguage.CHINESE);
        assertThat(PageLanguage.of(new HttpHeaders())).isEqualTo(PageLanguage.ENGLISH);
    }

    private static MockServerHttpRequest get(String acceptLanguage) {
        return MockServerHttpRequest.get("/").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage).build();
    }
}
