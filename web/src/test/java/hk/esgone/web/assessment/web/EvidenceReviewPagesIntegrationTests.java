package hk.esgone.web.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Staff's evidence review page against assessment-service's admin API as {@link FakeServices}: the queue with company
 * names, evidence links and files, points now and if accepted; accepting and rejecting (token, CSRF, body), a rejection
 * without its note or ticked confirmation sends nothing, "already reviewed" explained in place, and everyone but admins
 * gets the 403 page.
 */
class EvidenceReviewPagesIntegrationTests extends SignedInPageTest {

    static final String PAGE = SITE + "/workspace/admin/evidence";
    static final String API = "/api/v1/assessments/admin/evidence";
    static final String SHA = EvidencePagesIntegrationTests.SHA;
    static final String ITEM_FILE = """
            {"assessmentId":"asm-done00000001","companyId":"cmp-green-pack","year":2025,"questionId":"E02",
             "question":{"en":"Diesel used in the reporting year","zhHant":"報告年度內使用的柴油量"},"topic":{"en":"Emissions","zhHant":"排放物"},
             "evidence":{"sha256":"%s","fileName":"diesel <receipts>.pdf","size":2202009,"contentType":"application/pdf"},
             "status":"PENDING","note":null,"submittedAt":"2025-12-01T03:00:00Z","reviewedAt":null,"reviewedBy":null,"pointsNow":3,"pointsIfAccepted":4}"""
            .formatted(SHA);
    static final String ITEM_LINK = """
            {"assessmentId":"asm-done00000002","companyId":"cmp-unnamed-co","year":2025,"questionId":"G03",
             "question":{"en":"Do you have an anti-corruption policy?","zhHant":"貴公司有否反貪污政策？"},"topic":{"en":"Business ethics","zhHant":"商業道德"},
             "evidence":{"url":"https://www.example.com.hk/policy"},
             "status":"PENDING","note":null,"submittedAt":"2025-12-02T03:00:00Z","reviewedAt":null,"reviewedBy":null,"pointsNow":2,"pointsIfAccepted":4}""";
    static final String QUEUE = "{\"items\":[" + ITEM_FILE + "," + ITEM_LINK + "],\"nextCursor\":\"c2\"}";

    static void queue() {
        SERVICES.json(API, QUEUE);
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack", "{\"id\":\"cmp-green-pack\",\"name\":{\"en\":\"Green Pack Ltd\",\"zhHant\":\"綠色包裝有限公司\"}}");
    }

    static List<FakeServices.Call> decisions() {
        return SERVICES.calls().stream().filter(c -> c.method().equals("POST")).toList();
    }

