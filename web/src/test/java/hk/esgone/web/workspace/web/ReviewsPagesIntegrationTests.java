package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Council staff's queue of company applications, signed in through the real Keycloak: what staff need to decide,
 * approve (listed, or still being set up at Keycloak), reject and suspend only with a reason and a ticked
 * confirmation, refusals by directory-service in place, and the friendly 403 page for anyone who is not staff.
 */
class ReviewsPagesIntegrationTests extends SignedInPageTest {

    static final String QUEUE = "/api/v1/directory/admin/applications";
    static final String COMPANY = "/api/v1/directory/admin/companies/cmp-green-pack";

    @Test
    void theQueueShowsWhatStaffNeedToDecide() {
        queue();
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/applications");

        Traffic.Answer page = browser.get(SITE + "/workspace/admin/applications");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Company applications", "Waiting for a decision", "Green Pack Ltd", "綠色包裝有限公司",
                        "cmp-green-pack", "12345678", "Manufacturing", "Kwun Tong, Dongguan", "owner@greenpack.example",
                        "2026-12-05 10:00", "Approve", "Reject…", "Yes, reject this application", "Oldest first; 2 shown (at most 100).")
                .contains("&lt;img src=x&gt;").doesNotContain("<img src=x>");
        // (the sign-in lands on the page too: every call the same)
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(QUEUE)).isNotEmpty().allSatisfy(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(QUEUE + "?status=SUBMITTED&limit=100");
            assertThat(call.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void approvingReturnsToTheQueueWithTheOutcome() {
        queue();
        SERVICES.json(COMPANY + "/approve", "{\"id\":\"cmp-green-pack\",\"status\":\"PUBLISHED\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/applications");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/applications"));

        Traffic.Answer approved = browser.postForm(SITE + "/workspace/admin/companies/cmp-green-pack/approve",
                Map.of("_csrf", csrf, "status", "SUBMITTED"));

        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.location()).isEqualTo("/workspace/admin/applications?status=SUBMITTED&done=approved&company=cmp-green-pack");
        assertThat(browser.follow(approved).body()).contains("Approved: cmp-green-pack is listed and its members can sign in");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).startsWith("Bearer "));
    }

    @Test
    void anApprovalWhileKeycloakIsDownSaysItIsRetried() {
        queue();
        SERVICES.json(COMPANY + "/approve", "{\"id\":\"cmp-green-pack\",\"status\":\"PROVISIONING\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/applications");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/applications"));

        Traffic.Answer approved = browser.postForm(SITE + "/workspace/admin/companies/cmp-green-pack/approve", Map.of("_csrf", csrf));

        assertThat(browser.follow(approved).body()).contains("is being set up at Keycloak; this is retried automatically");
    }

    @Test
    void rejectingNeedsAReasonAndAConfirmation() {
        queue();
        SERVICES.json(COMPANY + "/reject", "{\"id\":\"cmp-green-pack\",\"status\":\"REJECTED\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/applications");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/applications"));
        String reject = SITE + "/workspace/admin/companies/cmp-green-pack/reject";

        Traffic.Answer noReason = browser.postForm(reject, Map.of("_csrf", csrf, "reason", " \u202e ", "confirm", "yes"));
        Traffic.Answer notConfirmed = browser.postForm(reject, Map.of("_csrf", csrf, "reason", "BR number does not match"));
        Traffic.Answer tooLong = browser.postForm(reject, Map.of("_csrf", csrf, "reason", "x".repeat(501), "confirm", "yes"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Please give a reason");
        assertThat(notConfirmed.status()).isEqualTo(400);
        assertThat(notConfirmed.body()).contains("Please tick the box to confirm.");
        assertThat(tooLong.body()).contains("The reason is too long");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));

        Traffic.Answer rejected = browser.postForm(reject, Map.of("_csrf", csrf, "reason", "BR number does not match", "confirm", "yes"));

        assertThat(rejected.status()).isEqualTo(303);
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"reason\":\"BR number does not match\"}"));
        assertThat(browser.follow(rejected).body()).contains("Rejected: cmp-green-pack. The applicant sees your reason.");
    }

    @Test
    void aDecisionSomeoneElseTookIsExplainedAndAnUnknownCompanyIsNotFound() {
        queue();
        SERVICES.problem(COMPANY + "/approve", 409, "conflict");
        SERVICES.problem("/api/v1/directory/admin/companies/cmp-nobody/approve", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/applications");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/applications"));

        Traffic.Answer conflict = browser.postForm(SITE + "/workspace/admin/companies/cmp-green-pack/approve", Map.of("_csrf", csrf));
        Traffic.Answer unknown = browser.postForm(SITE + "/workspace/admin/companies/cmp-nobody/approve", Map.of("_csrf", csrf));
        Traffic.Answer nonsense = browser.postForm(SITE + "/workspace/admin/companies/cmp-green-pack/delete", Map.of("_csrf", csrf));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("someone else may have decided already");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no such company.");
        assertThat(nonsense.status()).isEqualTo(404);
        assertThat(SERVICES.calls()).noneMatch(c -> c.pathAndQuery().endsWith("/delete"));
    }

    @Test
    void theQueueIsInChineseWhenChosen() {
        queue();
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/applications");
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/admin/applications");

        assertThat(browser.get(SITE + "/workspace/admin/applications").body())
                .contains("公司申請", "待審批", "綠色包裝有限公司", "觀塘、東莞", "批准", "是，拒絕此申請");
    }

    @Test
    void someoneWhoIsNotStaffGetsTheFriendlyRefusalAndNoLink() {
        SERVICES.problem(QUEUE, 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/admin/applications");

        Traffic.Answer page = browser.get(SITE + "/workspace/admin/applications");
        Traffic.Answer home = browser.get(SITE + "/workspace/claims");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Green Pack");
        assertThat(home.body()).doesNotContain("/workspace/admin/applications");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(QUEUE))
                .allSatisfy(call -> assertThat(call.authorization()).startsWith("Bearer "));
    }

    private static void queue() {
        SERVICES.json(QUEUE, """
                [{"id":"cmp-green-pack","kind":"SUPPLIER","kindLabel":{"en":"Supplier","zhHant":"供應商"},"status":"SUBMITTED",
                  "name":{"en":"Green Pack Ltd","zhHant":"綠色包裝有限公司"},"brNumber":"12345678",
                  "industry":{"code":"C","label":{"en":"Manufacturing","zhHant":"製造業"}},
                  "locations":[{"code":"KWUN_TONG","label":{"en":"Kwun Tong","zhHant":"觀塘"}},{"code":"DONGGUAN","label":{"en":"Dongguan","zhHant":"東莞"}}],
                  "owner":{"version":1,"applicantUsername":"owner@greenpack.example","createdAt":"2026-12-05T02:00:00Z"}},
                 {"id":"cmp-hostile","kind":"SUPPLIER","kindLabel":{"en":"Supplier"},"status":"SUBMITTED",
                  "name":{"en":"<img src=x>"},"owner":{"createdAt":"yesterday"}}]""");
    }
}
