package hk.esgone.web.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * The taxonomies page, signed in through the real Keycloak, directory-service faked: every type with its terms in
 * both languages, editing a term (PUT with the staff member's token), adding a code where the list takes new ones,
 * directory-service's refusals beside the fields, an unknown type or code as the 404 page, and no page for others.
 */
class TaxonomiesPagesIntegrationTests extends SignedInPageTest {

    static final String ALL = "/api/v1/directory/taxonomies";
    static final String ADMIN = "/api/v1/directory/admin/taxonomies";
    static final String PAGE = "/workspace/admin/taxonomies";

    @Test
    void everyTypeIsATabAndItsTermsShowBothLabels() {
        taxonomies();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);

        Traffic.Answer industries = browser.get(SITE + PAGE);
        Traffic.Answer locations = browser.get(SITE + PAGE + "?type=locations");
        Traffic.Answer kinds = browser.get(SITE + PAGE + "?type=kinds");
        Traffic.Answer levels = browser.get(SITE + PAGE + "?type=scorecardLevels");

        assertThat(industries.status()).isEqualTo(200);
        assertThat(industries.body()).contains("Taxonomies", "Kinds of company", "Industries", "Locations", "Scorecard levels", "MANUFACTURING",
                "Manufacturing", "製造業", "Add a term", "href=\"/workspace/admin/taxonomies/industries/MANUFACTURING\"", "&lt;i&gt;Mining&lt;/i&gt;");
        assertThat(locations.body()).contains("KWUN_TONG", "觀塘", "Hong Kong district", "Greater Bay Area city");
        assertThat(kinds.body()).contains("These are fixed by the platform").doesNotContain("Add a term").doesNotContain("/kinds/SUPPLIER");
        assertThat(levels.body()).contains("From overall score", "<td>80</td>", "codes of this list are fixed").doesNotContain("Add a term");

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("分類", "行業", "新增項目", "英文", "中文");
    }

    @Test
    void editingATermSendsItsLabelsWithTheStaffMembersTokenAndReturnsWithTheOutcome() {
        taxonomies();
        SERVICES.answer("PUT", ADMIN + "/locations/KWUN_TONG", 200, "{\"code\":\"KWUN_TONG\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/locations/KWUN_TONG");
        Traffic.Answer form = browser.get(SITE + PAGE + "/locations/KWUN_TONG");
        assertThat(form.body()).contains("Change KWUN_TONG", "value=\"Kwun Tong\"", "value=\"觀塘\"",
                "<option value=\"HK_DISTRICT\" selected=\"selected\">Hong Kong district</option>");

        Traffic.Answer saved = browser.postForm(SITE + PAGE + "/locations/KWUN_TONG", Map.of("_csrf", Traffic.csrfToken(form),
                "labelEn", " Kwun  Tong\u0000 ", "labelZh", "觀塘區", "group", "HK_DISTRICT", "active", "yes"));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo(PAGE + "?type=locations&done=saved&code=KWUN_TONG");
        assertThat(browser.follow(saved).body()).contains("Saved: KWUN_TONG.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).startsWith("Bearer ");
            assertThat(call.body()).isEqualTo("{\"label\":{\"en\":\"Kwun Tong\",\"zhHant\":\"觀塘區\"},\"active\":true,\"group\":\"HK_DISTRICT\"}");
        });
    }

    @Test
    void addingACodeChecksItFirstAndAnExistingCodeIsNotOverwritten() {
        taxonomies();
        SERVICES.answer("PUT", ADMIN + "/industries/RECYCLING", 200, "{\"code\":\"RECYCLING\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/industries/new");
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE + "/industries/new"));

        Traffic.Answer badCode = browser.postForm(SITE + PAGE + "/industries/new", Map.of("_csrf", csrf, "code", "recycling!", "labelEn", "Recycling",
                "labelZh", "", "active", "yes"));
        Traffic.Answer taken = browser.postForm(SITE + PAGE + "/industries/new", Map.of("_csrf", csrf, "code", "MANUFACTURING", "labelEn", "Making",
                "labelZh", "製作", "active", "yes"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("Use 1 to 40 upper-case letters", "Please give a label.", "value=\"recycling!\"");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("This list has a term with this code already");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));

        Traffic.Answer added = browser.postForm(SITE + PAGE + "/industries/new", Map.of("_csrf", csrf, "code", "RECYCLING", "labelEn", "Recycling",
                "labelZh", "回收業"));

        assertThat(added.location()).isEqualTo(PAGE + "?type=industries&done=added&code=RECYCLING");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"label\":{\"en\":\"Recycling\",\"zhHant\":\"回收業\"},\"active\":false}"));
    }

    @Test
    void theDirectorysRefusalsAreShownBesideTheFields() {
        taxonomies();
        SERVICES.answer("PUT", ADMIN + "/scorecardLevels/GOLD", 400, """
                {"type":"https://esg-one.hk/problems/validation","status":400,"errors":[{"field":"label.zhHant","message":"at most 100 characters, no control characters"}]}""");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/scorecardLevels/GOLD");
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE + "/scorecardLevels/GOLD"));

        Traffic.Answer threshold = browser.postForm(SITE + PAGE + "/scorecardLevels/GOLD", Map.of("_csrf", csrf, "labelEn", "Gold", "labelZh", "金級",
                "minOverall", "101"));
        Traffic.Answer tooLong = browser.postForm(SITE + PAGE + "/scorecardLevels/GOLD", Map.of("_csrf", csrf, "labelEn", "Gold", "labelZh", "金".repeat(101),
                "minOverall", "80"));
        assertThat(threshold.body()).contains("Give a whole number from 0 to 100.");
        assertThat(tooLong.body()).contains("Too long: at most 100 characters.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));

        Traffic.Answer refused = browser.postForm(SITE + PAGE + "/scorecardLevels/GOLD", Map.of("_csrf", csrf, "labelEn", "Gold", "labelZh", "金級",
                "minOverall", "80", "active", "yes"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("directory-service did not accept this value.", "href=\"#field-labelZh\"");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"minOverall\":80"));
    }

    @Test
    void anUnknownTypeOrCodeIsTheNotFoundPage() {
        taxonomies();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        assertThat(browser.get(SITE + PAGE + "/industries/NO_SUCH_CODE").status()).isEqualTo(404);
        assertThat(browser.get(SITE + PAGE + "/planets/EARTH").status()).isEqualTo(404);
        assertThat(browser.get(SITE + PAGE + "/kinds/SUPPLIER").status()).isEqualTo(404);
        assertThat(browser.get(SITE + PAGE + "/scorecardLevels/new").status()).isEqualTo(404);
        assertThat(browser.postForm(SITE + PAGE + "/industries/NO_SUCH_CODE", Map.of("_csrf", csrf, "labelEn", "x", "labelZh", "x")).status())
                .isEqualTo(404);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void someoneWhoIsNotStaffGetsTheFriendlyRefusalAndTheDirectoryDecidesChanges() {
        taxonomies();
        SERVICES.problem("PUT", ADMIN + "/industries/MANUFACTURING", 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.SME, PAGE);

        assertThat(browser.get(SITE + PAGE).status()).isEqualTo(403);
        assertThat(browser.get(SITE + PAGE + "/industries/MANUFACTURING").status()).isEqualTo(403);
        String csrf = Traffic.csrfToken(browser.get(SITE + "/check"));
        Traffic.Answer change = browser.postForm(SITE + PAGE + "/industries/MANUFACTURING", Map.of("_csrf", csrf, "labelEn", "x", "labelZh", "x"));
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.body()).contains("Not allowed");
    }

    static void taxonomies() {
        SERVICES.json(ALL, """
                {"kinds":[{"code":"SUPPLIER","label":{"en":"Supplier","zhHant":"供應商"},"active":true}],
                 "industries":[{"code":"MANUFACTURING","label":{"en":"Manufacturing","zhHant":"製造業"},"active":true},
                               {"code":"MINING","label":{"en":"<i>Mining</i>","zhHant":"採礦"},"active":false}],
                 "locations":[{"code":"KWUN_TONG","label":{"en":"Kwun Tong","zhHant":"觀塘"},"group":"HK_DISTRICT","active":true},
                              {"code":"SHENZHEN","label":{"en":"Shenzhen","zhHant":"深圳"},"group":"GBA_CITY","active":true}],
                 "scorecardLevels":[{"code":"GOLD","label":{"en":"Gold","zhHant":"金級"},"minOverall":80,"active":true}]}""");
    }
}
