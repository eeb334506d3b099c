package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Council staff's review of partners' offers, signed in through the real Keycloak: the queue shows what staff need
 * to decide, each action sends the staff member's token to offers-service and returns with its outcome, a reject
 * needs a note and a confirmation, withdrawing needs a confirmation, and refusals are explained in place.
 */
class OfferReviewsPagesIntegrationTests extends SignedInPageTest {

    static final String LIST = "/api/v1/offers/admin/offers";
    static final String OFFER = LIST + "/off-green-loan";

    @Test
    void theQueueShowsWhatStaffNeedToDecide() {
        queue();
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/admin/offers");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Partner offers", "Waiting for approval", "Green loan rebate", "綠色貸款回贈", "off-green-loan",
                        "cmp-demo-partner", "<span>Percentage discount</span><span> · 10%</span>", "Banking and finance", "2026-12-01 – 2027-03-31",
                        "80 left of 100; at most 1 per company", "Conditions apply", "2026-12-05 10:00", "Approve", "Reject…",
                        "Yes, reject this offer", "href=\"/workspace/admin/offers\"")
                .contains("&lt;img src=x&gt;").doesNotContain("<img src=x>");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(LIST)).isNotEmpty().allSatisfy(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(LIST + "?status=SUBMITTED&limit=25");
            assertThat(call.authorization()).startsWith("Bearer ");
        });

        browser.get(SITE + "/lang/zh-Hant?next=/workspace/admin/offers");
        assertThat(browser.get(SITE + "/workspace/admin/offers").body()).contains("合作夥伴優惠", "等待批核", "批核", "拒絕…");
    }

    @Test
    void approvingReturnsToTheQueueWithTheOutcome() {
        queue();
        SERVICES.json(OFFER + "/approve", "{\"id\":\"off-green-loan\",\"status\":\"SCHEDULED\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/offers"));

        Traffic.Answer approved = browser.postForm(SITE + "/workspace/admin/offers/off-green-loan/approve",
                Map.of("_csrf", csrf, "status", "SUBMITTED"));

        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.location()).isEqualTo("/workspace/admin/offers?status=SUBMITTED&done=approved&offer=off-green-loan");
        assertThat(browser.follow(approved).body()).contains("Approved: off-green-loan is listed from its start date.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(OFFER + "/approve");
            assertThat(call.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void rejectingNeedsANoteAndAConfirmationAndWithdrawingAConfirmation() {
        queue();
        SERVICES.json(OFFER + "/reject", "{\"id\":\"off-green-loan\",\"status\":\"DRAFT\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/offers"));

        Traffic.Answer noNote = browser.postForm(SITE + "/workspace/admin/offers/off-green-loan/reject",
                Map.of("_csrf", csrf, "status", "SUBMITTED", "reason", "  ", "confirm", "yes"));
        Traffic.Answer unconfirmed = browser.postForm(SITE + "/workspace/admin/offers/off-green-loan/withdraw",
                Map.of("_csrf", csrf, "status", "SUBMITTED"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("Please write a note: the partner sees it.");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Please tick the box to confirm.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));

        Traffic.Answer rejected = browser.postForm(SITE + "/workspace/admin/offers/off-green-loan/reject",
                Map.of("_csrf", csrf, "status", "SUBMITTED", "reason", "Terms must name the <b>loan</b> rate.", "confirm", "yes"));
        assertThat(rejected.status()).isEqualTo(303);
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"reason\":\"Terms must name the <b>loan</b> rate.\"}"));
    }

    @Test
    void anActionSomeoneElseTookIsExplainedAndAnUnknownOfferIsNotFound() {
        queue();
        SERVICES.problem("POST", OFFER + "/approve", 409, "invalid-state");
        Traffic browser = signedIn(TestKeycloak.ADMIN, "/workspace/admin/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/admin/offers"));

        Traffic.Answer conflict = browser.postForm(SITE + "/workspace/admin/offers/off-green-loan/approve", Map.of("_csrf", csrf));
        Traffic.Answer unknown = browser.postForm(SITE + "/workspace/admin/offers/not-an-offer/approve", Map.of("_csrf", csrf));
        Traffic.Answer noAction = browser.postForm(SITE + "/workspace/admin/offers/off-green-loan/delete", Map.of("_csrf", csrf));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("This offer is no longer in that state");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noAction.status()).isEqualTo(404);
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(1);
    }

    @Test
    void someoneWhoIsNotStaffGetsTheFriendlyRefusalAndNoLink() {
        SERVICES.problem(LIST, 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/admin/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/admin/offers");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Green loan").doesNotContain("href=\"/workspace/admin/offers\"");
    }

    private static void queue() {
        SERVICES.json(LIST, """
                {"items":[{"id":"off-green-loan","partnerId":"cmp-demo-partner","type":"PERCENTAGE_DISCOUNT","value":10,"currency":"HKD",
                  "title":{"en":"Green loan rebate","zhHant":"綠色貸款回贈"},"description":{"en":"A rebate on green loans."},
                  "terms":{"en":"For listed SMEs."},"category":"BANKING_AND_FINANCE","validFrom":"2026-11-30T16:00:00Z",
                  "validUntil":"2027-03-31T08:00:00Z","quota":100,"remaining":80,"perCompanyLimit":1,
                  "eligibility":{"requiredAchievementId":null,"minScorecardLevel":"SILVER","industries":[]},
                  "redemption":{"method":"CODE"},"status":"SUBMITTED","submittedAt":"2026-12-05T02:00:00Z"},
                 {"id":"off-hostile","partnerId":"cmp-demo-partner","type":"FREE_SERVICE_OR_TRIAL","title":{"en":"<img src=x>"},
                  "category":"OTHER","quota":5,"remaining":5,"perCompanyLimit":1,"eligibility":{},"status":"SUBMITTED"}],
                 "nextCursor":null}""");
    }
}
