package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner's offer editor, signed in through the real Keycloak as a partner's member, offers-service as
 * {@link hk.esgone.web.support.FakeServices} with its partner API's shapes (OfferViews.OfferView; refusals as its
 * {@code validation} problem with {@code errors[].field}): the exact create and edit requests with the person's token,
 * refusals beside their fields with what was typed kept, a stale save never written, the preview in both languages,
 * another company's offer (the service's 404: the 404 page, nothing written), someone who is no partner (403), and
 * input the portal can already tell is wrong (named, nothing sent).
 */
class OfferEditorPagesIntegrationTests extends SignedInPageTest {

    static final String MINE = "/api/v1/offers/partner/offers";
    static final String DRAFT_ID = "off-green-loan";
    static final String EDIT = "/workspace/partner/offers/" + DRAFT_ID + "/edit";

    /** A draft of the partner's company at version 10:00, as offers-service's partner API shows it. */
    static final String DRAFT = """
            {"id":"off-green-loan","partnerId":"cmp-demo-partner","type":"PERCENTAGE_DISCOUNT","value":10,"currency":"HKD",
             "title":{"en":"Green loan rebate","zhHant":"綠色貸款回贈"},"description":{"en":"A rebate on green loans.","zhHant":"綠色貸款回贈。"},
             "terms":{"en":"One loan per company.","zhHant":"每間公司一筆貸款。"},"category":"BANKING_AND_FINANCE",
             "validFrom":"2026-12-31T16:00:00Z","validUntil":"2027-03-31T15:59:59Z","quota":100,"remaining":100,"perCompanyLimit":1,
             "eligibility":{"requiredAchievementId":null,"minScorecardLevel":null,"industries":[]},
             "redemption":{"method":"UNIQUE_CODE","link":null},"status":"DRAFT","reviewNote":null,
             "createdAt":"2026-12-05T09:00:00Z","updatedAt":"2026-12-05T10:00:00Z","submittedAt":null,"listedAt":null,"codePool":null}""";

