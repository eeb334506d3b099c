package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The company profile editor, signed in through the real Keycloak: the company is the one in the person's token;
 * the profile is saved whole with If-Match on the version read; rows of certifications are added and removed; what
 * the portal can tell is wrong is said before anything is sent; directory-service's refusals appear beside their
 * field or row; and an edit on an older version (412) shows what differs and is applied only when saved again.
 */
class ProfilePagesIntegrationTests extends SignedInPageTest {

    static final String COMPANY = "/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG;
    static final String STORED = """
            {"id":"cmp-demo-supplier","kind":"SUPPLIER","kindLabel":{"en":"Supplier","zhHant":"供應商"},"status":"PUBLISHED",
             "name":{"en":"Demo Green Packaging Ltd","zhHant":"示範綠色包裝有限公司"},"description":{"en":"Boxes <b>from</b> pulp."},
             "industry":{"code":"C","label":{"en":"Manufacturing"}},"sector":{"code":"METAL","label":{"en":"Metal products"}},
             "locations":[{"code":"KWUN_TONG"}],
             "certifications":[{"code":"ISO_14001","number":"EMS-123","issuer":"HKQAA","validUntil":"2027-06-30","valid":true}],
             "solutions":[],"website":"https://%s.example","contact":{"email":"info@demo.example"},
             "owner":{"version":%d}}""";

    @BeforeEach
    void theDirectory() {
        // the same lists as the register tests: the portal keeps them for a few minutes
        SERVICES.json("/api/v1/directory/taxonomies", RegisterPagesIntegrationTests.TAXONOMIES);
        SERVICES.json(COMPANY, STORED.formatted("greenpack", 7));
    }

