package hk.esgone.web.partner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.TestBrowser;

/**
 * A partner's code pool, claims and figures pages in headless Chromium, in both languages, 1280 and 360 px wide:
 * nothing overflows sideways on a phone and axe-core finds nothing serious or critical. Screenshots go to
 * {@code -Dpartner.shots=<dir>} (target/partner-shots otherwise).
 */
class PartnerPagesBrowserIntegrationTests extends SignedInPageTest {

    private TestBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = TestBrowser.start("partner.shots");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCodePoolClaimsAndFiguresPagesFitAPhoneAndPassAxeInBothLanguages() throws IOException {
        PartnerFixtures.offers(SERVICES);
        PartnerClaimsPagesIntegrationTests.claims();
        PartnerFiguresPagesIntegrationTests.figures();
        browser.signIn(SITE, "/workspace/partner/offers", TestKeycloak.PARTNER);

        for (String lang : List.of("en", "zh-Hant")) {
            browser.driver().get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                browser.look(SITE + "/workspace/partner/offers/off-green-loan/codes", "codes", lang, width, null);
                browser.look(SITE + PartnerClaimsPagesIntegrationTests.PAGE, "claims", lang, width, null);
                browser.look(SITE + PartnerFiguresPagesIntegrationTests.PAGE + "?from=2026-12-01&to=2026-12-04", "figures", lang, width, null);
            }
        }
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }
}
