package hk.esgone.web.assessment.web;

import static hk.esgone.web.assessment.web.AssessmentFixtures.BASE;
import static hk.esgone.web.assessment.web.AssessmentFixtures.ID;
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
 * The evidence page, a wizard question with evidence and staff's review queue in headless Chromium, in both languages,
 * 1280 and 360 px wide: nothing overflows sideways on a phone, no serious or critical axe-core finding. Screenshots go
 * to {@code -Devidence.shots=<dir>} (target/evidence-shots otherwise) for a person to look at.
 */
class EvidencePagesBrowserIntegrationTests extends SignedInPageTest {

    private TestBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = TestBrowser.start("evidence.shots");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theEvidencePageAndTheWizardQuestionFitAPhoneInBothLanguages() throws IOException {
        SERVICES.json(BASE + "/questionnaire", "version=41", EvidencePagesIntegrationTests.QUESTIONNAIRE);
        SERVICES.json(BASE + "/" + ID, EvidencePagesIntegrationTests.draft("""
                {"questionId":"E01","value":true,"unit":null,"notApplicable":false,"reason":null,"evidence":{"sha256":"%s",
                 "fileName":"2025 柴油收據 diesel-receipts-scan-from-the-office-printer.pdf","size":1288490,"contentType":"application/pdf"},
                 "revision":2,"cleared":false,"updatedAt":"2026-11-02T06:30:00Z"}""".formatted(EvidencePagesIntegrationTests.SHA)));
        browser.signIn(SITE, "/account", TestKeycloak.SME);

        for (String lang : List.of("en", "zh-Hant")) {
            browser.driver().get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                browser.look(SITE + "/workspace/assessment/" + ID + "/evidence/E01", "evidence-page", lang, width, null);
                browser.look(SITE + "/workspace/assessment/" + ID, "wizard-question", lang, width, "q-E01");
            }
        }
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void theReviewQueueFitsAPhoneInBothLanguages() throws IOException {
        EvidenceReviewPagesIntegrationTests.queue();
        browser.signIn(SITE, "/account", TestKeycloak.ADMIN);

        for (String lang : List.of("en", "zh-Hant")) {
            browser.driver().get(SITE + "/lang/" + lang + "?next=/");
            for (int width : List.of(1280, 360)) {
                browser.look(SITE + "/workspace/admin/evidence", "review-queue", lang, width, null);
            }
        }
        assertThat(browser.axeFindings()).as("serious or critical accessibility violations").isEmpty();
    }
}
