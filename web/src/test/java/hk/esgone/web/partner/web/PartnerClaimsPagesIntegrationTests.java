package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Claims on the partner's offers, signed in as a partner's member: the table with its filters and cursor paging,
 * confirming a redemption by code and by a CSV file (each line's outcome; refused lines by number), the CSV export
 * passed through as offers-service sends it, and another partner's offer refused by the service.
 */
class PartnerClaimsPagesIntegrationTests extends SignedInPageTest {

    static final String PAGE = "/workspace/partner/claims";
    static final String REDEEM = PartnerFixtures.GREEN + "/redemptions";

    static void claims() {
        SERVICES.json(PartnerFixtures.CLAIMS, """
                {"items":[{"id":"clm-1","offerId":"off-green-loan","companyId":"cmp-demo-supplier","code":"GREEN-0001","status":"ACTIVE",
                           "claimedAt":"2026-12-01T02:30:00Z"},
                          {"id":"clm-2","offerId":"off-green-loan","companyId":"cmp-demo-supplier-2","code":"GREEN-0002","status":"REDEEMED",
                           "claimedAt":"2026-11-30T15:10:00Z","redeemedAt":"2026-12-02T01:00:00Z"}],
                 "nextCursor":"next+page/=="}""");
    }

    @Test
    void theTableShowsClaimsWithFiltersAndPaging() {
        PartnerFixtures.offers(SERVICES);
        claims();
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE + "?offer=off-green-loan&status=ACTIVE");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Claims on our offers", "GREEN-0001", "cmp-demo-supplier", "Active", "2026-12-01 10:30",
                "GREEN-0002", "Redeemed", "2026-12-02 09:00", "Download this offer&#39;s claims (CSV)",
                "href=\"/workspace/partner/offers/off-green-loan/claims/export\"",
                "href=\"/workspace/partner/claims?offer=off-green-loan&amp;status=ACTIVE&amp;cursor=next%2Bpage/%3D%3D\"");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(PartnerFixtures.CLAIMS + "?offerId")).singleElement()
                .satisfies(call -> {
                    assertThat(call.pathAndQuery()).isEqualTo(PartnerFixtures.CLAIMS + "?offerId=off-green-loan&status=ACTIVE&limit=50");
                    assertThat(call.authorization()).startsWith("Bearer ");
                });

        Traffic.Answer next = browser.get(SITE + PAGE + "?offer=off-green-loan&status=ACTIVE&cursor=next%2Bpage/%3D%3D");
        assertThat(next.status()).isEqualTo(200);
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().equals(PartnerFixtures.CLAIMS
                + "?offerId=off-green-loan&status=ACTIVE&cursor=next%2Bpage%2F%3D%3D&limit=50"));
        // a status the page does not know is not passed on
        browser.get(SITE + PAGE + "?status=%3Cscript%3E");
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().equals(PartnerFixtures.CLAIMS + "?limit=50"));

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("我們優惠的領取記錄", "有效", "已兌換", "綠色貸款回贈");
    }

    @Test
    void aRedemptionIsConfirmedByCodeAndARefusalExplainedInPlace() {
        PartnerFixtures.offers(SERVICES);
        claims();
        SERVICES.answer("POST", REDEEM, 200, """
                {"id":"clm-1","offerId":"off-green-loan","companyId":"cmp-demo-supplier","code":"GREEN-0001","status":"REDEEMED",
                 "claimedAt":"2026-12-01T02:30:00Z","redeemedAt":"2026-12-05T02:00:00Z"}""");
        SERVICES.answer("POST", PartnerFixtures.OFFERS + "/off-freight/redemptions", 409,
                "{\"type\":\"https://esg-one.hk/problems/already-redeemed\",\"title\":\"Already redeemed\",\"status\":409}");
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer done = browser.postForm(SITE + PAGE + "/redeem", Map.of("_csrf", csrf, "offer", "off-green-loan", "code", " GREEN-0001 "));
        Traffic.Answer again = browser.postForm(SITE + PAGE + "/redeem", Map.of("_csrf", csrf, "offer", "off-freight", "code", "FREIGHT-1"));
        Traffic.Answer badCode = browser.postForm(SITE + PAGE + "/redeem", Map.of("_csrf", csrf, "offer", "off-green-loan", "code", "x\u202E;"));
        Traffic.Answer noOffer = browser.postForm(SITE + PAGE + "/redeem", Map.of("_csrf", csrf, "offer", "", "code", "GREEN-0001"));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Code GREEN-0001 is now marked as redeemed.");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("Nothing was redeemed", "This code was already redeemed.", "value=\"FREIGHT-1\"");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("That is not a code");
        assertThat(noOffer.body()).contains("Choose the offer the code belongs to.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(2).first().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(REDEEM);
            assertThat(call.body()).isEqualTo("{\"code\":\"GREEN-0001\"}");
            assertThat(call.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void redemptionsFromAFileShowEachLinesOutcomeOrEachRefusedLine() {
        PartnerFixtures.offers(SERVICES);
        claims();
        SERVICES.answer("POST", REDEEM + "/csv", 200, """
                {"offerId":"off-green-loan","counts":{"REDEEMED":1,"ALREADY_REDEEMED":1,"CANCELLED":1,"EXPIRED":0,"NOT_REDEEMED":0},
                 "results":[{"line":2,"code":"GREEN-0001","result":"REDEEMED"},{"line":3,"code":"GREEN-0002","result":"ALREADY_REDEEMED"},
                            {"line":4,"code":"GREEN-0003","result":"CANCELLED"}]}""");
        SERVICES.answer("POST", PartnerFixtures.OFFERS + "/off-freight/redemptions/csv", 422, """
                {"type":"https://esg-one.hk/problems/invalid-csv","title":"Invalid CSV","status":422,
                 "errors":[{"line":3,"reason":"unknown-code","message":"No claim of this offer holds this code."}]}""");
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));
        String csv = "code\nGREEN-0001\nGREEN-0002\nGREEN-0003\n";

        Traffic.Answer done = browser.postMultipart(SITE + PAGE + "/redeem-csv", Map.of("_csrf", csrf, "offer", "off-green-loan"), "file",
                "redeemed.csv", csv.getBytes(StandardCharsets.UTF_8));
        Traffic.Answer refused = browser.postMultipart(SITE + PAGE + "/redeem-csv", Map.of("_csrf", csrf, "offer", "off-freight"), "file",
                "redeemed.csv", "code\nFREIGHT-1\nNOPE-0001\n".getBytes(StandardCharsets.UTF_8));
        Traffic.Answer binary = browser.postMultipart(SITE + PAGE + "/redeem-csv", Map.of("_csrf", csrf, "offer", "off-freight"), "file",
                "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("1 redeemed now", "1 already redeemed before", "1 cancelled claim(s), not redeemed",
                "<td class=\"num\">2</td><td><code>GREEN-0001</code></td>", "Redeemed now", "Already redeemed before",
                "Claim cancelled: not redeemed").doesNotContain("0 expired");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was redeemed", "<td class=\"num\">3</td>", "No claim of this offer holds this code.");
        assertThat(binary.body()).contains("This is not a text (CSV) file.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(2).first().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(REDEEM + "/csv");
            assertThat(call.body()).isEqualTo(csv);
            assertThat(call.header("Content-Type")).startsWith("text/csv");
        });
    }

    @Test
    void theExportIsOffersServicesCsvPassedThrough() {
        PartnerFixtures.offers(SERVICES);
        String csv = "claimId,companyId,code,status,claimedAt,redeemedAt,cancelledAt,note\r\n"
                + "clm-1,cmp-demo-supplier,GREEN-0001,ACTIVE,2026-12-01T02:30:00Z,,,'=HYPERLINK(\"x\")\r\n"
                + "clm-2,cmp-demo-supplier-2,GREEN-0002,REDEEMED,2026-11-30T15:10:00Z,2026-12-02T01:00:00Z,,綠色\r\n";
        SERVICES.file("GET", PartnerFixtures.GREEN + "/claims/export", 200, "text/csv;charset=UTF-8",
                Map.of("Content-Disposition", "attachment; filename=\"claims-off-green-loan.csv\""), csv);
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);

        Traffic.Download file = browser.download(SITE + "/workspace/partner/offers/off-green-loan/claims/export");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("content-type")).startsWith("text/csv");
        assertThat(file.header("content-disposition")).isEqualTo("attachment; filename=\"claims-off-green-loan.csv\"");
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().endsWith("/claims/export")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).startsWith("Bearer "));
    }

    @Test
    void anotherPartnersOfferIsTheServicesNotFoundAndNothingChanges() {
        PartnerFixtures.offers(SERVICES);
        // offers-service answers a list filtered by another partner's offer with 404
        SERVICES.problem("GET", PartnerFixtures.CLAIMS, 404, "not-found");
        SERVICES.problem("GET", PartnerFixtures.OFFERS + "/off-not-ours/claims/export", 404, "not-found");
        SERVICES.problem("POST", PartnerFixtures.OFFERS + "/off-not-ours/redemptions", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.PARTNER_2, "/workspace/partner/offers");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/partner/offers"));

        Traffic.Answer list = browser.get(SITE + PAGE + "?offer=off-not-ours");
        Traffic.Download export = browser.download(SITE + "/workspace/partner/offers/off-not-ours/claims/export");
        Traffic.Answer redeem = browser.postForm(SITE + PAGE + "/redeem", Map.of("_csrf", csrf, "offer", "off-not-ours", "code", "GREEN-0001"));

        assertThat(list.status()).isEqualTo(404);
        assertThat(list.body()).contains("Page not found").doesNotContain("GREEN-0001");
        assertThat(export.status()).isEqualTo(404);
        assertThat(new String(export.body(), StandardCharsets.UTF_8)).contains("Page not found").doesNotContain("claimId");
        assertThat(redeem.status()).isEqualTo(404);
        assertThat(redeem.body()).doesNotContain("now marked as redeemed");
    }

    @Test
    void someoneWhoIsNoPartnerIsRefused() {
        Traffic browser = signedIn(TestKeycloak.SME, "/");
        SERVICES.reset();

        assertThat(browser.get(SITE + PAGE).status()).isEqualTo(403);
        assertThat(browser.download(SITE + "/workspace/partner/offers/off-green-loan/claims/export").status()).isEqualTo(403);
        assertThat(SERVICES.calls()).isEmpty();
    }
}
