package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * An offer's figures, signed in as a partner's member: the range asked of offers-service, the funnel and the days as
 * server-drawn SVG charts and as tables with the service's numbers (days without any filled in as zero), a range the
 * service refuses explained beside the form, and another partner's offer refused.
 */
class PartnerFiguresPagesIntegrationTests extends SignedInPageTest {

    static final String PAGE = "/workspace/partner/offers/off-green-loan/figures";
    static final String FIGURES = PartnerFixtures.GREEN + "/figures";

    static void figures() {
        SERVICES.json(FIGURES, """
                {"offerId":"off-green-loan","status":"PUBLISHED","quota":100,"remaining":55,"claimed":45,"active":30,"redeemed":12,
                 "cancelled":3,"expired":3,"redemptionRate":0.2667,"timeZone":"Asia/Hong_Kong","from":"2026-12-01","to":"2026-12-04",
                 "claimsPerDay":[{"date":"2026-12-01","claims":2},{"date":"2026-12-03","claims":5}],
                 "viewsPerDay":[{"date":"2026-12-01","views":40},{"date":"2026-12-02","views":17},{"date":"2026-12-03","views":1234}],
                 "funnel":{"views":1291,"claims":7,"redeemed":3},
                 "codePool":{"available":40,"assigned":45,"voided":0,"lowStock":true,"shortfall":15}}""");
    }

    private static String row(String body, String day) {
        Matcher m = Pattern.compile("<th scope=\"row\">" + day + "</th>\\s*<td class=\"num\">([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td>").matcher(body);
        return m.find() ? m.group(1) + "|" + m.group(2) : "missing";
    }

    @Test
    void theFunnelAndTheDaysAreChartsAndTablesWithTheServicesNumbers() {
        PartnerFixtures.offers(SERVICES);
        figures();
        Traffic browser = signedIn(TestKeycloak.PARTNER, "/workspace/partner/offers");

        Traffic.Answer page = browser.get(SITE + PAGE + "?from=2026-12-01&to=2026-12-04");

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Figures", "Green loan rebate", "From page view to redemption, 2026-12-01 to 2026-12-04",
                "<svg class=\"funnel-chart\"", "<svg class=\"day-chart\"", "viewBox=\"0 0 40.0 100.0\"",
                "value=\"2026-12-01\"", "value=\"2026-12-04\"", "55 of 100 left", "26.7%", "running low", "Tallest bar: 1,234");
        assertThat(body).containsPattern("Page views</span></th>\\s*<td class=\"num\">1,291</td>\\s*<td class=\"num\">100%</td>")
                .containsPattern("Claims</span></th>\\s*<td class=\"num\">7</td>\\s*<td class=\"num\">0.5%</td>")
                .containsPattern("Redeemed</span></th>\\s*<td class=\"num\">3</td>\\s*<td class=\"num\">0.2%</td>");
        assertThat(row(body, "2026-12-01")).isEqualTo("40|2");
        assertThat(row(body, "2026-12-02")).isEqualTo("17|0");
        assertThat(row(body, "2026-12-03")).isEqualTo("1,234|5");
        assertThat(row(body, "2026-12-04")).isEqualTo("0|0");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(FIGURES)).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(FIGURES + "?from=2026-12-01&to=2026-12-04");
            assertThat(call.authorization()).startsWith("Bearer ");
        });

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("由瀏覽到兌換，2026-12-01 至 2026-12-04", "頁面瀏覽", "每日頁面瀏覽及領取");
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().equals(FIGURES));
    }

    @Test
    void aRangeTheServiceRefusesIsExplainedBesideTheForm() {
        PartnerFixtures.offers(SERVICES);
        SERVICES.answer("GET", FIGURES, 400, """
                {"type":"https://esg-one.hk/problems/validation","title":"Invalid request","status":400,
                 "errors":[{"field":"from","message":"from must be a date such as 2026-05-01."}]}""");
        Traffic browser = signedIn(TestKeycloak.PARTNER, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE + "?from=2026-13-45&to=%E2%80%AE%00");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Choose a start and an end date", "value=\"2026-13-45\"", "aria-invalid=\"true\"")
                .doesNotContain("funnel-chart", "\u202E");
    }

    @Test
    void anotherPartnersOfferIsTheServicesNotFound() {
        PartnerFixtures.offers(SERVICES);
        SERVICES.problem(PartnerFixtures.OFFERS + "/off-not-ours", 404, "not-found");
        SERVICES.problem(PartnerFixtures.OFFERS + "/off-not-ours/figures", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.PARTNER_2, "/workspace/partner/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/partner/offers/off-not-ours/figures?from=2026-12-01&to=2026-12-04");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("funnel-chart");
    }

    @Test
    void someoneWhoIsNoPartnerIsRefused() {
        Traffic browser = signedIn(TestKeycloak.SME, "/");
        SERVICES.reset();

        assertThat(browser.get(SITE + PAGE).status()).isEqualTo(403);
        assertThat(SERVICES.calls()).isEmpty();
    }
}
