package hk.esgone.web.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.PageTest;

class SearchPageTests extends PageTest {

    @Test
    void findsSuppliersWithHighlightsFacetsAndANextPageLinkThatKeepsTheState() {
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH);

        String html = page("/search?q=綠色 包裝&location=KWUN_TONG&sort=name", 200);

        assertThat(html).contains("1 suppliers", "<mark>綠色</mark><mark>包裝</mark>有限公司", "Boxes &amp; trays, <mark>green</mark> packaging")
                .contains("ISO 14001 · valid", "ESG One e-Badge · valid", "Score 77 · Gold", "href=\"/companies/cmp-green-pack\"")
                .contains("name=\"location\" value=\"KWUN_TONG\" checked", "Manufacturing", "value=\"name\" selected")
                .contains("href=\"/search?q=%E7%B6%A0%E8%89%B2%20%E5%8C%85%E8%A3%9D&amp;location=KWUN_TONG&amp;sort=name&amp;cursor=CURSOR-2\"");
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().contains("q=%E7%B6%A0%E8%89%B2%20%E5%8C%85%E8%A3%9D")
                && c.pathAndQuery().contains("location=KWUN_TONG") && c.pathAndQuery().contains("sort=name") && c.authorization() == null);
    }

    @Test
    void anHtmxRequestGetsOnlyTheResultsFragment() {
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH);

        String fragment = web.get().uri("/search?q=green").header("HX-Request", "true").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(fragment).contains("id=\"search-results\"", "<mark>綠色</mark>").doesNotContain("<html", "<header");
    }

    @Test
    void anEmptyResultSaysWhyAndOffersToDropEachFilter() {
        SERVICES.json("/api/v1/directory/search", Fixtures.EMPTY_SEARCH);

        String html = page("/search?q=zzz&location=KWUN_TONG&validCertification=true&certification=ISO_14001", 200, "zh-HK");

        assertThat(html).contains("沒有符合的供應商", "「zzz」", "不用 地區或城市：KWUN_TONG", "不用「只顯示持有效認證」", "不用字詞「zzz」")
                .contains("href=\"/search?location=KWUN_TONG&amp;certification=ISO_14001&amp;validCertification=true\"");
    }

    @Test
    void validOnlyFiltersAskForEveryCertificationAndEveryHeldBadge() {
        SERVICES.json("/api/v1/directory/taxonomies/certifications", """
                [{"code":"ISO_14001","label":{"en":"ISO 14001","zhHant":"ISO 14001"},"active":true},
                 {"code":"HK_GREEN_LABEL","label":{"en":"Green Label","zhHant":"綠色標籤"},"active":true}]""");
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH);

        page("/search?validCertification=true&validBadge=true", 200);

        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().contains("certification=ISO_14001")
                && c.pathAndQuery().contains("certification=HK_GREEN_LABEL") && c.pathAndQuery().contains("badge=ach-esg-one"));
    }

    @Test
    void anExpiredPageLinkIsExplainedNotAnError() {
        SERVICES.problem("/api/v1/directory/search", 400, "invalid-cursor");

        String html = page("/search?q=green&cursor=forged", 400);

        assertThat(html).contains("This page link has expired or was changed", "Start the search again");
    }

    @Test
    void hostileNamesAreShownAsText() {
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH.replace("Green Pack Ltd", "<script>alert(1)</script>")
                .replace("<em>綠色</em><em>包裝</em>有限公司", "&lt;img src=x onerror=alert(1)&gt; <em>x</em>"));

        String html = page("/search?q=x", 200);

        assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void suggestionsAreAListboxOfCompanyLinks() {
        SERVICES.json("/api/v1/directory/search/autocomplete", """
                {"items":[{"id":"cmp-green-pack","kind":"SUPPLIER","name":{"en":"Green Pack Ltd","zhHant":"綠色包裝"},
                  "highlights":{"name.en":["<em>Gre</em>en Pack Ltd"]}}]}""");

        String html = web.get().uri("/search/suggest?q=Gre").header("HX-Request", "true").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("role=\"listbox\"", "role=\"option\"", "id=\"suggestion-0\"", "href=\"/companies/cmp-green-pack\"",
                "<mark>Gre</mark>en Pack Ltd").doesNotContain("hidden");
    }
}
