package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * "My badges": the company's badges with their live status, the embed code of each in the chosen language with
 * previews in both, and the websites allowed to show them — typed addresses reduced to domains, a line that is no
 * domain named on the page before anything is sent, badge-service's refusals shown in place. The company is the one
 * in the person's token: another company's badges are never asked for.
 */
class BadgesPagesIntegrationTests extends SignedInPageTest {

    static final String HOLDINGS = "/api/v1/badges/holders/" + TestKeycloak.SUPPLIER_ORG;
    static final String SETTINGS = "/api/v1/badges/companies/" + TestKeycloak.SUPPLIER_ORG + "/widget-settings";

    @Test
    void showsEachBadgeWithItsStatusItsCodeAndPreviewsInBothLanguages() {
        badges();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");

        Traffic.Answer page = browser.get(SITE + "/workspace/badges");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("My badges", "ESG One e-Badge", "Valid", "valid until 2027-12-31", "Revoked")
                .contains("&lt;script src=&quot;" + SITE + "/widget/badge.js&quot; data-badge-id=&quot;bdg-good1&quot; data-lang=&quot;en&quot; async&gt;&lt;/script&gt;")
                .contains("&lt;iframe src=&quot;" + SITE + "/widget/badges/bdg-good1/frame?lang=en&quot;")
                .contains("src=\"" + SITE + "/widget/badges/bdg-good1/frame?lang=en\"", "src=\"" + SITE + "/widget/badges/bdg-good1/frame?lang=zh-Hant\"")
                .contains("href=\"" + SITE + "/badges/bdg-good1?lang=en\"")
                .contains("&amp;lt;b&amp;gt;") // a name with markup, escaped inside the escaped code
                .doesNotContain("<b>Bold</b>")
                .contains(">greenpack.com.hk</textarea>");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith("/api/v1/badges/"))
                .extracting(FakeServices.Call::pathAndQuery).containsOnly(HOLDINGS, SETTINGS);
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().equals(SETTINGS))
                .allMatch(c -> c.authorization().startsWith("Bearer "));
    }

    @Test
    void theCodeComesInChineseAndThePageTooWhenChosen() {
        badges();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/badges");

        Traffic.Answer page = browser.get(SITE + "/workspace/badges?snippet=zh-Hant");

        assertThat(page.body()).contains("我的電子徽章", "有效", "已撤銷", "ESG One 電子徽章", "可展示徽章的網站")
                .contains("data-lang=&quot;zh-Hant&quot;", "frame?lang=zh-Hant&quot;", "綠色徽章");
    }

    @Test
    void typedWebsitesAreSavedAsDomainsWithThePersonsToken() {
        badges();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/badges"));

        Traffic.Answer saved = browser.postForm(SITE + "/workspace/badges/domains", Map.of("_csrf", csrf,
                "domains", "https://www.GreenPack.com.hk/about\n*.example.org, example.org\n綠色包裝.com.hk\n"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo("/workspace/badges?saved=1");
        List<FakeServices.Call> puts = SERVICES.calls().stream().filter(c -> c.method().equals("PUT")).toList();
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.pathAndQuery()).isEqualTo(SETTINGS);
            assertThat(put.authorization()).startsWith("Bearer ");
            assertThat(put.body()).isEqualTo("{\"allowedDomains\":[\"www.greenpack.com.hk\",\"example.org\",\"xn--uir740h19c20h.com.hk\"]}");
        });
        assertThat(browser.follow(saved).body()).contains("Saved. Your badges follow the new list of websites within a minute.");
    }

    @Test
    void aLineThatIsNoWebsiteIsNamedAndNothingIsSent() {
        badges();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/badges"));

        Traffic.Answer refused = browser.postForm(SITE + "/workspace/badges/domains",
                Map.of("_csrf", csrf, "domains", "greenpack.com.hk\nnot_a<site>\u202e"));
        Traffic.Answer tooLong = browser.postForm(SITE + "/workspace/badges/domains", Map.of("_csrf", csrf, "domains", "a.hk\n".repeat(1000)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The list of websites was not saved", "is not a website address", "not_a&lt;site&gt;")
                .contains("greenpack.com.hk\nnot_a&lt;site&gt;");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("too many websites");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void aRefusalByTheBadgeServiceIsShownInPlace() {
        badges();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/badges");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/badges"));
        SERVICES.problem("PUT", SETTINGS, 403, "forbidden");

        Traffic.Answer refused = browser.postForm(SITE + "/workspace/badges/domains", Map.of("_csrf", csrf, "domains", "greenpack.com.hk"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Only members of the company can change this list.");
    }

    @Test
    void anotherCompanysMemberOnlyEverAsksForTheirOwnCompany() {
        SERVICES.json("/api/v1/badges/holders/" + TestKeycloak.SUPPLIER_ORG_2, "{\"companyId\":\"cmp-demo-supplier-2\",\"badges\":[]}");
        SERVICES.json("/api/v1/badges/companies/" + TestKeycloak.SUPPLIER_ORG_2 + "/widget-settings", "{\"allowedDomains\":[]}");
        Traffic browser = signedIn(TestKeycloak.SME_2, "/workspace/badges");

        Traffic.Answer page = browser.get(SITE + "/workspace/badges?company=" + TestKeycloak.SUPPLIER_ORG);
        String csrf = Traffic.csrfToken(page);
        browser.postForm(SITE + "/workspace/badges/domains",
                Map.of("_csrf", csrf, "domains", "evil.example", "company", TestKeycloak.SUPPLIER_ORG));

        assertThat(page.body()).contains("Your company has no e-badge yet.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith("/api/v1/badges/"))
                .allMatch(c -> c.pathAndQuery().contains(TestKeycloak.SUPPLIER_ORG_2));
    }

    @Test
    void visitorsAreSentToSignInFirst() {
        Traffic.Answer answer = new Traffic().get(SITE + "/workspace/badges");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/oauth2/authorization/keycloak");
    }

    private static void badges() {
        SERVICES.json(HOLDINGS, """
                {"companyId":"cmp-demo-supplier","badges":[
                  {"id":"bdg-good1","achievementId":"ach-esg-one","achievementKind":"COMPLETION","name":{"en":"ESG One e-Badge","zhHant":"綠色徽章"},
                   "status":"VALID","validFrom":"2026-01-01T00:00:00Z","validUntil":"2027-12-31T08:00:00Z"},
                  {"id":"bdg-gone2","achievementId":"ach-gold","achievementKind":"SCORECARD_LEVEL","scorecardLevel":"GOLD",
                   "name":{"en":"<b>Bold</b> level","zhHant":"金級"},"status":"REVOKED","validFrom":"2026-01-01T00:00:00Z","validUntil":"not a date"}]}""");
        SERVICES.json(SETTINGS, "{\"companyId\":\"cmp-demo-supplier\",\"allowedDomains\":[\"greenpack.com.hk\"]}");
    }
}
