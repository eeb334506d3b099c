package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Register my company", signed in through the real Keycloak as a person without a company: the choices come from
 * directory-service's taxonomies in the page's language, the registration number is checked as it is typed, what
 * the portal can tell is wrong is said before anything is sent, directory-service's refusals appear beside their
 * fields with everything typed kept, and a sent application leads to the account page.
 */
class RegisterPagesIntegrationTests extends SignedInPageTest {

    static final String APPLICATIONS = "/api/v1/directory/applications";
    /** The directory's taxonomies (one fixture for every page test: the portal caches them for all of a test run). */
    static final String TAXONOMIES = Fixtures.TAXONOMIES;
    /** A USCC with its right check character, and the same with a wrong one. */
    static final String USCC = "91350100M000100Y43";
    static final String USCC_SLIP = "91350100M000100Y44";

    @BeforeEach
    void theDirectory() {
        SERVICES.json("/api/v1/directory/taxonomies", TAXONOMIES);
        SERVICES.json("/api/v1/directory/me", "{\"subject\":\"x\",\"roles\":[],\"companyIds\":[]}");
    }

    @Test
    void theFormOffersTheDirectorysChoicesInThePagesLanguage() {
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");

        Traffic.Answer page = browser.get(SITE + "/workspace/register");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Register my company", "Supplier", "Environmental technology service provider",
                        "C · Manufacturing", "Metal products", "Hong Kong districts", "Kwun Tong", "Greater Bay Area cities", "Shenzhen",
                        "Elsewhere", "&lt;img src=x onerror=alert(1)&gt;", "name=\"_csrf\"")
                .doesNotContain("Retired industry", "<img src=x");