    @Test
    void theQueueShowsEachItemInThePagesLanguageWithItsEvidenceAndPoints() {
        queue();
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/workspace/admin/evidence");

        Traffic.Answer english = admin.get(PAGE);
        Traffic.Answer next = admin.get(PAGE + "?status=ACCEPTED&cursor=c2");
        admin.get(SITE + "/lang/zh-Hant?next=/");
        String chinese = admin.get(PAGE).body();

        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Evidence review", "Green Pack Ltd", "href=\"/companies/cmp-green-pack\"", "2025", "Emissions",
                        "Diesel used in the reporting year", "diesel &lt;receipts&gt;.pdf", "(2.1 MB)",
                        "href=\"/workspace/admin/evidence/file/asm-done00000001/" + SHA + "\"", "3 now → 4 if accepted",
                        // no name from the directory: the id, linking to the profile
                        "href=\"/companies/cmp-unnamed-co\"", "<code>cmp-unnamed-co</code>",
                        "href=\"https://www.example.com.hk/policy\" target=\"_blank\" rel=\"noopener noreferrer\"",
                        "Accept", "Reject…", "name=\"confirm\"", "href=\"/workspace/admin/evidence?status=PENDING&amp;cursor=c2\"",
                        "href=\"/workspace/admin/evidence\">Evidence review</a>")
                .doesNotContain("diesel <receipts>");
        assertThat(chinese).contains("審核證明文件", "綠色包裝有限公司", "報告年度內使用的柴油量", "排放物", "現時 3 → 接納後 4");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(API)).extracting(FakeServices.Call::pathAndQuery)
                .contains(API + "?status=PENDING&limit=25", API + "?status=ACCEPTED&limit=25&cursor=c2")
                .allSatisfy(p -> assertThat(p).doesNotContain("null"));
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void acceptingAndRejectingSendTheDecisionWithTheAdminsTokenAndShowTheOutcome() {
        queue();
        SERVICES.answer("POST", API + "/asm-done00000001/E02", 200, ITEM_FILE.replace("\"PENDING\"", "\"ACCEPTED\""));
        SERVICES.answer("POST", API + "/asm-done00000002/G03", 200, ITEM_LINK.replace("\"PENDING\"", "\"REJECTED\""));
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/workspace/admin/evidence");
        String csrf = Traffic.csrfToken(admin.get(PAGE));

        Traffic.Answer accepted = admin.postForm(PAGE + "/asm-done00000001/E02/accept", Map.of("_csrf", csrf, "status", "PENDING"));
        Traffic.Answer rejected = admin.postForm(PAGE + "/asm-done00000002/G03/reject", Map.of("_csrf", csrf, "status", "PENDING",
                "note", "The page\u202E does not name\u0000 your company.", "confirm", "yes"));
        Traffic.Answer back = admin.follow(accepted);

        assertThat(accepted.status()).isEqualTo(303);
        assertThat(accepted.location()).isEqualTo("/workspace/admin/evidence?status=PENDING&done=accepted&item=asm-done00000001-E02");
        assertThat(back.body()).contains("Evidence accepted: the question&#39;s cap is lifted", "<article class=\"card evidence-item highlight\" id=\"asm-done00000001-E02\">");
        assertThat(rejected.status()).isEqualTo(303);
        assertThat(decisions()).extracting(FakeServices.Call::pathAndQuery, FakeServices.Call::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple(API + "/asm-done00000001/E02", "{\"decision\":\"ACCEPT\",\"note\":null}"),
                org.assertj.core.groups.Tuple.tuple(API + "/asm-done00000002/G03",
                        "{\"decision\":\"REJECT\",\"note\":\"The page does not name your company.\"}"));
        assertThat(decisions()).allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void aRejectionWithoutItsNoteOrConfirmationSendsNothing() {
        queue();
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/workspace/admin/evidence");
        String csrf = Traffic.csrfToken(admin.get(PAGE));

        Traffic.Answer noNote = admin.postForm(PAGE + "/asm-done00000001/E02/reject", Map.of("_csrf", csrf, "note", " \u200B ", "confirm", "yes"));
        Traffic.Answer notTicked = admin.postForm(PAGE + "/asm-done00000001/E02/reject", Map.of("_csrf", csrf, "note", "Wrong year."));
        Traffic.Answer tooLong = admin.postForm(PAGE + "/asm-done00000001/E02/reject", Map.of("_csrf", csrf, "note", "長".repeat(501), "confirm", "yes"));
        Traffic.Answer noCsrf = admin.postForm(PAGE + "/asm-done00000001/E02/accept", Map.of("status", "PENDING"));
        Traffic.Answer oddAction = admin.postForm(PAGE + "/asm-done00000001/E02/delete", Map.of("_csrf", csrf));

        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("Nothing was changed", "Write a note for the company",
                "<details open=\"open\">");
        assertThat(notTicked.status()).isEqualTo(400);
        assertThat(notTicked.body()).contains("Tick the box to confirm");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 500 characters");
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(oddAction.status()).isEqualTo(404);
        assertThat(decisions()).isEmpty();
    }

    @Test
    void anItemAlreadyReviewedIsExplainedInPlace() {
        queue();
        SERVICES.problem("POST", API + "/asm-done00000001/E02", 409, "already-reviewed");
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/workspace/admin/evidence");
        String csrf = Traffic.csrfToken(admin.get(PAGE));

        Traffic.Answer conflict = admin.postForm(PAGE + "/asm-done00000001/E02/accept", Map.of("_csrf", csrf, "status", "PENDING"));
        admin.get(SITE + "/lang/zh-Hant?next=/");
        Traffic.Answer chinese = admin.postForm(PAGE + "/asm-done00000001/E02/accept", Map.of("_csrf", csrf, "status", "PENDING"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("already been reviewed", "a decision is final", "Green Pack Ltd");
        assertThat(chinese.body()).contains("此證明文件已經審核");
    }

    @Test
    void onlyAdminsSeeThePageAndTheServicesForbiddenIsTheForbiddenPage() {
        SERVICES.problem(API, 403, "forbidden");
        SERVICES.json("/api/v1/assessments", "{\"items\":[]}");
        Traffic sme = signedIn(TestKeycloak.SME, "/workspace/assessment");
        Traffic.Answer account = sme.get(SITE + "/account");
        Traffic.Answer page = sme.get(PAGE);
        Traffic.Answer decide = sme.postForm(PAGE + "/asm-done00000001/E02/accept",
                Map.of("_csrf", Traffic.csrfToken(sme.get(SITE + "/workspace/assessment"))));
        Traffic.Answer file = sme.get(PAGE + "/file/asm-done00000001/" + SHA);
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/account");
        Traffic.Answer refusedByService = admin.get(PAGE);

        assertThat(account.body()).doesNotContain("/workspace/admin/evidence");
        assertThat(List.of(page, decide, file, refusedByService)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.body()).doesNotContain("Evidence review</h1>");
        });
        // the SME's requests never reached the admin API; the admin's did, with their token
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(API)).singleElement()
                .satisfies(c -> assertThat(c.authorization()).startsWith("Bearer "));
        assertThat(decisions()).isEmpty();
    }

    @Test
    void staffDownloadAnyCompanysFileThroughThePortalWithTheirToken() {
        SERVICES.file("/api/v1/assessments/asm-done00000001/evidence/" + SHA, 200,
                Map.of("Content-Type", "application/pdf", "Content-Disposition", "attachment; filename=\"diesel.pdf\""),
                "%PDF-1.7".getBytes(StandardCharsets.UTF_8));
        Traffic admin = signedIn(TestKeycloak.ADMIN, "/workspace/admin/evidence");

        Traffic.Download file = admin.download(PAGE + "/file/asm-done00000001/" + SHA);
        Traffic.Download gone = admin.download(PAGE + "/file/asm-done00000001/" + SHA.replace('9', '3'));

        assertThat(file.status()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7");
        assertThat(file.header("content-disposition")).startsWith("attachment;");
        assertThat(file.header("content-security-policy")).isEqualTo("sandbox");
        assertThat(gone.status()).isEqualTo(404);
    }
}
