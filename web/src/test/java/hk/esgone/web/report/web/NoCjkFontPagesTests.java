package hk.esgone.web.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import hk.esgone.web.support.PageTest;

/** A server without the CJK font: the English PDF still comes, the Chinese one is a page that says why. */
@TestPropertySource(properties = "esg.web.report.cjk-font=/nonexistent/NotoSansCJK-Regular.ttc")
class NoCjkFontPagesTests extends PageTest {

    @Test
    void theEnglishPdfStillWorksAndTheChineseOneExplainsItself() throws IOException {
        SERVICES.json(ScorecardPagesTests.SHARED, ScorecardPagesTests.SUMMARY);
        SERVICES.json("/api/v1/directory/companies/cmp-green-pack", ScorecardPagesTests.PROFILE);

        byte[] english = web.get().uri("/scorecards/" + ScorecardPagesTests.ID + "/report.pdf?lang=en").exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument pdf = Loader.loadPDF(english)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Green Pack Ltd", "Silver", "62.5 / 100");
        }

        String chinese = page("/scorecards/" + ScorecardPagesTests.ID + "/report.pdf?lang=zh-Hant", 503, "zh-Hant");
        assertThat(chinese).contains("未能提供中文 PDF", "href=\"/scorecards/" + ScorecardPagesTests.ID + "/report.pdf?lang=en\"");
        assertThat(page("/scorecards/" + ScorecardPagesTests.ID + "/report.pdf?lang=zh-Hant", 503))
                .contains("Chinese PDF not available", "Download the English PDF");
    }
}
