package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * A partner's own offers, signed in through the real Keycloak as a partner's member: offers-service's partner API
 * with the person's token (it answers only their company's offers; no page takes a company id), each offer with its
 * status, a rejection's note and the code stock; submitting a draft, pausing, resuming, and withdrawing only with a
 * ticked confirmation; refusals explained in place.
 */
class PartnerOffersPagesIntegrationTests extends SignedInPageTest {

    static final String MINE = "/api/v1/offers/partner/offers";

    @Test
    void theListShowsEachOfferWithItsStatusNoteAndStock() {
        offers();
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/partner/offers");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("My company&#39;s offers", "Draft", "Listed", "Green loan rebate", "Freight voucher",
                        "Terms must name the &lt;b&gt;loan&lt;/b&gt; rate.", "Codes left", "running low: upload more",
                        "Send for approval", "Pause", "Withdraw…", "href=\"/workspace/partner/offers\"")
                .doesNotContain("<b>loan</b>");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(MINE)).isNotEmpty().allSatisfy(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(MINE + "?limit=25");
            assertThat(call.authorization()).startsWith("Bearer ");
        });

        browser.get(SITE + "/lang/zh-Hant?next=/workspace/partner/offers");
        assertThat(browser.get(SITE + "/workspace/partner/offers?status=DRAFT").body()).contains("我公司的優惠", "草稿", "提交批核");
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().equals(MINE + "?status=DRAFT&limit=25"));
    }

    @Test
    void aDraftIsSentForApprovalAndWithdrawingNeedsAConfirmation() {
        offers();
        SERVICES.json(MINE + "/off-green-loan/submit", "{\"id\":\"off-green-loan\",\"status\":\"SUBMITTED\"}");
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers"));

        Traffic.Answer sent = browser.postForm(SITE + "/workspace/partner/offers/off-green-loan/submit", Map.of("_csrf", csrf));
        Traffic.Answer unconfirmed = browser.postForm(SITE + "/workspace/partner/offers/off-freight/withdraw", Map.of("_csrf", csrf));

        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).isEqualTo("/workspace/partner/offers?done=submitted&offer=off-green-loan");
        assertThat(browser.follow(sent).body()).contains("Sent for approval: off-green-loan.");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Please tick the box to confirm.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(MINE + "/off-green-loan/submit");
            assertThat(call.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void anotherCompanysOfferIsRefusedByTheServiceAndExplained() {
        offers();
        SERVICES.problem("POST", MINE + "/off-not-ours/pause", 404, "not-found");
        SERVICES.problem("POST", MINE + "/off-freight/pause", 409, "invalid-state");
        Traffic browser = signedIn(TestKeycloak.PARTNER_2, "/workspace/partner/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers"));

        Traffic.Answer foreign = browser.postForm(SITE + "/workspace/partner/offers/off-not-ours/pause", Map.of("_csrf", csrf));
        Traffic.Answer stale = browser.postForm(SITE + "/workspace/partner/offers/off-freight/pause", Map.of("_csrf", csrf));
        Traffic.Answer unknownAction = browser.postForm(SITE + "/workspace/partner/offers/off-freight/approve", Map.of("_csrf", csrf));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).contains("There is no such offer or action.");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("This offer is no longer in that state");
        assertThat(unknownAction.status()).isEqualTo(404);
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(2);
    }

    @Test
    void someoneWhoIsNoPartnerGetsTheFriendlyRefusalAndNoLink() {
        SERVICES.problem(MINE, 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/partner/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/partner/offers");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("href=\"/workspace/partner/offers\"");
    }

    @Test
    void whenTheOffersServiceIsDownThePageSaysTryAgain() {
        SERVICES.problem(MINE, 503, "unavailable");
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/partner/offers");

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("Temporarily unavailable").doesNotContain("Exception", "at hk.");
    }

    private static void offers() {
        SERVICES.json(MINE, """
                {"items":[{"id":"off-green-loan","partnerId":"cmp-demo-partner","type":"PERCENTAGE_DISCOUNT","value":10,
                  "title":{"en":"Green loan rebate"},"category":"BANKING_AND_FINANCE","quota":100,"remaining":100,"perCompanyLimit":1,
                  "eligibility":{},"status":"DRAFT","reviewNote":"Terms must name the <b>loan</b> rate."},
                 {"id":"off-freight","partnerId":"cmp-demo-partner","type":"FIXED_DISCOUNT","value":500,"currency":"HKD",
                  "title":{"en":"Freight voucher"},"category":"LOGISTICS","quota":50,"remaining":12,"perCompanyLimit":2,
                  "eligibility":{},"redemption":{"method":"CODE_POOL"},"status":"PUBLISHED",
                  "codePool":{"available":3,"assigned":38,"voided":0,"lowStock":true,"shortfall":9}}],
                 "nextCursor":null}""");
    }
}
