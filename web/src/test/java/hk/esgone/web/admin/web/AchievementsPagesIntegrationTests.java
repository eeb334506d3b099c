package hk.esgone.web.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Badge types, signed in through the real Keycloak, badge-service faked: the list in use and archived, creating and
 * changing one with both languages side by side (what the form can check it checks before sending; badge-service's
 * field errors beside their fields), archiving only with a ticked confirmation, and restoring.
 */
class AchievementsPagesIntegrationTests extends SignedInPageTest {

    static final String API = "/api/v1/badges/admin/achievements";
    static final String PAGE = "/workspace/admin/achievements";

    @Test
    void theListShowsTheTypesInUseAndTheArchivedOnesInBothLanguages() {
        achievements();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);

        Traffic.Answer inUse = browser.get(SITE + PAGE);
        Traffic.Answer archived = browser.get(SITE + PAGE + "?show=archived");

        assertThat(inUse.status()).isEqualTo(200);
        assertThat(inUse.body()).contains("Badge types", "In use (1)", "Archived (1)", "Gold scorecard", "金級評分卡", "ach-gold",
                "Scorecard level", " · Gold", "P1Y", "Archive…", "Yes, archive this badge type").doesNotContain("Old badge");
        assertThat(archived.body()).contains("Old badge", "Use again").doesNotContain("Gold scorecard");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(API)).allSatisfy(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(API + "?limit=100&includeArchived=true");
            assertThat(call.authorization()).startsWith("Bearer ");
        });
        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("徽章類型", "使用中（1）", "已封存（1）", "評分卡等級", "封存…");
    }

    @Test
    void creatingSendsBothLanguagesAndReturnsToTheListWithTheOutcome() {
        achievements();
        SERVICES.answer("POST", API, 201, "{\"id\":\"ach-recycler\",\"kind\":\"E_BADGE\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/new");
        Traffic.Answer form = browser.get(SITE + PAGE + "/new");
        assertThat(form.body()).contains("New badge type", "Name in English", "Name in Chinese", "Criteria in Chinese", "value=\"P1Y\"");

        Map<String, String> fields = valid(Traffic.csrfToken(form));
        Traffic.Answer created = browser.postForm(SITE + PAGE, fields);

        assertThat(created.status()).isEqualTo(303);
        assertThat(created.location()).isEqualTo(PAGE + "?done=created&achievement=ach-recycler");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).startsWith("Bearer ");
            assertThat(call.body()).isEqualTo("{\"kind\":\"E_BADGE\",\"name\":{\"en\":\"Recycler\",\"zhHant\":\"回收者\"},"
                    + "\"description\":{\"en\":\"Recycles.\\nEvery week.\",\"zhHant\":\"回收。\"},\"criteria\":{\"en\":\"Sorts waste.\",\"zhHant\":\"分類廢物。\"},"
                    + "\"imageUrl\":\"https://example.org/recycler.png\",\"validity\":\"P6M\"}");
        });
        assertThat(browser.follow(created).body()).contains("Created: ach-recycler.");
    }

    @Test
    void whatTheFormCanCheckIsShownBesideEachFieldWithTheInputKeptAndNothingSent() {
        achievements();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/new");
        Map<String, String> fields = valid(Traffic.csrfToken(browser.get(SITE + PAGE + "/new")));
        fields.put("id", "Gold Badge!");
        fields.put("kind", "SCORECARD_LEVEL");
        fields.put("scorecardLevel", "DIAMOND");
        fields.put("nameEn", "N".repeat(121));
        fields.put("nameZh", " \u200E\u0000 ");
        fields.put("imageUrl", "javascript:alert(1)");
        fields.put("validity", "1 year");

        Traffic.Answer refused = browser.postForm(SITE + PAGE, fields);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Please check these fields", "href=\"#field-nameEn\"",
                "Use ach- and then 3 to 61 lower-case letters, digits or hyphens.", "Choose the level a scorecard level badge stands for.",
                "The English name is too long: at most 120 characters.", "Give a web address starting with https://",
                "Give a period from one day to ten years", "value=\"Gold Badge!\"", "Recycles.\nEvery week.",
                // beside the field too, and the field marked
                "<p class=\"field-error\">The English name is too long: at most 120 characters.</p>")
                .containsPattern("id=\"nameEn\"[^>]*aria-invalid=\"true\"");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST") || c.method().equals("PUT"));
    }

    @Test
    void theServicesFieldErrorsAreShownBesideTheirFields() {
        achievements();
        SERVICES.answer("POST", API, 400, """
                {"type":"https://esg-one.hk/problems/validation","status":400,"errors":[{"field":"name.en","message":"must not contain markup"}]}""");
        SERVICES.answer("PUT", API + "/ach-gold", 422, """
                {"type":"https://esg-one.hk/problems/validation","status":422,"errors":[{"field":"validity","message":"too long"}]}""");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/new");
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE + "/new"));

        Traffic.Answer created = browser.postForm(SITE + PAGE, valid(csrf));
        Traffic.Answer saved = browser.postForm(SITE + PAGE + "/ach-gold", valid(csrf));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body()).contains("badge-service did not accept the English name: 1 to 120 characters of plain text.", "value=\"Recycler\"");
        assertThat(saved.status()).isEqualTo(422);
        assertThat(saved.body()).contains("Give a period from one day to ten years", "Change ach-gold");
    }

    @Test
    void aTakenIdIsNamedBesideTheId() {
        achievements();
        SERVICES.answer("POST", API, 409, AdminBadgesPagesIntegrationTests.problem(409, "achievement-exists"));
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/new");
        Map<String, String> fields = valid(Traffic.csrfToken(browser.get(SITE + PAGE + "/new")));
        fields.put("id", "ach-gold");

        Traffic.Answer refused = browser.postForm(SITE + PAGE, fields);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("A badge type with this id exists already: choose another id.");
    }

    @Test
    void editingShowsTheStoredTextsAndSendsTheChangeAndAnUnknownIdIsNotFound() {
        achievements();
        SERVICES.answer("PUT", API + "/ach-gold", 200, "{\"id\":\"ach-gold\"}");
        SERVICES.problem(API + "/ach-nothing", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE + "/ach-gold");

        Traffic.Answer form = browser.get(SITE + PAGE + "/ach-gold");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Change ach-gold", "value=\"Gold scorecard\"", "value=\"金級評分卡\"", "Scores 80 or more.", "達到 80 分。",
                "<option value=\"GOLD\" selected=\"selected\">Gold</option>");
        Map<String, String> fields = valid(Traffic.csrfToken(form));
        fields.put("id", "ach-other");

        Traffic.Answer saved = browser.postForm(SITE + PAGE + "/ach-gold", fields);

        assertThat(saved.location()).isEqualTo(PAGE + "?done=saved&achievement=ach-gold");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(API + "/ach-gold");
            assertThat(call.body()).startsWith("{\"kind\":\"E_BADGE\",").doesNotContain("ach-other");
        });
        assertThat(browser.get(SITE + PAGE + "/ach-nothing").status()).isEqualTo(404);
        assertThat(browser.get(SITE + PAGE + "/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void archivingNeedsATickAndRestoringSendsArchivedFalse() {
        achievements();
        SERVICES.answer("POST", API + "/ach-gold/archive", 200, "{\"id\":\"ach-gold\",\"archived\":true}");
        SERVICES.answer("POST", API + "/ach-old/archive", 200, "{\"id\":\"ach-old\",\"archived\":false}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer unticked = browser.postForm(SITE + PAGE + "/ach-gold/archive", Map.of("_csrf", csrf));
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.body()).contains("Please tick the box to confirm.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));

        Traffic.Answer archived = browser.postForm(SITE + PAGE + "/ach-gold/archive", Map.of("_csrf", csrf, "confirm", "yes"));
        Traffic.Answer restored = browser.postForm(SITE + PAGE + "/ach-old/restore", Map.of("_csrf", csrf));

        assertThat(archived.location()).isEqualTo(PAGE + "?show=archived&done=archived&achievement=ach-gold");
        assertThat(restored.location()).isEqualTo(PAGE + "?show=active&done=restored&achievement=ach-old");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).extracting(FakeServices.Call::body)
                .containsExactly("{\"archived\":true}", "{\"archived\":false}");
    }

    @Test
    void someoneWhoIsNotStaffGetsTheFriendlyRefusal() {
        SERVICES.problem(API, 403, "forbidden");
        SERVICES.problem(API + "/ach-gold", 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.SME, PAGE);

        assertThat(browser.get(SITE + PAGE).status()).isEqualTo(403);
        assertThat(browser.get(SITE + PAGE + "/ach-gold").status()).isEqualTo(403);
    }

    private static Map<String, String> valid(String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("kind", "E_BADGE");
        fields.put("scorecardLevel", "GOLD");
        fields.put("nameEn", " Recycler ");
        fields.put("nameZh", "回收者");
        fields.put("descriptionEn", "Recycles.\r\nEvery week.");
        fields.put("descriptionZh", "回收。");
        fields.put("criteriaEn", "Sorts waste.");
        fields.put("criteriaZh", "分類廢物。");
        fields.put("criteriaUrl", "");
        fields.put("imageUrl", "https://example.org/recycler.png");
        fields.put("validity", "P6M");
        return fields;
    }

    static void achievements() {
        SERVICES.json(API, """
                {"items":[{"id":"ach-gold","kind":"SCORECARD_LEVEL","scorecardLevel":"GOLD","name":{"en":"Gold scorecard","zhHant":"金級評分卡"},
                  "description":{"en":"Gold level.","zhHant":"金級。"},"criteria":{"en":"Scores 80 or more.","zhHant":"達到 80 分。"},
                  "validity":"P1Y","archived":false},
                 {"id":"ach-old","kind":"E_BADGE","name":{"en":"Old badge","zhHant":"舊徽章"},"validity":"P1Y","archived":true}],"nextCursor":null}""");
        SERVICES.json(API + "/ach-gold", """
                {"id":"ach-gold","kind":"SCORECARD_LEVEL","scorecardLevel":"GOLD","name":{"en":"Gold scorecard","zhHant":"金級評分卡"},
                 "description":{"en":"Gold level.","zhHant":"金級。"},"criteria":{"en":"Scores 80 or more.","zhHant":"達到 80 分。"},
                 "validity":"P1Y","archived":false}""");
    }
}
