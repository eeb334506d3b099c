package hk.esgone.web.offers.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.PageTest;

class OfferPagesTests extends PageTest {

    @Test
    void theCatalogueShowsOffersWithPartnerNamesAndPlacesLeft() {
        SERVICES.json("/api/v1/offers/catalogue", "{\"items\":[" + Fixtures.OFFER + "],\"nextCursor\":\"NEXT\"}");
        SERVICES.json("/api/v1/directory/companies/cmp-demo-partner", Fixtures.company("cmp-demo-partner", "Green Bank"));

        String html = page("/offers?category=LOGISTICS&type=NOT_A_TYPE", 200);

        assertThat(html).contains("HK$500 off green freight", "Green Bank", "Logistics", "12 of 20 places left", "Conditions apply")
                .contains("href=\"/offers?category=LOGISTICS&amp;cursor=NEXT\"");
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().startsWith("/api/v1/offers/catalogue?category=LOGISTICS&limit=24"));
    }

    @Test
    void anOfferPageExplainsWhoCanClaimInWordsAndAsksVisitorsToSignIn() {
        SERVICES.json("/api/v1/offers/catalogue/off-green-freight", Fixtures.OFFER);
        SERVICES.json("/api/v1/badges/achievements/ach-esg-one", "{\"id\":\"ach-esg-one\",\"name\":{\"en\":\"ESG One e-Badge\",\"zhHant\":\"ESG One 電子徽章\"}}");

        String html = page("/offers/off-green-freight", 200);
        String chinese = page("/offers/off-green-freight", 200, "zh-HK");

        assertThat(html).contains("Requires the ESG One e-Badge", "HKD 500", "Bookings of HK$3,000 or more.", "At most 2 claim(s)",
                "Sign in to claim", "href=\"/sign-in?next=/offers/off-green-freight\"");
        assertThat(chinese).contains("須持有 ESG One 電子徽章", "登入以領取", "2026-12-01 至 2027-12-01");
    }

    @Test
    void anUnknownOfferIsNotFoundAndAnExpiredPageLinkIsExplained() {
        assertThat(page("/offers/off-not-there", 404)).contains("Page not found");
        SERVICES.problem("/api/v1/offers/catalogue", 400, "invalid-cursor");
        assertThat(page("/offers?cursor=forged", 400)).contains("This page link has expired");
    }

    @Test
    void theEmptyCatalogueSaysSo() {
        SERVICES.json("/api/v1/offers/catalogue", "{\"items\":[]}");
        assertThat(page("/offers?q=nothing", 200)).contains("No offer matches", "See all offers");
    }
}
