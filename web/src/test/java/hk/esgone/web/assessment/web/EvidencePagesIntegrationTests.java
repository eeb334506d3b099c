package hk.esgone.web.assessment.web;

import static hk.esgone.web.assessment.web.AssessmentFixtures.BASE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.DONE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Evidence on answers (issue 12): the evidence page's upload (multipart to assessment-service, then the autosave PUT
 * with the returned reference on the answer's current revision, its value kept), links and removing, the refusals in
 * place, downloads streamed with the person's token under safe headers, the wizard's and results' evidence lines, and
 * staff's review queue. assessment-service is {@link FakeServices}, shaped as the evidence contract; it decides who
 * may do what (another company's id is its 404).
 */
class EvidencePagesIntegrationTests extends SignedInPageTest {

    static final String PAGE = SITE + "/workspace/assessment";
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** The questionnaire as version 41, where E06 (unanswered in the draft) takes evidence too. */
    static final String QUESTIONNAIRE = AssessmentFixtures.QUESTIONNAIRE.replace("\"version\":1,", "\"version\":41,")
            .replaceFirst(Pattern.quote("\"evidenceAllowed\":false}]}]}"), "\"evidenceAllowed\":true}]}]}");
    static final String FILE_REF = "{\"sha256\":\"" + SHA + "\",\"fileName\":\"diesel-receipts.pdf\",\"size\":125952,\"contentType\":\"application/pdf\"}";
    static final String EVIDENCE_PATH = BASE + "/" + ID + "/evidence";
    static final String PUT_E01 = BASE + "/" + ID + "/answers/E01";

    static String draft(String answers) {
        return AssessmentFixtures.assessment(ID, TestKeycloak.SUPPLIER_ORG, "DRAFT", answers).replace("\"version\":1}", "\"version\":41}");
    }

    static final String DRAFT = draft(AssessmentFixtures.ANSWERS);

    static void services() {
        SERVICES.json(BASE + "/questionnaire", "version=41", QUESTIONNAIRE);
        SERVICES.json(BASE + "/" + ID, DRAFT);
    }

    static String csrf(Traffic browser, String page) {
        return Traffic.csrfToken(browser.get(page));
    }

    static List<FakeServices.Call> changes() {
        return SERVICES.calls().stream().filter(c -> !c.method().equals("GET")).toList();
    }

    @Test
    void anUploadSendsTheFileToTheServiceThenPutsItsReferenceOnTheAnswersRevisionKeepingTheValue() {
        services();
        SERVICES.answer("POST", EVIDENCE_PATH, 201, FILE_REF);
        SERVICES.answer("PUT", PUT_E01, 200, AssessmentFixtures.savedAnswer("E01", "true", 3));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        Traffic.Answer page = browser.get(PAGE + "/" + ID + "/evidence/E01");

        byte[] pdf = "%PDF-1.7 diesel receipts".getBytes(StandardCharsets.US_ASCII);
        Traffic.Answer sent = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", Traffic.csrfToken(page), "action", "upload"), "file", "diesel-receipts.pdf", "application/pdf", pdf);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Evidence for question E01", "Do you keep records of the fuel", "Your answer:", "Yes",
                        "enctype=\"multipart/form-data\"", "type=\"file\"", "accept=\".pdf,.png,.jpg", "At most 5 MB", "Word (.docx)",
                        "name=\"url\"", "No evidence attached.")
                .doesNotContain("Remove the evidence");
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).isEqualTo("/workspace/assessment/" + ID + "?section=E#q-E01");
        assertThat(changes()).extracting(FakeServices.Call::method, FakeServices.Call::pathAndQuery).containsExactly(
                org.assertj.core.groups.Tuple.tuple("POST", EVIDENCE_PATH), org.assertj.core.groups.Tuple.tuple("PUT", PUT_E01));
        FakeServices.Call upload = changes().getFirst();
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(upload.authorization()).startsWith("Bearer ");
        assertThat(upload.body()).contains("name=\"file\"", "filename=\"diesel-receipts.pdf\"", "Content-Type: application/pdf",
                "%PDF-1.7 diesel receipts").doesNotContain("_csrf");
        FakeServices.Call put = changes().get(1);
        assertThat(put.authorization()).startsWith("Bearer ");
        assertThat(put.body()).isEqualTo("{\"value\":true,\"unit\":null,\"notApplicable\":false,\"reason\":null,\"evidence\":"
                + FILE_REF + ",\"baseRevision\":2}");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithAMessageAndNothingIsSent() {
        services();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = csrf(browser, PAGE + "/" + ID + "/evidence/E01");
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');

        Traffic.Answer refused = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "scan.pdf", "application/pdf", big);
        browser.get(SITE + "/lang/zh-Hant?next=/");
        Traffic.Answer chinese = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "scan.pdf", "application/pdf", big);

        byte[] huge = new byte[7 * 1024 * 1024];
        Traffic.Answer overBodyLimit = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "scan.pdf", "application/pdf", huge);

        // over the portal's 6 MB body limit for this path: refused before anything is read
        assertThat(overBodyLimit.status()).isEqualTo(413);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("The evidence was not saved", "larger than 5 MB; nothing was sent", "type=\"file\"");
        assertThat(chinese.body()).contains("檔案大於 5 MB");
        assertThat(changes()).isEmpty();
    }

    @Test
    void theServicesRefusalsAreExplainedOnTheSamePageAndNothingIsAttached() {
        services();
        SERVICES.problem("POST", EVIDENCE_PATH, 415, "unsupported-media-type");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = csrf(browser, PAGE + "/" + ID + "/evidence/E01");

        Traffic.Answer type = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "setup.exe", "application/x-msdownload", "MZ\u0090".getBytes(StandardCharsets.ISO_8859_1));
        SERVICES.problem("POST", EVIDENCE_PATH, 409, "too-many-files");
        Traffic.Answer tooMany = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        SERVICES.problem("POST", EVIDENCE_PATH, 413, "payload-too-large");
        Traffic.Answer large = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        SERVICES.answer("POST", EVIDENCE_PATH, 201, FILE_REF);
        SERVICES.answer("PUT", PUT_E01, 422, """
                {"type":"https://esg-one.hk/problems/invalid-answer","status":422,"errors":[
                 {"field":"evidence.sha256","message":"Upload the file first.","messageZhHant":"請先上載檔案。"}]}""");
        browser.get(SITE + "/lang/zh-Hant?next=/");
        Traffic.Answer invalid = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "a.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));

        assertThat(type.status()).isEqualTo(415);
        assertThat(type.body()).contains("This kind of file is not accepted", "a PNG or JPEG picture");
        // the part's type is only passed on when it is one the service takes
        assertThat(SERVICES.calls().stream().filter(c -> c.method().equals("POST")).findFirst().orElseThrow().body())
                .contains("Content-Type: application/octet-stream").doesNotContain("x-msdownload");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body()).contains("already holds 50 files");
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.body()).contains("larger than 5 MB");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("請先上載檔案。", "證明文件未有儲存");
        assertThat(changes()).filteredOn(c -> c.method().equals("PUT")).hasSize(1);
    }

    @Test
    void aConflictOnThePutReadsTheAnswerAgainAndRetriesOnceOnItsNewRevisionThenExplains() {
        SERVICES.json(BASE + "/questionnaire", "version=41", QUESTIONNAIRE);
        // the wizard, the evidence page and the upload's first read see revision 2 (yes); meanwhile a colleague saved "no" (revision 3)
        SERVICES.answerOnce("GET", BASE + "/" + ID, 200, DRAFT);
        SERVICES.answerOnce("GET", BASE + "/" + ID, 200, DRAFT);
        SERVICES.answerOnce("GET", BASE + "/" + ID, 200, DRAFT);
        SERVICES.json(BASE + "/" + ID, draft("""
                {"questionId":"E01","value":false,"unit":null,"notApplicable":false,"reason":null,"evidence":null,"revision":3,"cleared":false,"updatedAt":"2026-11-02T06:40:00Z"}"""));
        SERVICES.answer("POST", EVIDENCE_PATH, 200, FILE_REF);
        String conflict = """
                {"type":"https://esg-one.hk/problems/answer-conflict","status":409,"currentRevision":3}""";
        SERVICES.answerOnce("PUT", PUT_E01, 409, conflict);
        SERVICES.answer("PUT", PUT_E01, 200, AssessmentFixtures.savedAnswer("E01", "false", 4));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = csrf(browser, PAGE + "/" + ID + "/evidence/E01");

        Traffic.Answer sent = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "diesel-receipts.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));

        assertThat(sent.status()).isEqualTo(303);
        List<String> puts = changes().stream().filter(c -> c.method().equals("PUT")).map(FakeServices.Call::body).toList();
        assertThat(puts).containsExactly(
                "{\"value\":true,\"unit\":null,\"notApplicable\":false,\"reason\":null,\"evidence\":" + FILE_REF + ",\"baseRevision\":2}",
                "{\"value\":false,\"unit\":null,\"notApplicable\":false,\"reason\":null,\"evidence\":" + FILE_REF + ",\"baseRevision\":3}");

        // conflicting twice: explained, and nothing more is tried
        SERVICES.answerOnce("PUT", PUT_E01, 409, conflict);
        SERVICES.answerOnce("PUT", PUT_E01, 409, conflict);
        Traffic.Answer twice = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "diesel-receipts.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("changed elsewhere", "could not be attached");
        assertThat(changes().stream().filter(c -> c.method().equals("PUT"))).hasSize(4);
    }

    @Test
    void anUnansweredQuestionAsksForTheAnswerFirstAndSendsNothing() {
        services();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        Traffic.Answer page = browser.get(PAGE + "/" + ID + "/evidence/E06");

        Traffic.Answer sent = browser.postMultipart(PAGE + "/" + ID + "/evidence/E06",
                Map.of("_csrf", Traffic.csrfToken(browser.get(PAGE + "/" + ID + "/evidence/E01")), "action", "upload"),
                "file", "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer noEvidence = browser.get(PAGE + "/" + ID + "/evidence/E02");

        assertThat(page.body()).contains("Answer the question first").doesNotContain("type=\"file\"");
        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.body()).contains("Answer the question first; nothing was sent.");
        // a question that takes no evidence has no evidence page
        assertThat(noEvidence.status()).isEqualTo(404);
        assertThat(changes()).isEmpty();
    }

    @Test
    void aLinkIsCheckedThenPutOnTheAnswerAndRemovingSendsNull() {
        services();
        SERVICES.json(BASE + "/" + ID, draft("""
                {"questionId":"E01","value":true,"unit":null,"notApplicable":false,"reason":null,"evidence":%s,"revision":2,"cleared":false,"updatedAt":"2026-11-02T06:30:00Z"}"""
                .formatted(FILE_REF)));
        SERVICES.answer("PUT", PUT_E01, 200, AssessmentFixtures.savedAnswer("E01", "true", 3));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        Traffic.Answer page = browser.get(PAGE + "/" + ID + "/evidence/E01");
        String csrf = Traffic.csrfToken(page);

        Traffic.Answer script = browser.postForm(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "link", "url", "javascript:alert(1)"));
        Traffic.Answer bidi = browser.postForm(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "link",
                "url", "https://example.com/\u202Efdp.exe"));
        Traffic.Answer link = browser.postForm(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "link",
                "url", " https://www.example.com.hk/policy.pdf "));
        Traffic.Answer removed = browser.postForm(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "remove"));

        assertThat(page.body()).contains("diesel-receipts.pdf", "(123.0 KB)", "href=\"/workspace/assessment/" + ID + "/evidence/file/" + SHA + "\"",
                "Replace it with a file", "Remove the evidence");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.body()).contains("Enter a full https:// link");
        assertThat(bidi.status()).isEqualTo(400);
        assertThat(link.status()).isEqualTo(303);
        assertThat(removed.status()).isEqualTo(303);
        assertThat(changes()).extracting(FakeServices.Call::body).containsExactly(
                "{\"value\":true,\"unit\":null,\"notApplicable\":false,\"reason\":null,\"evidence\":{\"url\":\"https://www.example.com.hk/policy.pdf\"},\"baseRevision\":2}",
                "{\"value\":true,\"unit\":null,\"notApplicable\":false,\"reason\":null,\"evidence\":null,\"baseRevision\":2}");
    }

    @Test
    void anotherCompanysAssessmentIsTheServices404AndNothingIsSent() {
        SERVICES.json(BASE, "{\"items\":[]}");
        SERVICES.problem(BASE + "/asm-other0000001", 404, "not-found");
        SERVICES.problem(BASE + "/asm-other0000001/evidence/" + SHA, 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.SME_2, "/workspace/assessment");
        String csrf = csrf(browser, PAGE);

        Traffic.Answer page = browser.get(PAGE + "/asm-other0000001/evidence/E01");
        Traffic.Answer upload = browser.postMultipart(PAGE + "/asm-other0000001/evidence/E01",
                Map.of("_csrf", csrf, "action", "upload"), "file", "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer link = browser.postForm(PAGE + "/asm-other0000001/evidence/E01",
                Map.of("_csrf", csrf, "action", "link", "url", "https://example.com/"));
        Traffic.Answer file = browser.get(PAGE + "/asm-other0000001/evidence/file/" + SHA);
        Traffic.Answer oddSha = browser.get(PAGE + "/" + ID + "/evidence/file/..%2F..%2Finternal");

        for (Traffic.Answer answer : List.of(page, upload, link, file)) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.body()).contains("Page not found");
        }
        assertThat(oddSha.status()).isBetween(400, 404);
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().contains("/evidence/" + SHA)).singleElement()
                .satisfies(c -> assertThat(c.authorization()).startsWith("Bearer "));
        assertThat(changes()).isEmpty();
    }

    @Test
    void aDownloadIsStreamedAsAnAttachmentThatCannotRunInThePortal() {
        services();
        byte[] html = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        SERVICES.file(EVIDENCE_PATH + "/" + SHA, 200, Map.of("Content-Type", "text/html",
                "Content-Disposition", "attachment; filename=\"x.html\"; filename*=UTF-8''%E6%94%B6%E6%93%9A%E2%80%AE.html"), html);
        String pdfSha = SHA.replace('9', '1');
        SERVICES.file(EVIDENCE_PATH + "/" + pdfSha, 200, Map.of("Content-Type", "application/pdf",
                "Content-Disposition", "attachment; filename=\"diesel.pdf\""), "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);

        Traffic.Download odd = browser.download(PAGE + "/" + ID + "/evidence/file/" + SHA);
        Traffic.Download pdf = browser.download(PAGE + "/" + ID + "/evidence/file/" + pdfSha);
        Traffic.Download unknown = browser.download(PAGE + "/" + ID + "/evidence/file/" + SHA.replace('9', '2'));

        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).isEqualTo(html);
        assertThat(odd.header("content-type")).isEqualTo("application/octet-stream");
        // the bidi override is dropped from the name
        assertThat(odd.header("content-disposition")).isEqualTo("attachment; filename=\"__.html\"; filename*=UTF-8''%E6%94%B6%E6%93%9A.html");
        assertThat(odd.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(odd.header("content-security-policy")).isEqualTo("sandbox");
        assertThat(pdf.header("content-type")).isEqualTo("application/pdf");
        assertThat(pdf.header("content-disposition")).startsWith("attachment; filename=\"diesel.pdf\"");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("Page not found");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(EVIDENCE_PATH + "/"))
                .hasSize(3).allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void oddUnicodeFileNamesAreReducedToTheirLastSegmentWithoutControlOrBidiCharacters() {
        services();
        SERVICES.answer("POST", EVIDENCE_PATH, 201, FILE_REF);
        SERVICES.answer("PUT", PUT_E01, 200, AssessmentFixtures.savedAnswer("E01", "true", 3));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);
        String csrf = csrf(browser, PAGE + "/" + ID + "/evidence/E01");

        Traffic.Answer windows = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "upload"),
                "file", "C:\\Users\\陳大文\\..\\收據\u202Efdp.exe\u0007.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer dots = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "upload"),
                "file", "../../..", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer emoji = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", csrf, "action", "upload"),
                "file", "🌱".repeat(300) + ".txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(List.of(windows, dots, emoji)).allSatisfy(a -> assertThat(a.status()).isEqualTo(303));
        List<String> bodies = changes().stream().filter(c -> c.method().equals("POST")).map(FakeServices.Call::body).toList();
        assertThat(bodies.get(0)).contains("filename=\"收據fdp.exe.pdf\"").doesNotContain("\u202E", "Users");
        assertThat(bodies.get(1)).contains("filename=\"evidence\"");
        assertThat(bodies.get(2)).contains("filename=\"" + "🌱".repeat(200) + "\"").doesNotContain("🌱".repeat(201));
    }

    @Test
    void aMultipartFormWithoutTheCsrfTokenIsRefused() {
        services();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);

        Traffic.Answer refused = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01", Map.of("action", "upload"),
                "file", "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer forged = browser.postMultipart(PAGE + "/" + ID + "/evidence/E01", Map.of("_csrf", "forged", "action", "upload"),
                "file", "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(changes()).isEmpty();
    }

    @Test
    void theWizardShowsEachQuestionsEvidenceAndAnAutosaveKeepsIt() {
        services();
        SERVICES.json(BASE + "/" + ID, draft("""
                {"questionId":"E01","value":true,"unit":null,"notApplicable":false,"reason":null,"evidence":%s,"revision":2,"cleared":false,"updatedAt":"2026-11-02T06:30:00Z"}"""
                .formatted(FILE_REF)));
        SERVICES.answer("PUT", PUT_E01, 200, AssessmentFixtures.savedAnswer("E01", "false", 3));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + ID);

        String english = browser.get(PAGE + "/" + ID).body();
        Traffic.Answer saved = browser.postFields(PAGE + "/" + ID + "/answers/E01",
                List.of("_csrf", Traffic.csrfToken(browser.get(PAGE + "/" + ID)), "E01.answer", "false", "E01.rev", "2"), Map.of("HX-Request", "true"));
        browser.get(SITE + "/lang/zh-Hant?next=/");
        String chinese = browser.get(PAGE + "/" + ID).body();

        assertThat(english).contains("Evidence (optional)", "diesel-receipts.pdf", "(123.0 KB)",
                        "href=\"/workspace/assessment/" + ID + "/evidence/file/" + SHA + "\"",
                        "href=\"/workspace/assessment/" + ID + "/evidence/E01\"", "Change evidence",
                        "href=\"/workspace/assessment/" + ID + "/evidence/E06\"", "Add evidence")
                .doesNotContain("/evidence/E02\"");
        assertThat(chinese).contains("證明文件（可選）", "更改證明文件", "加入證明文件");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(changes()).singleElement().satisfies(put -> assertThat(put.body()).isEqualTo(
                "{\"value\":false,\"unit\":null,\"notApplicable\":false,\"reason\":null,\"evidence\":" + FILE_REF + ",\"baseRevision\":2}"));
    }

    static final String SUBMITTED_ANSWERS = """
            {"questionId":"E01","value":true,"unit":null,"notApplicable":false,"reason":null,"evidence":{"url":"https://www.example.com.hk/fuel-log"},
             "evidenceReview":{"status":"REJECTED","note":"The log covers 2024, not 2025.","reviewedAt":"2025-12-03T02:00:00Z"},
             "revision":2,"cleared":false,"updatedAt":"2025-11-02T06:30:00Z"},
            {"questionId":"E02","value":3100,"unit":"litres","notApplicable":false,"reason":null,"evidence":%s,
             "evidenceReview":{"status":"PENDING","note":null,"reviewedAt":null},"revision":1,"cleared":false,"updatedAt":"2025-11-02T06:31:00Z"}"""
            .formatted(FILE_REF);

    @Test
    void theResultsSayWhyPointsAreCappedAndASubmittedAssessmentsEvidenceIsReadOnly() {
        SERVICES.json(BASE + "/questionnaire", "version=41", QUESTIONNAIRE);
        SERVICES.json(BASE + "/questionnaire", AssessmentFixtures.QUESTIONNAIRE);
        SERVICES.json(BASE + "/" + DONE + "/scorecard", AssessmentFixtures.SCORECARD.replace(
                "{\"questionId\":\"E01\",\"topic\":\"E-EMISSIONS\",\"points\":4,\"max\":4,\"outcome\":\"SCORED\"",
                "{\"questionId\":\"E01\",\"topic\":\"E-EMISSIONS\",\"points\":3,\"max\":4,\"outcome\":\"CAPPED\""));
        SERVICES.json(BASE + "/" + DONE, AssessmentFixtures.assessment(DONE, TestKeycloak.SUPPLIER_ORG, "SUBMITTED", SUBMITTED_ANSWERS)
                .replace("\"version\":1}", "\"version\":41}"));
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/assessment/" + DONE + "/results");

        String english = browser.get(PAGE + "/" + DONE + "/results").body();
        Traffic.Answer evidence = browser.get(PAGE + "/" + DONE + "/evidence/E01");
        browser.get(SITE + "/lang/zh-Hant?next=/");
        String chinese = browser.get(PAGE + "/" + DONE + "/results").body();

        assertThat(english).contains("Points capped until staff check the evidence.", "Evidence not accepted: The log covers 2024, not 2025.",
                "href=\"/workspace/assessment/" + DONE + "/evidence/E01\">See the evidence</a>");
        assertThat(chinese).contains("在職員核實證明文件前，分數設有上限。", "證明文件未獲接納：The log covers 2024, not 2025.");
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.body()).contains("Evidence not accepted by staff.", "Note: The log covers 2024, not 2025.",
                        "href=\"https://www.example.com.hk/fuel-log\" target=\"_blank\" rel=\"noopener noreferrer\"", "can no longer change")
                .doesNotContain("type=\"file\"", "name=\"url\"", "Remove the evidence");
    }
}