    @Test
    void aNewOfferIsCreatedWithTheRightJsonAndTokenThenOpensAtItsEditAddress() {
        directory();
        SERVICES.answer("POST", MINE, 201, DRAFT.replace("off-green-loan", "off-new00001"));
        SERVICES.json(MINE + "/off-new00001", DRAFT.replace("off-green-loan", "off-new00001"));
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers/new");
        Traffic.Answer blank = browser.get(SITE + "/workspace/partner/offers/new");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("New offer", "Title in English", "Title in Chinese", "Terms in Chinese", "First day",
                "C · Manufacturing", "Save draft", "Preview", "Save and submit for approval");
        String csrf = Traffic.csrfToken(blank);

        Traffic.Answer withoutCsrf = browser.postFields(SITE + "/workspace/partner/offers/new", filled(null, "save"));
        Traffic.Answer created = browser.postFields(SITE + "/workspace/partner/offers/new", filled(csrf, "save"));

        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(created.status()).isEqualTo(303);
        assertThat(created.location()).isEqualTo("/workspace/partner/offers/off-new00001/edit?saved=1");
        List<FakeServices.Call> writes = SERVICES.calls().stream().filter(c -> !c.method().equals("GET")).toList();
        assertThat(writes).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.pathAndQuery()).isEqualTo(MINE);
            assertThat(call.authorization()).startsWith("Bearer ey");
            JsonNode body = JsonMapper.shared().readTree(call.body());
            assertThat(body.path("type").asString()).isEqualTo("PERCENTAGE_DISCOUNT");
            assertThat(body.path("value").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(body.path("currency").asString()).isEqualTo("HKD");
            assertThat(body.path("title").path("en").asString()).isEqualTo("Green loan rebate");
            assertThat(body.path("title").path("zhHant").asString()).isEqualTo("綠色貸款回贈");
            assertThat(body.path("description").path("en").asString()).isEqualTo("A rebate on green loans.\nFor listed SMEs.");
            assertThat(body.path("terms").path("zhHant").asString()).isEqualTo("每間公司一筆貸款。");
            assertThat(body.path("category").asString()).isEqualTo("BANKING_AND_FINANCE");
            // Hong Kong dates: from the start of the first day to the end of the last
            assertThat(body.path("validFrom").asString()).isEqualTo("2026-12-31T16:00:00Z");
            assertThat(body.path("validUntil").asString()).isEqualTo("2027-03-31T15:59:59Z");
            assertThat(body.path("quota").asInt()).isEqualTo(100);
            assertThat(body.path("perCompanyLimit").asInt()).isEqualTo(2);
            assertThat(body.path("eligibility").path("requiredAchievementId").asString()).isEqualTo("ach-scorecard-gold-2026");
            assertThat(body.path("eligibility").path("minScorecardLevel").asString()).isEqualTo("GOLD");
            assertThat(body.path("eligibility").path("industries").toString()).isEqualTo("[\"C\"]");
            assertThat(body.path("redemption").path("method").asString()).isEqualTo("UNIQUE_CODE");
            assertThat(body.path("redemption").path("link").isNull()).isTrue();
        });
        Traffic.Answer opened = browser.follow(created);
        assertThat(opened.body()).contains("Draft saved.", "off-new00001", "value=\"Green loan rebate\"", "value=\"2027-03-31\"");
    }

    @Test
    void theServicesFieldErrorsAreShownBesideTheFieldsInThePagesLanguageWithWhatWasTypedKept() {
        directory();
        SERVICES.answer("POST", MINE, 400, """
                {"type":"https://esg-one.hk/problems/validation","title":"Invalid request","status":400,"detail":"One or more fields are invalid.",
                 "errors":[{"field":"title.zhHant","message":"Contains characters that are not allowed here"},
                           {"field":"validUntil","message":"An offer may run for at most three years."},
                           {"field":"quota","message":"Must be from 1 to 100000."}]}""");
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers/new");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers/new"));

        Traffic.Answer refused = browser.postFields(SITE + "/workspace/partner/offers/new", filled(csrf, "save"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The offer was not saved: please check these fields", "href=\"#titleZh\"",
                "id=\"titleZh-error\"", "Not accepted: the Chinese title is needed",
                "id=\"validUntil-error\"", "at most three years after the first day",
                "id=\"quota-error\"", "Not accepted: the number of places is outside what the marketplace allows.",
                "value=\"Green loan rebate\"", "value=\"綠色貸款回贈\"", "value=\"12.5\"", "value=\"2027-03-31\"",
                "A rebate on green loans.\nFor listed SMEs.</textarea>", "value=\"ach-scorecard-gold-2026\"");
        assertThat(refused.body()).containsPattern("<option value=\"GOLD\" selected=\"selected\">")
                .containsPattern("value=\"C\" checked=\"checked\"");

        // the same refusal as a 422 (how other services answer field errors) reads the same
        SERVICES.answer("POST", MINE, 422, """
                {"type":"https://esg-one.hk/problems/validation","title":"Invalid request","status":422,
                 "errors":[{"field":"title.zhHant","message":"Required in both English (en) and Traditional Chinese (zhHant)."}]}""");
        browser.get(SITE + "/lang/zh-Hant?next=/");
        Traffic.Answer chinese = browser.postFields(SITE + "/workspace/partner/offers/new", filled(csrf, "save"));
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.body()).contains("優惠未有儲存：請檢查以下欄位", "未獲接受：須填寫中文標題", "value=\"綠色貸款回贈\"");
    }

    @Test
    void aDraftSavedBySomeoneElseMeanwhileIsNeverOverwrittenAndSavingAgainPutsMineOnTop() {
        directory();
        SERVICES.json(MINE + "/" + DRAFT_ID, DRAFT.replace("Green loan rebate", "A colleague's title"));
        SERVICES.answer("PUT", MINE + "/" + DRAFT_ID, 200, DRAFT);
        Traffic browser = signedIn(TestKeycloak.PARTNER, EDIT);
        String csrf = Traffic.csrfToken(browser.get(SITE + EDIT));

        List<String> opened9 = new ArrayList<>(filled(csrf, "save"));
        opened9.addAll(List.of("version", "2026-12-05T09:00:00Z"));
        Traffic.Answer stale = browser.postFields(SITE + EDIT, opened9);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone saved this offer after you opened it", "Nothing of yours was saved",
                "A colleague&#39;s title", "<td>Green loan rebate</td>", "value=\"Green loan rebate\"",
                "name=\"version\" value=\"2026-12-05T10:00:00Z\"", "Save mine on top");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));

        List<String> onTop = new ArrayList<>(filled(csrf, "save"));
        onTop.addAll(List.of("version", "2026-12-05T10:00:00Z"));
        Traffic.Answer saved = browser.postFields(SITE + EDIT, onTop);

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).isEqualTo(EDIT + "?saved=1");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(MINE + "/" + DRAFT_ID);
            assertThat(call.authorization()).startsWith("Bearer ey");
            assertThat(JsonMapper.shared().readTree(call.body()).path("title").path("en").asString()).isEqualTo("Green loan rebate");
        });
    }

    @Test
    void thePreviewShowsTheOfferPageInEnglishAndChineseFromWhatIsTypedAndSendsNothing() {
        directory();
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers/new");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers/new"));

        Traffic.Answer preview = browser.postFields(SITE + "/workspace/partner/offers/new", filled(csrf, "preview"));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Preview", "In English", "中文版",
                "<h3 lang=\"en\">Green loan rebate</h3>", "<h3 lang=\"zh-Hant\">綠色貸款回贈</h3>",
                "Demo Partner Bank", "示範合作銀行",
                "Percentage discount", "百分比折扣", "12.5%", "2027-01-01 to 2027-03-31", "100 of 100 places left",
                "Requires the ESG One Gold scorecard", "須持有 ESG One 金級評分",
                "Requires a scorecard level of Gold or higher", "須取得 金級 或以上的評分等級",
                "Only companies in these industries: C", "One loan per company.", "每間公司一筆貸款。",
                "value=\"Green loan rebate\"");
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(MINE));
    }

    @Test
    void anotherCompanysOfferIsTheServices404AndNothingIsWritten() {
        directory();
        SERVICES.problem(MINE + "/" + DRAFT_ID, 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.PARTNER_2, EDIT);
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers/new"));

        Traffic.Answer opened = browser.get(SITE + EDIT);
        List<String> form = new ArrayList<>(filled(csrf, "save"));
        form.addAll(List.of("version", "2026-12-05T10:00:00Z"));
        Traffic.Answer saved = browser.postFields(SITE + EDIT, form);
        List<String> submit = new ArrayList<>(filled(csrf, "submit"));
        submit.addAll(List.of("version", "2026-12-05T10:00:00Z"));
        Traffic.Answer submitted = browser.postFields(SITE + EDIT, submit);
        Traffic.Answer notAnId = browser.get(SITE + "/workspace/partner/offers/cmp-demo-partner/edit");

        assertThat(opened.status()).isEqualTo(404);
        assertThat(opened.body()).contains("Page not found").doesNotContain("Green loan rebate");
        assertThat(saved.status()).isEqualTo(404);
        assertThat(submitted.status()).isEqualTo(404);
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(MINE)).isNotEmpty()
                .allSatisfy(call -> {
                    assertThat(call.method()).isEqualTo("GET");
                    assertThat(call.pathAndQuery()).isEqualTo(MINE + "/" + DRAFT_ID);
                    assertThat(call.authorization()).startsWith("Bearer ey");
                });
    }

    @Test
    void someoneWhoIsNoPartnerGetsTheForbiddenPageAndNothingIsAsked() {
        Traffic browser = signedIn(TestKeycloak.SME, "/check");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/check"));

        Traffic.Answer blank = browser.get(SITE + "/workspace/partner/offers/new");
        Traffic.Answer create = browser.postFields(SITE + "/workspace/partner/offers/new", filled(csrf, "save"));
        Traffic.Answer edit = browser.get(SITE + EDIT);

        assertThat(blank.status()).isEqualTo(403);
        assertThat(blank.body()).doesNotContain("Save draft");
        assertThat(create.status()).isEqualTo(403);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith("/api/v1/offers"));
    }

    @Test
    void inputThePortalCanTellIsWrongIsNamedKeptAndNotSent() {
        directory();
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers/new");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers/new"));

        Traffic.Answer odd = browser.postFields(SITE + "/workspace/partner/offers/new", with(filled(csrf, "save"), Map.of(
                "titleEn", "x".repeat(121), "titleZh", "綠色\u0007貸款\u202E", "validFrom", "2027-02-30", "validUntil", "next spring",
                "quota", "-5", "perCompanyLimit", "1e9", "value", "ten", "achievement", "<script>", "link", "javascript:alert(1)",
                "type", "NOT_A_TYPE")));

        assertThat(odd.status()).isEqualTo(400);
        assertThat(odd.body()).contains("Too long: at most 120 characters.", "invisible control characters", "value=\"綠色貸款\"",
                "Not a date: choose one, or write it as 2027-03-31.", "Write a whole number, 1 or more.", "Not a number",
                "Not an e-badge id", "Not an https link", "Choose one from the list.", "value=\"" + "x".repeat(121) + "\"",
                "value=\"next spring\"", "value=\"-5\"", "value=\"&lt;script&gt;\"")
                .doesNotContain("<script>\"", "\u0007", "\u202E", "Exception");
        Traffic.Answer empty = browser.postFields(SITE + "/workspace/partner/offers/new", List.of("_csrf", csrf, "action", "submit"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Required.");
        Traffic.Answer emptyPreview = browser.postFields(SITE + "/workspace/partner/offers/new", List.of("_csrf", csrf, "action", "preview"));
        assertThat(emptyPreview.status()).isEqualTo(200);
        assertThat(emptyPreview.body()).contains("In English", "中文版", "Members of an SME listed on ESG One");
        Traffic.Answer huge = browser.postFields(SITE + "/workspace/partner/offers/new", with(filled(csrf, "save"),
                Map.of("termsEn", "t".repeat(300_000))));
        assertThat(huge.status()).isBetween(400, 499);
        assertThat(huge.body()).doesNotContain("Exception", "at hk.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(MINE));
    }

    @Test
    void anOfferNoLongerADraftOpensReadOnlyWithTheReasonAndItsPreview() {
        directory();
        SERVICES.json(MINE + "/" + DRAFT_ID, DRAFT.replace("\"DRAFT\"", "\"SUBMITTED\""));
        Traffic browser = signedIn(TestKeycloak.PARTNER, EDIT);

        Traffic.Answer page = browser.get(SITE + EDIT);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("This offer can no longer be changed", "waiting for the ESG One team",
                "<fieldset class=\"plain\" disabled=\"disabled\">", "<h3 lang=\"zh-Hant\">綠色貸款回贈</h3>")
                .doesNotContain("Save draft", "Save and submit for approval");
    }

    @Test
    void submittingFromTheEditorSavesThenSendsOrSaysWhyNot() {
        directory();
        SERVICES.json(MINE + "/" + DRAFT_ID, DRAFT);
        SERVICES.answer("PUT", MINE + "/" + DRAFT_ID, 200, DRAFT);
        SERVICES.answer("POST", MINE + "/" + DRAFT_ID + "/submit", 200, DRAFT.replace("\"DRAFT\"", "\"SUBMITTED\""));
        Traffic browser = signedIn(TestKeycloak.PARTNER, EDIT);
        String csrf = Traffic.csrfToken(browser.get(SITE + EDIT));
        List<String> form = new ArrayList<>(filled(csrf, "submit"));
        form.addAll(List.of("version", "2026-12-05T10:00:00Z"));

        Traffic.Answer sent = browser.postFields(SITE + EDIT, form);

        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).isEqualTo("/workspace/partner/offers?done=submitted&offer=" + DRAFT_ID);
        assertThat(SERVICES.calls()).filteredOn(c -> !c.method().equals("GET")).extracting(c -> c.method() + " " + c.pathAndQuery())
                .containsExactly("PUT " + MINE + "/" + DRAFT_ID, "POST " + MINE + "/" + DRAFT_ID + "/submit");

        SERVICES.answer("POST", MINE + "/" + DRAFT_ID + "/submit", 409, """
                {"type":"https://esg-one.hk/problems/code-pool-empty","title":"Code pool empty","status":409}""");
        Traffic.Answer notSent = browser.postFields(SITE + EDIT, form);
        assertThat(notSent.status()).isEqualTo(303);
        assertThat(notSent.location()).isEqualTo(EDIT + "?saved=1&refused=code-pool-empty");
        assertThat(browser.follow(notSent).body()).contains("Saved, but not sent for approval", "needs its codes uploaded",
                "<a href=\"/workspace/partner/offers/" + DRAFT_ID + "/codes\">Upload the codes</a>");
    }

    @Test
    void theListOffersANewOfferAndAnEditLinkForDraftsOnly() {
        SERVICES.json(MINE, "{\"items\":[" + DRAFT + "," + DRAFT.replace("off-green-loan", "off-listed01").replace("\"DRAFT\"", "\"PUBLISHED\"")
                + "],\"nextCursor\":null}");
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers");

        String list = browser.get(SITE + "/workspace/partner/offers").body();

        assertThat(list).contains("href=\"/workspace/partner/offers/new\"", "href=\"/workspace/partner/offers/off-green-loan/edit\"")
                .doesNotContain("off-listed01/edit");
    }

    /** The directory's taxonomies and the partner's name, and the badge the offers require. */
    private static void directory() {
        SERVICES.json("/api/v1/directory/taxonomies", Fixtures.TAXONOMIES);
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.PARTNER_ORG,
                "{\"id\":\"cmp-demo-partner\",\"name\":{\"en\":\"Demo Partner Bank\",\"zhHant\":\"示範合作銀行\"}}");
        SERVICES.json("/api/v1/badges/achievements/ach-scorecard-gold-2026",
                "{\"id\":\"ach-scorecard-gold-2026\",\"name\":{\"en\":\"ESG One Gold scorecard\",\"zhHant\":\"ESG One 金級評分\"}}");
    }

    /** Every field filled in as a person would; {@code csrf} null leaves the token out. */
    static List<String> filled(String csrf, String action) {
        List<String> form = new ArrayList<>();
        if (csrf != null) {
            form.addAll(List.of("_csrf", csrf));
        }
        form.addAll(List.of("titleEn", "Green loan rebate", "titleZh", "綠色貸款回贈",
                "descriptionEn", "A rebate on green loans.\r\nFor listed SMEs.", "descriptionZh", "綠色貸款回贈。",
                "type", "PERCENTAGE_DISCOUNT", "value", "12.5", "category", "BANKING_AND_FINANCE",
                "validFrom", "2027-01-01", "validUntil", "2027-03-31", "quota", "100", "perCompanyLimit", "2",
                "achievement", "ach-scorecard-gold-2026", "minLevel", "GOLD", "industries", "C", "method", "UNIQUE_CODE", "link", "",
                "termsEn", "One loan per company.", "termsZh", "每間公司一筆貸款。", "action", action));
        return form;
    }

    /** {@code form} with some fields replaced. */
    static List<String> with(List<String> form, Map<String, String> replaced) {
        List<String> changed = new ArrayList<>(form);
        for (int i = 0; i + 1 < changed.size(); i += 2) {
            if (replaced.containsKey(changed.get(i))) {
                changed.set(i + 1, replaced.get(changed.get(i)));
            }
        }
        return changed;
    }
}