    @Test
    void theFormShowsTheCompanysProfileInBothLanguages() {
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");

        Traffic.Answer page = browser.get(SITE + "/workspace/profile");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Company profile", "value=\"Demo Green Packaging Ltd\"", "value=\"示範綠色包裝有限公司\"",
                        "Boxes &lt;b&gt;from&lt;/b&gt; pulp.", "value=\"EMS-123\"", "value=\"HKQAA\"", "value=\"2027-06-30\"",
                        "Certification 3", "name=\"version\" value=\"7\"", "href=\"/companies/cmp-demo-supplier\"",
                        "value=\"KWUN_TONG\" checked=\"checked\"", "href=\"/workspace/profile\"")
                .doesNotContain("Certification 4", "Green solutions</legend>", "<b>from");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith("/api/v1/directory/companies/"))
                .allSatisfy(call -> {
                    assertThat(call.pathAndQuery()).isEqualTo(COMPANY);
                    assertThat(call.authorization()).startsWith("Bearer ");
                });

        browser.get(SITE + "/lang/zh-Hant?next=/workspace/profile");
        assertThat(browser.get(SITE + "/workspace/profile").body()).contains("公司資料", "認證 1", "ISO 14001 環境管理", "儲存公司資料");
    }

    @Test
    void theWholeProfileIsSavedOnTheVersionReadWithRowsAddedAndRemoved() {
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));

        Traffic.Answer saved = browser.postFields(SITE + "/workspace/profile", form(csrf, "7",
                "cert0.remove", "yes", "cert1.code", "ISO_50001", "cert1.number", " EnMS-9 ", "cert1.issuer", "SGS",
                "cert1.validUntil", "2028-01-31", "website", "https://greenpack.example"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo("/workspace/profile?saved=1");
        List<FakeServices.Call> puts = SERVICES.calls().stream().filter(c -> c.method().equals("PUT")).toList();
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.pathAndQuery()).isEqualTo(COMPANY);
            assertThat(put.header("if-match")).isEqualTo("\"7\"");
            assertThat(put.authorization()).startsWith("Bearer ");
            JsonNode body = JsonMapper.shared().readTree(put.body());
            assertThat(body.path("name").toString()).isEqualTo("{\"en\":\"Demo Green Packaging Ltd\",\"zhHant\":\"示範綠色包裝有限公司\"}");
            assertThat(body.path("certifications").toString())
                    .isEqualTo("[{\"code\":\"ISO_50001\",\"number\":\"EnMS-9\",\"issuer\":\"SGS\",\"validUntil\":\"2028-01-31\"}]");
            assertThat(body.path("locations").toString()).isEqualTo("[\"KWUN_TONG\"]");
            assertThat(body.path("website").asString()).isEqualTo("https://greenpack.example");
            assertThat(body.path("solutions").toString()).isEqualTo("[]");
        });
        assertThat(browser.follow(saved).body()).contains("Saved. The directory shows the new profile within a minute.");
    }

    @Test
    void anEditOnAnOlderVersionShowsWhatDiffersAndIsAppliedOnlyWhenSavedAgain() {
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));
        // meanwhile a colleague changed the website: the directory is at version 8 and refuses version 7
        SERVICES.json(COMPANY, STORED.formatted("colleague", 8));
        SERVICES.answer("PUT", COMPANY, 412, """
                {"type":"https://esg-one.hk/problems/precondition-failed","title":"Precondition failed","status":412}""");

        Traffic.Answer conflict = browser.postFields(SITE + "/workspace/profile", form(csrf, "7", "website", "https://mine.example"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("Someone saved this profile after you opened it", "https://colleague.example",
                        "value=\"https://mine.example\"", "name=\"version\" value=\"8\"", "Save mine on top")
                .containsOnlyOnce("<th scope=\"row\">");

        SERVICES.answer("PUT", COMPANY, 200, STORED.formatted("mine", 9));
        Traffic.Answer again = browser.postFields(SITE + "/workspace/profile", form(csrf, "8", "website", "https://mine.example"));
        assertThat(again.status()).isEqualTo(303);
        assertThat(SERVICES.calls().stream().filter(c -> c.method().equals("PUT")).map(c -> c.header("if-match")).toList())
                .containsExactly("\"7\"", "\"8\"");
    }

    @Test
    void whatThePortalCanTellIsWrongIsSaidBeforeAnythingIsSent() {
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));

        Traffic.Answer refused = browser.postFields(SITE + "/workspace/profile", form(csrf, "7", "nameEn", "", "nameZh", "",
                "cert1.code", "ISO_50001", "cert1.number", "<script>x</script>", "cert1.validUntil", "31/01/2028"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The profile was not saved", "Give the company&#39;s name", "href=\"#field-cert1\">Certification 2",
                        "Give the certificate, its number, the body that issued it and the date it is valid until.",
                        "value=\"&lt;script&gt;x&lt;/script&gt;\"")
                .doesNotContain("<script>x");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void theDirectorysRefusalsAppearBesideTheirRow() {
        SERVICES.answer("PUT", COMPANY, 400, """
                {"type":"https://esg-one.hk/problems/validation","title":"Invalid request","status":400,
                 "errors":[{"field":"certifications[0].number","message":"at most 64 characters"},{"field":"logoUrl","message":"not a URL"}]}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));

        Traffic.Answer refused = browser.postFields(SITE + "/workspace/profile", form(csrf, "7", "logoUrl", "ftp://logo"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#field-cert0\">Certification 1", "href=\"#field-logoUrl\">Logo",
                "Give the logo&#39;s address, starting with https://.", "value=\"ftp://logo\"");
    }

    @Test
    void aPersonWithoutACompanyIsToldSoAndNothingIsAskedOrSent() {
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/profile");
        Traffic.Answer page = browser.get(SITE + "/workspace/profile");
        String csrf = Traffic.csrfToken(page);
        Traffic.Answer post = browser.postFields(SITE + "/workspace/profile", form(csrf, "7"));

        assertThat(page.body()).contains("Your account is not linked to a company yet.", "href=\"/workspace/register\"");
        assertThat(post.status()).isEqualTo(200);
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith("/api/v1/directory/companies/"));
    }

    @Test
    void anotherCompanysMemberOnlyEverReachesTheirOwnAndAFormWithoutItsTokenIsRefused() {
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG_2, STORED.formatted("second", 3)
                .replace("cmp-demo-supplier", TestKeycloak.SUPPLIER_ORG_2));
        Traffic browser = signedIn(TestKeycloak.SME_2, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));

        browser.postFields(SITE + "/workspace/profile", form(csrf, "3"));
        Traffic.Answer forged = browser.postFields(SITE + "/workspace/profile", form("not-the-token", "3"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith("/api/v1/directory/companies/")).isNotEmpty()
                .allMatch(c -> c.pathAndQuery().equals("/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG_2));
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).hasSize(1);
    }

    @Test
    void whenTheDirectoryIsDownTheSaveSaysTryAgain() {
        SERVICES.problem("PUT", COMPANY, 503, "unavailable");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));

        Traffic.Answer down = browser.postFields(SITE + "/workspace/profile", form(csrf, "7"));

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("Temporarily unavailable").doesNotContain("Exception", "at hk.");
    }

    @Test
    void aFormWithoutItsVersionIsNeverSavedOverTheStoredProfile() {
        SERVICES.answer("PUT", COMPANY, 412, """
                {"type":"https://esg-one.hk/problems/precondition-failed","title":"Precondition failed","status":412}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/profile");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/profile"));

        Traffic.Answer stale = browser.postFields(SITE + "/workspace/profile", form(csrf, "not-a-number", "website", "https://mine.example"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone saved this profile after you opened it", "name=\"version\" value=\"7\"");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement()
                .satisfies(put -> assertThat(put.header("if-match")).isEqualTo("\"-1\""));
    }

    /** The form as the page fills it from {@link #STORED}, at {@code version}, with fields replaced or added. */
    private static List<String> form(String csrf, String version, String... changes) {
        List<String> base = new ArrayList<>(List.of("_csrf", csrf, "version", version, "nameEn", "Demo Green Packaging Ltd",
                "nameZh", "示範綠色包裝有限公司", "descriptionEn", "Boxes <b>from</b> pulp.", "industry", "C", "sector", "METAL", "locations", "KWUN_TONG",
                "cert0.code", "ISO_14001", "cert0.number", "EMS-123", "cert0.issuer", "HKQAA", "cert0.validUntil", "2027-06-30",
                "website", "https://greenpack.example", "contactEmail", "info@demo.example"));
        for (int i = 0; i + 1 < changes.length; i += 2) {
            int at = base.indexOf(changes[i]);
            if (at > 1 && at % 2 == 0) {
                base.set(at + 1, changes[i + 1]);
            } else {
                base.add(changes[i]);
                base.add(changes[i + 1]);
            }
        }
        return base;
    }
}