        browser.get(SITE + "/lang/zh-Hant?next=/workspace/register");
        Traffic.Answer chinese = browser.get(SITE + "/workspace/register");
        assertThat(chinese.body()).contains("lang=\"zh-Hant\"", "登記我的公司", "供應商", "C · 製造業", "金屬製品", "香港地區", "觀塘", "深圳",
                "香港商業登記號碼（8 位數字）", "送出申請");
    }

    @Test
    void theRegistrationNumberIsCheckedAsItIsTyped() {
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");

        assertThat(check(browser, "brNumber=1234+5678")).contains("A well-formed Hong Kong BR number.").contains("number-check valid");
        assertThat(check(browser, "brNumber=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96%EF%BC%97%EF%BC%98"))
                .as("full-width digits, as a Chinese keyboard types them").contains("A well-formed Hong Kong BR number.");
        assertThat(check(browser, "brNumber=1234567")).contains("the 8 digits at the start").contains("number-check invalid");
        assertThat(check(browser, "uscc=" + USCC.toLowerCase())).contains("A valid Unified Social Credit Code.");
        assertThat(check(browser, "uscc=" + USCC_SLIP)).contains("The last character does not match the rest of the code");
        assertThat(check(browser, "uscc=91350100M00010")).contains("18 letters and digits");
        assertThat(check(browser, "brNumber=12345678&uscc=" + USCC)).contains("Give only one of the two numbers.");
        assertThat(check(browser, "brNumber=&uscc=")).doesNotContain("Give").contains("id=\"number-check\"");
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(APPLICATIONS));
    }

    @Test
    void aCompleteApplicationIsSentWithThePersonsTokenAndLeadsToTheAccountPage() {
        SERVICES.json(APPLICATIONS, "{\"id\":\"cmp-green-metal\",\"status\":\"SUBMITTED\"}");
        SERVICES.json(APPLICATIONS + "/mine", "[{\"id\":\"cmp-green-metal\",\"status\":\"SUBMITTED\",\"name\":{\"en\":\"Green Metal Works\"},\"owner\":{}}]");
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/register"));

        Traffic.Answer sent = browser.postFields(SITE + "/workspace/register", fields(csrf, "uscc", " 9135 0100 M000 100Y43 ",
                "nameEn", "  Green   Metal Works ", "nameZh", "綠色金屬", "descriptionEn", "Sheet metal.\r\n\r\n\r\n\r\nRecycled steel.",
                "industry", "C", "sector", "METAL", "locations", "KWUN_TONG", "locations", "SHENZHEN", "locations", "KWUN_TONG",
                "website", "https://greenmetal.example", "contactEmail", "info@greenmetal.example"));

        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).isEqualTo("/account?applied=cmp-green-metal#cmp-green-metal");
        List<FakeServices.Call> posts = SERVICES.calls().stream().filter(c -> c.method().equals("POST")).toList();
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.pathAndQuery()).isEqualTo(APPLICATIONS);
            assertThat(post.authorization()).startsWith("Bearer ");
            JsonNode body = JsonMapper.shared().readTree(post.body());
            assertThat(body.path("kind").asString()).isEqualTo("SUPPLIER");
            assertThat(body.path("uscc").asString()).isEqualTo(USCC);
            assertThat(body.path("brNumber").isNull()).isTrue();
            assertThat(body.path("name").toString()).isEqualTo("{\"en\":\"Green Metal Works\",\"zhHant\":\"綠色金屬\"}");
            assertThat(body.path("description").path("en").asString()).isEqualTo("Sheet metal.\n\nRecycled steel.");
            assertThat(body.path("industry").asString()).isEqualTo("C");
            assertThat(body.path("sector").asString()).isEqualTo("METAL");
            assertThat(body.path("locations").toString()).isEqualTo("[\"KWUN_TONG\",\"SHENZHEN\"]");
            assertThat(body.path("website").asString()).isEqualTo("https://greenmetal.example");
            assertThat(body.path("contact").path("email").asString()).isEqualTo("info@greenmetal.example");
        });

        Traffic.Answer account = browser.follow(sent);
        assertThat(account.body()).contains("Application sent.", "Green Metal Works", "Waiting for a decision by the ESG One team.");
    }

    @Test
    void whatThePortalCanTellIsWrongIsSaidBeforeAnythingIsSentAndNothingTypedIsLost() {
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/register"));

        Traffic.Answer refused = browser.postFields(SITE + "/workspace/register", List.of("_csrf", csrf, "kind", "GALAXY",
                "uscc", USCC_SLIP, "nameEn", "", "nameZh", "", "descriptionZh", "<script>alert(1)</script>本地製造", "industry", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The application was not sent", "The last character does not match the rest of the code",
                        "Give the company&#39;s name in English, in Chinese or both.", "Choose the industry from the list.",
                        "Choose at least one district or city.", "Choose what kind of company it is.",
                        "value=\"" + USCC_SLIP + "\"", "&lt;script&gt;alert(1)&lt;/script&gt;本地製造", "href=\"#field-number\"")
                .doesNotContain("<script>alert(1)");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void theDirectorysRefusalsAreShownBesideTheirFields() {
        SERVICES.answer("POST", APPLICATIONS, 400, """
                {"type":"https://esg-one.hk/problems/validation","title":"Invalid request","status":400,
                 "errors":[{"field":"industry","message":"unknown code"},{"field":"contact.email","message":"not an e-mail address"},
                           {"field":"sector","message":"a cleaner-production sector applies to manufacturing (industry C) only"}]}""");
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/register"));

        Traffic.Answer refused = browser.postFields(SITE + "/workspace/register", complete(csrf, "contactEmail", "info@@x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose the industry from the list.", "Check the contact:", "Manufacturers (industry C) choose",
                "value=\"info@@x\"", "value=\"Green Metal Works\"", "value=\"KWUN_TONG\" checked=\"checked\"");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(1);
    }

    @Test
    void aNumberAlreadyListedAndAPendingApplicationAreExplained() {
        SERVICES.answer("POST", APPLICATIONS, 409, """
                {"type":"https://esg-one.hk/problems/duplicate-registration","title":"Conflict","status":409}""");
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/register"));

        Traffic.Answer duplicate = browser.postFields(SITE + "/workspace/register", complete(csrf));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).contains("A company with this number is already in the directory or applying.");

        SERVICES.answer("POST", APPLICATIONS, 409, """
                {"type":"https://esg-one.hk/problems/application-pending","title":"Conflict","status":409,"companyId":"cmp-green-metal"}""");
        Traffic.Answer pending = browser.postFields(SITE + "/workspace/register", complete(csrf));
        assertThat(pending.status()).isEqualTo(409);
        assertThat(pending.body()).contains("You already have an application waiting for a decision.", "href=\"/account\"");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");

        Traffic.Answer refused = browser.postFields(SITE + "/workspace/register", complete("not-the-token"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void withoutSigningInTheFormLeadsToKeycloaksPageInThePagesLanguage() {
        Traffic browser = new Traffic();
        browser.get(SITE + "/lang/zh-Hant?next=/");

        Traffic.Answer toKeycloak = browser.get(SITE + "/workspace/register");
        Traffic.Answer authorize = browser.get(toKeycloak.uri().resolve(toKeycloak.location()).toString());

        assertThat(authorize.location()).startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth?").contains("ui_locales=zh-Hant");
        Traffic.Answer login = browser.follow(authorize);
        assertThat(login.body()).as("Keycloak's page offers registration, in Chinese").contains("kc-registration").contains("註冊");
    }

    @Test
    void whenTheDirectoryIsDownThePersonIsToldToTryAgainAndNothingIsLost() {
        SERVICES.problem("POST", APPLICATIONS, 503, "unavailable");
        Traffic browser = signedIn(TestKeycloak.BUYER, "/workspace/register");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/register"));

        Traffic.Answer down = browser.postFields(SITE + "/workspace/register", fields(csrf, "brNumber", "12345678",
                "nameEn", "Green Metal Works", "industry", "C", "sector", "METAL", "locations", "KWUN_TONG"));

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("Temporarily unavailable", "Nothing you entered was lost").doesNotContain("Exception", "at hk.");
    }

    private static String check(Traffic browser, String query) {
        Traffic.Answer answer = browser.get(SITE + "/workspace/register/number?" + query);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** A complete application, with some fields replaced. */
    private static List<String> complete(String csrf, String... replaced) {
        Map<String, String> changes = new java.util.HashMap<>();
        for (int i = 0; i + 1 < replaced.length; i += 2) {
            changes.put(replaced[i], replaced[i + 1]);
        }
        List<String> fields = new ArrayList<>();
        List<String> base = List.of("kind", "SUPPLIER", "brNumber", "12345678", "nameEn", "Green Metal Works", "industry", "F",
                "sector", "METAL", "locations", "KWUN_TONG", "contactEmail", "info@greenmetal.example");
        for (int i = 0; i < base.size(); i += 2) {
            fields.add(base.get(i));
            fields.add(changes.getOrDefault(base.get(i), base.get(i + 1)));
        }
        fields.addAll(List.of("_csrf", csrf));
        return fields;
    }

    private static List<String> fields(String csrf, String... namesAndValues) {
        List<String> fields = new ArrayList<>(List.of("_csrf", csrf, "kind", "SUPPLIER"));
        fields.addAll(List.of(namesAndValues));
        return fields;
    }
}
