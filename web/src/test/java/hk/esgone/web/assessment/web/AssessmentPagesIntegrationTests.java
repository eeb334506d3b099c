package hk.esgone.web.assessment.web;

import static hk.esgone.web.assessment.web.AssessmentFixtures.BASE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.DONE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * "My ESG assessment": the company's assessments and starting this year's, the wizard with its htmx autosave (one
 * PUT per answer on the revision the page showed; 422 messages beside the field; 409 shows the other tab's answer with
 * "keep mine"), the section form that works without JavaScript, submitting, and the results. assessment-service is
 * {@link FakeServices}; it decides permissions (another company's id is its 404).
 */
class AssessmentPagesIntegrationTests extends SignedInPageTest {

    static final String PAGE = SITE + "/workspace/assessment";
    static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    @Test
    void theListingShowsTheCompanysAssessmentsAndStartsThisYearsPrefilledFromTheProfile() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.json(BASE, "{\"items\":[" + AssessmentFixtures.assessment(DONE, TestKeycloak.SUPPLIER_ORG, "SUBMITTED", "")
                .replace("\"year\":2026", "\"year\":2025") + "]}");
        SERVICES.json(BASE + "/" + DONE + "/scorecard", AssessmentFixtures.SCORECARD);
        SERVICES.json("/api/v1/directory/companies/" + TestKeycloak.SUPPLIER_ORG,
                "{\"id\":\"cmp-demo-supplier\",\"industry\":{\"code\":\"C\"},\"sizeBand\":{\"code\":\"SMALL\"}}");
        SERVICES.answer("POST", BASE, 201, AssessmentFixtures.DRAFT);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment");

        Traffic.Answer page = browser.get(PAGE);

        int year = java.time.Year.now(java.time.ZoneId.of("Asia/Hong_Kong")).getValue();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("My ESG assessment", "2025", "Submitted", "Silver", "overall 61.4",
                        "href=\"/workspace/assessment/" + DONE + "/results\"", "Start the " + year + " assessment")
                .contains("<option value=\"C\" selected=\"selected\">", "<option value=\"SMALL\" selected=\"selected\">",
                        "Filled in from your company profile");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(BASE + "?"))
                .extracting(FakeServices.Call::pathAndQuery).containsOnly(BASE + "?companyId=" + TestKeycloak.SUPPLIER_ORG);

        Traffic.Answer started = browser.postForm(PAGE + "/start",
                Map.of("_csrf", Traffic.csrfToken(page), "industry", "C", "sizeBand", "SMALL", "companyId", TestKeycloak.SUPPLIER_ORG_2));

        assertThat(started.status()).isEqualTo(303);
        assertThat(started.location()).isEqualTo("/workspace/assessment/" + ID);
        FakeServices.Call post = SERVICES.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.body()).isEqualTo("{\"companyId\":\"cmp-demo-supplier\",\"year\":" + year + ",\"industry\":\"C\",\"sizeBand\":\"SMALL\"}");
        assertThat(post.authorization()).startsWith("Bearer ");
    }

    @Test
    void startingWhenThisYearsExistsOpensTheExistingOne() {
        SERVICES.json(BASE, "{\"items\":[]}");
        SERVICES.answer("POST", BASE, 409, "{\"type\":\"https://esg-one.hk/problems/assessment-exists\",\"status\":409,"
                + "\"existingId\":\"asm-existing00001\"}");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment");
        String csrf = Traffic.csrfToken(browser.get(PAGE));

        Traffic.Answer started = browser.postForm(PAGE + "/start", Map.of("_csrf", csrf, "industry", "F", "sizeBand", "MICRO"));
        Traffic.Answer badChoice = browser.postForm(PAGE + "/start", Map.of("_csrf", csrf, "industry", "Z‮", "sizeBand", "HUGE"));

        assertThat(started.status()).isEqualTo(303);
        assertThat(started.location()).isEqualTo("/workspace/assessment/asm-existing00001");
        assertThat(badChoice.status()).isEqualTo(400);
        assertThat(badChoice.body()).contains("Choose your company&#39;s industry.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(1);
    }

    @Test
    void theEmptyListingExplainsWhatTheAssessmentIsForInBothLanguages() {
        SERVICES.json(BASE, "{\"items\":[]}");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment");

        String english = browser.get(PAGE).body();
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        String chinese = browser.get(PAGE).body();

        assertThat(english).contains("What the assessment is for", "about 30 minutes", "ESG One e-badge", "public supplier profile",
                "<option value=\"\">Choose…</option>", "href=\"/workspace/assessment\">My ESG assessment</a>");
        assertThat(chinese).contains("評估有甚麼用途", "約需30分鐘", "電子徽章", "公開的供應商簡介", "我的ESG評估");
    }

    @Test
    void theWizardDrawsEveryQuestionTypeInBothLanguages() {
        AssessmentFixtures.draft(SERVICES);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);

        String e = browser.get(PAGE + "/" + ID).body();
        String s = browser.get(PAGE + "/" + ID + "?section=S").body();
        String g = browser.get(PAGE + "/" + ID + "?section=G").body();
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        String eChinese = browser.get(PAGE + "/" + ID + "?section=E").body();
        String sChinese = browser.get(PAGE + "/" + ID + "?section=S").body();

        assertThat(e).contains("ESG assessment 2026", "2 of 6 questions answered", "id=\"q-E01\"", "Do you keep records of the fuel",
                        "Fuel receipts are enough.", "<summary>Help and examples</summary>")
                // yes/no with the stored "yes" chosen, on the revision the page shows
                .containsPattern("name=\"E01.answer\" value=\"true\"[^>]*checked")
                .contains("name=\"E01.rev\" value=\"2\"", "hx-post=\"/workspace/assessment/" + ID + "/answers/E01\"")
                // a number with its unit and period, and the example
                .contains("name=\"E02.answer\"", "inputmode=\"decimal\"", "litres", "in the reporting year", "3,100 litres a year")
                .contains("name=\"E06.answer\" value=\"R32\"", "R-32 refrigerant", "name=\"E01.na\"", "name=\"E01.reason\"")
                .contains("Save this section", "Next section", "id=\"announcer\"", "aria-live=\"polite\"");
        assertThat(s).contains("name=\"S01.answer\"", "%").containsPattern("type=\"checkbox\" name=\"S06.answer\" value=\"MEDICAL\"[^>]*checked")
                .contains("Flexible hours", "Previous section");
        assertThat(g).contains("<textarea id=\"G05-value\" name=\"G05.answer\"", "0 of 2000 characters", "Review and submit");
        assertThat(eChinese).contains("2026 年度ESG評估", "貴公司有否記錄所使用的燃料？", "燃料收據已足夠。", "說明及例子", "公升", "報告年度內", "不適用於本公司",
                "儲存此部分", "是", "否", "R-32雪種");
        assertThat(sChinese).contains("醫療保險", "百分比");
    }

    @Test
    void anAutosaveSendsExactlyOnePutOnTheShownRevisionWithThePersonsToken() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("PUT", BASE + "/" + ID + "/answers/E02", 200, AssessmentFixtures.savedAnswer("E02", "3100", 1));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID));

        Traffic.Answer saved = browser.postFields(PAGE + "/" + ID + "/answers/E02",
                List.of("_csrf", csrf, "E02.answer", "3,100", "E02.rev", "0"), HTMX);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"st-E02\"", "Saved 14:32", "name=\"E02.rev\" value=\"1\"")
                .contains("class=\"step-count\" id=\"progress-E\" hx-swap-oob=\"true\">2 / 3<", "3 of 6 questions answered", "Question E02 saved at 14:32")
                .doesNotContain("<html");
        List<FakeServices.Call> puts = SERVICES.calls().stream().filter(c -> c.method().equals("PUT")).toList();
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.pathAndQuery()).isEqualTo(BASE + "/" + ID + "/answers/E02");
            assertThat(put.body()).isEqualTo("{\"value\":3100,\"unit\":\"litres\",\"notApplicable\":false,\"reason\":null,\"baseRevision\":0}");
            assertThat(put.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void untickingEveryBoxClearsTheAnswerOnTheShownRevision() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("DELETE", BASE + "/" + ID + "/answers/S06", 200, """
                {"questionId":"S06","value":null,"unit":null,"notApplicable":false,"reason":null,"evidence":null,"revision":2,
                 "cleared":true,"updatedAt":"2026-11-02T06:40:00Z"}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID + "?section=S"));

        Traffic.Answer cleared = browser.postFields(PAGE + "/" + ID + "/answers/S06", List.of("_csrf", csrf, "S06.rev", "1"), HTMX);

        assertThat(cleared.body()).contains("Answer removed", "name=\"S06.rev\" value=\"2\"", "class=\"step-count\" id=\"progress-S\" hx-swap-oob=\"true\">0 / 2<");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("DELETE") || c.method().equals("PUT"))
                .extracting(FakeServices.Call::method, FakeServices.Call::pathAndQuery)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DELETE", BASE + "/" + ID + "/answers/S06?baseRevision=1"));
    }

    @Test
    void theServicesAnswerChecksAreShownBesideTheFieldInThePagesLanguage() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("PUT", BASE + "/" + ID + "/answers/S01", 422, """
                {"type":"https://esg-one.hk/problems/invalid-answer","status":422,"errors":[
                 {"field":"value","message":"A percentage is between 0 and 100.","messageZhHant":"百分比須介乎0至100。"}]}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID + "?section=S"));

        Traffic.Answer english = browser.postFields(PAGE + "/" + ID + "/answers/S01",
                List.of("_csrf", csrf, "S01.answer", "140", "S01.rev", "0"), HTMX);
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        Traffic.Answer chinese = browser.postFields(PAGE + "/" + ID + "/answers/S01",
                List.of("_csrf", csrf, "S01.answer", "140", "S01.rev", "0"), HTMX);
        Traffic.Answer notANumber = browser.postFields(PAGE + "/" + ID + "/answers/S01",
                List.of("_csrf", csrf, "S01.answer", "forty", "S01.rev", "0"), HTMX);

        assertThat(english.body()).contains("id=\"err-S01-value\"", "A percentage is between 0 and 100.", "Question S01 was not saved")
                .contains("name=\"S01.rev\" value=\"0\"").doesNotContain("Saved ");
        assertThat(chinese.body()).contains("百分比須介乎0至100。");
        assertThat(notANumber.body()).contains("請輸入數字");
        // the page's own check sends nothing
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).hasSize(2);
    }

    @Test
    void aConflictShowsTheOtherTabsAnswerAndKeepMineSavesOnTheNewRevision() {
        AssessmentFixtures.draft(SERVICES);
        String path = BASE + "/" + ID + "/answers/E06";
        SERVICES.answer("PUT", path, 409, """
                {"type":"https://esg-one.hk/problems/answer-conflict","status":409,"currentRevision":4,
                 "currentAnswer":{"questionId":"E06","value":"R22","unit":null,"notApplicable":false,"reason":null,"evidence":null,
                 "revision":4,"cleared":false,"updatedAt":"2026-11-02T06:31:00Z"}}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID));

        Traffic.Answer conflict = browser.postFields(PAGE + "/" + ID + "/answers/E06",
                List.of("_csrf", csrf, "E06.answer", "R32", "E06.rev", "3"), HTMX);

        assertThat(conflict.body()).contains("changed elsewhere", "Stored answer:", "R-22", "Keep mine", "Use the stored one")
                .contains("name=\"E06.rev\" value=\"4\"");

        SERVICES.answer("PUT", path, 200, AssessmentFixtures.savedAnswer("E06", "\"R32\"", 5));
        Traffic.Answer kept = browser.postFields(PAGE + "/" + ID + "/answers/E06",
                List.of("_csrf", csrf, "E06.answer", "R32", "E06.rev", "4", "E06.resolve", "keep"), HTMX);

        assertThat(kept.body()).contains("Saved 14:32", "name=\"E06.rev\" value=\"5\"");
        List<String> bodies = SERVICES.calls().stream().filter(c -> c.method().equals("PUT")).map(FakeServices.Call::body).toList();
        assertThat(bodies).containsExactly(
                "{\"value\":\"R32\",\"unit\":null,\"notApplicable\":false,\"reason\":null,\"baseRevision\":3}",
                "{\"value\":\"R32\",\"unit\":null,\"notApplicable\":false,\"reason\":null,\"baseRevision\":4}");

        Traffic.Answer stored = browser.postFields(PAGE + "/" + ID + "/answers/E06",
                List.of("_csrf", csrf, "E06.answer", "R32", "E06.rev", "4", "E06.resolve", "stored"), HTMX);
        assertThat(stored.headers().get("hx-retarget")).containsExactly("#q-E06");
        assertThat(stored.body()).startsWith("<fieldset").contains("id=\"q-E06\"");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).hasSize(2);
    }

    @Test
    void withoutJavaScriptTheSectionFormSavesEachChangedAnswerAndKeepsWhatWasTypedOnError() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("PUT", BASE + "/" + ID + "/answers/E02", 200, AssessmentFixtures.savedAnswer("E02", "12.5", 1));
        SERVICES.answer("PUT", BASE + "/" + ID + "/answers/E06", 422, """
                {"type":"https://esg-one.hk/problems/invalid-answer","status":422,"errors":[
                 {"field":"value","message":"Choose one of the refrigerants listed.","messageZhHant":"請選擇所列的雪種。"}]}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID));

        Traffic.Answer saved = browser.postFields(PAGE + "/" + ID + "/sections/E", List.of("_csrf", csrf,
                "E01.answer", "true", "E01.rev", "2",            // unchanged: not sent
                "E02.answer", "12.5", "E02.rev", "0",
                "E06.answer", "R32", "E06.rev", "0",
                "go", "S"));


        assertThat(saved.status()).isEqualTo(400);
        assertThat(saved.body()).contains("1 answer(s) could not be saved, 1 saved.", "href=\"#q-E06\"", "Choose one of the refrigerants listed.")
                // what was typed stays chosen, the saved one shows its time and new revision
                .containsPattern("name=\"E06.answer\" value=\"R32\"[^>]*checked")
                .contains("value=\"12.5\"", "Saved 14:32", "name=\"E02.rev\" value=\"1\"", ">2 / 3<");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("PUT")).extracting(FakeServices.Call::pathAndQuery)
                .containsExactly(BASE + "/" + ID + "/answers/E02", BASE + "/" + ID + "/answers/E06");
        // questions the form did not carry (no revision field) are left as stored, not cleared
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("DELETE"));

        SERVICES.answer("PUT", BASE + "/" + ID + "/answers/E06", 200, AssessmentFixtures.savedAnswer("E06", "\"R32\"", 1));
        Traffic.Answer next = browser.postFields(PAGE + "/" + ID + "/sections/E", List.of("_csrf", csrf,
                "E01.answer", "true", "E01.rev", "2", "E06.answer", "R32", "E06.rev", "0", "go", "S"));
        assertThat(next.status()).isEqualTo(303);
        assertThat(next.location()).isEqualTo("/workspace/assessment/" + ID + "?section=S");
    }

    @Test
    void aConflictingNumberIsShownWithItsUnitInThePagesLanguage() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("PUT", BASE + "/" + ID + "/answers/E02", 409, """
                {"type":"https://esg-one.hk/problems/answer-conflict","status":409,"currentRevision":1,
                 "currentAnswer":{"questionId":"E02","value":2900,"unit":"litres","notApplicable":false,"reason":null,"evidence":null,
                 "revision":1,"cleared":false,"updatedAt":"2026-11-02T06:31:00Z"}}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID));
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");

        Traffic.Answer conflict = browser.postFields(PAGE + "/" + ID + "/answers/E02",
                List.of("_csrf", csrf, "E02.answer", "3100", "E02.rev", "0"), HTMX);

        assertThat(conflict.body()).contains("此答案已在其他地方", "<span class=\"stored-answer\">2900 公升</span>", "保留我的答案");
    }

    @Test
    void withoutJavaScriptUseTheStoredOneLeavesTheStoredAnswer() {
        AssessmentFixtures.draft(SERVICES);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID));

        Traffic.Answer page = browser.postFields(PAGE + "/" + ID + "/sections/E", List.of("_csrf", csrf,
                "E01.answer", "false", "E01.rev", "1", "E01.resolve", "stored", "go", "E"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("name=\"E01.answer\" value=\"true\"[^>]*checked").contains("name=\"E01.rev\" value=\"2\"");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT") || c.method().equals("DELETE"));
    }

    @Test
    void submittingAnIncompleteAssessmentListsTheMissingQuestionsWithLinks() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("POST", BASE + "/" + ID + "/submit", 422, """
                {"type":"https://esg-one.hk/problems/assessment-incomplete","status":422,"missing":[
                 {"questionId":"E02","section":"E","text":{"en":"Diesel used in the reporting year","zhHant":"報告年度內使用的柴油量"}},
                 {"questionId":"G05","section":"G","text":{"en":"Describe how you prevent bribery","zhHant":"請描述貴公司如何防止賄賂"}}]}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID + "/review");
        Traffic.Answer review = browser.get(PAGE + "/" + ID + "/review");

        Traffic.Answer refused = browser.postForm(PAGE + "/" + ID + "/submit", Map.of("_csrf", Traffic.csrfToken(review), "confirm", "yes"));
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        Traffic.Answer chinese = browser.postForm(PAGE + "/" + ID + "/submit", Map.of("_csrf", Traffic.csrfToken(review), "confirm", "yes"));

        assertThat(review.body()).contains("Review and submit", "can no longer be changed", "1 / 3");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("2 question(s) still need an answer")
                .contains("href=\"/workspace/assessment/" + ID + "?section=E#q-E02\"", "Diesel used in the reporting year")
                .contains("href=\"/workspace/assessment/" + ID + "?section=G#q-G05\"");
        assertThat(chinese.body()).contains("尚有 2 題未回答", "報告年度內使用的柴油量");
    }

    @Test
    void aSubmittedAssessmentGoesToItsResults() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.answer("POST", BASE + "/" + ID + "/submit", 200, "{\"assessment\":" + AssessmentFixtures.DRAFT + ",\"scorecard\":{}}");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID + "/review");

        Traffic.Answer submitted = browser.postForm(PAGE + "/" + ID + "/submit",
                Map.of("_csrf", Traffic.csrfToken(browser.get(PAGE + "/" + ID + "/review")), "confirm", "yes"));

        assertThat(submitted.status()).isEqualTo(303);
        assertThat(submitted.location()).isEqualTo("/workspace/assessment/" + ID + "/results");
    }

    @Test
    void theResultsShowLevelRulePillarsTopicsBreakdownAndCarbonFootprint() {
        AssessmentFixtures.draft(SERVICES);
        SERVICES.json(BASE + "/" + DONE + "/scorecard", AssessmentFixtures.SCORECARD);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        String english = browser.get(PAGE + "/" + DONE + "/results").body();
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/assessment");
        String chinese = browser.get(PAGE + "/" + DONE + "/results").body();

        assertThat(english).contains("Silver", "61.4", "the overall is 61.4, so SILVER", "class=\"radar\"")
                .contains("<th scope=\"row\">Environmental</th>", ">52.5<", ">70.0<", ">64.3<")
                .contains("Emissions", "7 / 12", "58.3", "Records are kept: 4 points", "Measured, evidence not yet checked: capped at 3")
                .contains("Diesel", "3100 litres", "2.614", "EPD/EMSD Guidelines 2010", "8103.4", "Electricity (CLP Power)", "20280.0")
                .contains("28383.4", "28.383", "1.419 t CO₂e", "not computed: the revenue was not given",
                        "Revenue was not given, so there is no intensity per HK$ million.")
                .contains("id=\"peer-benchmark\"", "id=\"improvement-plan\"", "id=\"report-share\"");
        assertThat(chinese).contains("銀級", "整體分數為61.4，因此為銀級", "排放物", "有記錄：4分", "柴油", "碳足跡", "每名僱員");
        // a factor's source is an English citation: marked so, for screen readers reading the Chinese page
        assertThat(chinese).contains("<td class=\"source\" lang=\"en\">EPD/EMSD Guidelines 2010</td>");
    }

    @Test
    void anotherCompanysAssessmentIsTheNotFoundPageAndNothingIsSaved() {
        SERVICES.json(BASE + "/questionnaire", AssessmentFixtures.QUESTIONNAIRE);
        // assessment-service answers another company's id exactly as an unknown one
        SERVICES.problem(BASE + "/asm-other0000001", 404, "not-found");
        SERVICES.problem(BASE + "/asm-other0000001/scorecard", 404, "not-found");
        SERVICES.json(BASE, "{\"items\":[]}");
        Traffic browser = signedIn(TestKeycloak.SME_2, "/workspace/assessment");
        String csrf = Traffic.csrfToken(browser.get(PAGE));

        Traffic.Answer wizard = browser.get(PAGE + "/asm-other0000001");
        Traffic.Answer results = browser.get(PAGE + "/asm-other0000001/results");
        Traffic.Answer save = browser.postFields(PAGE + "/asm-other0000001/answers/E01",
                List.of("_csrf", csrf, "E01.answer", "false", "E01.rev", "2"), HTMX);
        Traffic.Answer section = browser.postFields(PAGE + "/asm-other0000001/sections/E", List.of("_csrf", csrf, "E01.answer", "false"));
        Traffic.Answer oddId = browser.get(PAGE + "/..%2F..%2Finternal");

        for (Traffic.Answer answer : List.of(wizard, results, save, section)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("Page not found");
        }
        assertThat(oddId.status()).isBetween(400, 404);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT") || c.method().equals("DELETE"));
    }

    @Test
    void partnersAndBuyersGetTheForbiddenPageAndNoLink() {
        Traffic partner = signedIn(TestKeycloak.PARTNER, "/account");
        Traffic.Answer account = partner.get(SITE + "/account");
        Traffic.Answer page = partner.get(PAGE);
        Traffic.Answer wizard = partner.get(PAGE + "/" + ID);
        Traffic buyer = signedIn(TestKeycloak.BUYER, "/workspace/assessment");
        Traffic.Answer buyerPage = buyer.get(PAGE);

        assertThat(account.body()).doesNotContain("/workspace/assessment");
        assertThat(page.status()).isEqualTo(403);
        assertThat(wizard.status()).isEqualTo(403);
        assertThat(buyerPage.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().startsWith(BASE));
    }

    @Test
    void anAutosaveWithoutTheCsrfTokenIsRefused() {
        AssessmentFixtures.draft(SERVICES);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);

        Traffic.Answer refused = browser.postFields(PAGE + "/" + ID + "/answers/E01", List.of("E01.answer", "false", "E01.rev", "2"), HTMX);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void oddUnicodeAndOversizedAnswersGetAClearMessageAndNothingIsSent() {
        AssessmentFixtures.draft(SERVICES);
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = Traffic.csrfToken(browser.get(PAGE + "/" + ID + "?section=G"));

        Traffic.Answer bidi = browser.postFields(PAGE + "/" + ID + "/answers/G05",
                List.of("_csrf", csrf, "G05.answer", "We train staff\u202e yearly\u0000", "G05.rev", "0"), HTMX);
        Traffic.Answer tooLong = browser.postFields(PAGE + "/" + ID + "/answers/G05",
                List.of("_csrf", csrf, "G05.answer", "好".repeat(2001), "G05.rev", "0"), HTMX);
        Traffic.Answer noReason = browser.postFields(PAGE + "/" + ID + "/answers/G05",
                List.of("_csrf", csrf, "G05.na", "true", "G05.rev", "0"), HTMX);
        Traffic.Answer wrongChoice = browser.postFields(PAGE + "/" + ID + "/answers/E06",
                List.of("_csrf", csrf, "E06.answer", "<script>", "E06.rev", "x"), HTMX);
        List<String> huge = new ArrayList<>(List.of("_csrf", csrf));
        huge.addAll(Arrays.asList("G05.answer", "x".repeat(300_000)));
        Traffic.Answer oversized = browser.postFields(PAGE + "/" + ID + "/sections/G", huge);
        Traffic.Answer section = browser.postFields(PAGE + "/" + ID + "/sections/G",
                List.of("_csrf", csrf, "G05.answer", "evil \u202E txt", "G05.rev", "0"));

        assertThat(bidi.body()).contains("characters that cannot be stored", "id=\"err-G05-value\"", "outcome-invalid");
        assertThat(tooLong.body()).contains("at most 2,000 characters");
        assertThat(noReason.body()).contains("id=\"err-G05-reason\"", "Say why this question does not apply");
        assertThat(wrongChoice.body()).contains("Choose one of the answers offered.").doesNotContain("<script>");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(section.status()).isEqualTo(400);
        assertThat(section.body()).contains("1 answer(s) could not be saved", "id=\"err-G05-value\"")
                .containsPattern("<textarea id=\"G05-value\" name=\"G05.answer\"[^>]*aria-invalid=\"true\"");
        assertThat(List.of(bidi, tooLong, noReason, wrongChoice, section)).allMatch(a -> a.status() < 500);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("PUT"));
    }
}
