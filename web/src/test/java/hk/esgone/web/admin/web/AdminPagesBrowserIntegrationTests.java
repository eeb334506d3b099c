package hk.esgone.web.admin.web;

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
 * Staff's badges, badge types, taxonomies and search index pages in headless Chromium, in both languages, 1280 and
 * 360 px wide: nothing overflows sideways on a phone and axe-core finds nothing serious or critical. Screenshots go to
 * {@code -Dadmin.shots=<dir>} (target/admin-shots otherwise).
 */
class AdminPagesBrowserIntegrationTests extends SignedInPageTest {

    private TestBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = TestBrowser.start("admin.shots");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theAdminConsoleFitsAPhoneAndPassesAxeInBothLanguages() throws IOException {
        AdminBadgesPagesIntegrationTests.badges();
        AchievementsPagesIntegrationTests.achievements();
        TaxonomiesPagesIntegrationTests.taxonomies();
        SearchIndexPagesIntegrationTests.status();
        browser.signIn(SITE, "/account", TestKeycloak.ADMIN);

        for (String lang : List.of("en", "zh-Hant")) {
            browser.driver().get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                browser.look(SITE + "/workspace/admin/badges", "badges", lang, width, null);
                browser.look(SITE + "/workspace/admin/achievements", "achievements", lang, width, null);
                browser.look(SITE + "/workspace/admin/achievements/new", "achievement-new", lang, width, null);
                browser.look(SITE + "/workspace/admin/taxonomies", "taxonomies", lang, width, null);
                browser.look(SITE + "/workspace/admin/search", "search", lang, width, null);
            }
        }
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }
}
