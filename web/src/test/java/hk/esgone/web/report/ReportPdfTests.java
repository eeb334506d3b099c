package hk.esgone.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import hk.esgone.web.support.Bilingual;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PDF as a reader gets it: it opens, its text (as PDFBox extracts it) names the company in both languages, the
 * level and the scores, the carbon totals, percentiles or "not available", the link; its QR code decodes to that
 * link. The Chinese one needs the CJK font: skipped only when the font file is absent outside CI.
 */
class ReportPdfTests {

    static final Path FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    static final String SUMMARY = """
            {"assessmentId":"asm-abc123def456","companyId":"cmp-green-pack","year":2025,"submittedAt":"2026-03-01T04:00:00Z",
             "overall":62.5,"level":"SILVER","levelTitle":{"en":"Silver","zhHant":"銀級"},
             "levelRule":{"en":"GOLD needs every pillar ≥ 55; S is 48.0 → SILVER","zhHant":"金級須每個範疇 ≥ 55；社會為 48.0 → 銀級"},
             "pillars":[{"pillar":"E","title":{"en":"Environmental","zhHant":"環境"},"score":71.5},
                        {"pillar":"S","title":{"en":"Social","zhHant":"社會"},"score":48.0},
                        {"pillar":"G","title":{"en":"Governance","zhHant":"管治"},"score":66.0}],
             "topics":[{"code":"E1","pillar":"E","title":{"en":"Energy use","zhHant":"能源使用"},"score":80.0},
                       {"code":"E2","pillar":"E","title":{"en":"Waste and recycling","zhHant":"廢物及回收"},"score":null},
                       {"code":"S1","pillar":"S","title":{"en":"Health and safety","zhHant":"健康與安全"},"score":48.0}],
             "carbon":{"factorSet":"hk-2025","scope1Tonnes":1.234,"scope2Tonnes":10.500,"totalTonnes":11.734,
                       "tonnesPerEmployee":0.587,"tonnesPerMillionHkd":null,
                       "lines":[{"activity":{"en":"Electricity (CLP)","zhHant":"電力（中電）"},"scope":2,"amount":21000,"unit":"kWh","kgCo2e":10500.0}]}}
            """;

    static ScorecardReport report(String verifyUrl) {
        return ScorecardReport.of(JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build().readTree(SUMMARY), new Bilingual("Green Pack Ltd", "綠色包裝有限公司"), verifyUrl,
                "https://esg-one.hk/companies/cmp-green-pack", null);
    }

    static ReportPdf pdf(Path font) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/report");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ReportPdf(new CjkFont(new ReportProperties(font)), messages);
    }

    static boolean fontRequired() {
        return "true".equals(System.getenv("CI"));
    }

    @Test
    void theEnglishPdfNamesTheCompanyInBothLanguagesWithLevelScoresCarbonAndTheBadgeLink() throws IOException {
        assumeTrue(Files.isReadable(FONT) || fontRequired(), "the CJK font is not installed (fonts-noto-cjk)");
        byte[] bytes = pdf(FONT).render(report("https://esg-one.hk/badges/bdg-good1"), "en");

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Green Pack Ltd", "綠色包裝有限公司", "ESG scorecard 2025", "Silver", "62.5 / 100")
                    .contains("Environmental", "71.5", "Social", "48.0", "Governance", "66.0")
                    .contains("GOLD needs every pillar ≥ 55; S is 48.0 → SILVER")
                    .contains("Energy use", "80.0", "Waste and recycling", "n/a")
                    .contains("Percentile among peers", "not available")
                    .contains("Electricity (CLP)", "21,000 kWh", "10,500.0", "11.734 t CO2e", "0.587 t CO2e", "not known")
                    .contains("https://esg-one.hk/badges/bdg-good1", "Check this company's e-badge");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(links(document)).contains("https://esg-one.hk/badges/bdg-good1");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 110);
            assertThat(qr(page)).isEqualTo("https://esg-one.hk/badges/bdg-good1");
            shots(document, "report-en");
        }
        // only the characters used are embedded: far below the 16 MB of the whole font
        assertThat(bytes.length).isLessThan(400_000);
    }

    @Test
    void theChinesePdfIsInChineseWithTheChineseNameAndPointsToTheProfileWithoutABadge() throws IOException {
        assumeTrue(Files.isReadable(FONT) || fontRequired(), "the CJK font is not installed (fonts-noto-cjk)");
        byte[] bytes = pdf(FONT).render(report(null), "zh-Hant");

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("綠色包裝有限公司", "Green Pack Ltd", "2025 年 ESG 評分卡", "銀級", "62.5 / 100")
                    .contains("環境", "社會", "管治", "能源使用", "不適用", "同業百分位", "暫未提供")
                    .contains("電力（中電）", "11.734 公噸二氧化碳當量", "不詳")
                    .contains("https://esg-one.hk/companies/cmp-green-pack", "此公司在 ESG One 的簡介");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-Hant");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 110);
            assertThat(qr(page)).isEqualTo("https://esg-one.hk/companies/cmp-green-pack");
            shots(document, "report-zh-Hant");
        }
    }

    @Test
    void percentilesAreShownWhenTheServiceHasThem() throws IOException {
        assumeTrue(Files.isReadable(FONT) || fontRequired(), "the CJK font is not installed (fonts-noto-cjk)");
        ScorecardReport base = report(null);
        ScorecardReport withPeers = new ScorecardReport(base.assessmentId(), base.companyId(), base.companyName(), base.year(),
                base.submittedAt(), base.overall(), base.level(), base.levelTitle(), base.levelRule(), base.pillars(), base.topics(),
                base.carbon(), null, base.profileUrl(), new ScorecardReport.Percentiles(new java.math.BigDecimal("81.5"), null,
                        new java.math.BigDecimal("40.0"), new java.math.BigDecimal("62.0")));

        try (PDDocument document = Loader.loadPDF(pdf(FONT).render(withPeers, "en"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("81.5th percentile", "40.0th percentile", "62.0th percentile")
                    .doesNotContain("Percentile among peers\nnot available");
        }
    }

    @Test
    void withoutTheFontTheEnglishPdfStillWorksAndTheChineseOneIsRefused() throws IOException {
        ReportPdf pdf = pdf(Path.of("/nonexistent/NotoSansCJK-Regular.ttc"));

        try (PDDocument document = Loader.loadPDF(pdf.render(report(null), "en"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Green Pack Ltd", "Silver", "62.5 / 100", "11.734 t CO2e").doesNotContain("綠色包裝有限公司");
        }
        assertThat(pdf.canRender("zh-Hant")).isFalse();
        assertThatThrownBy(() -> pdf.render(report(null), "zh-Hant")).isInstanceOf(ReportPdf.FontMissing.class);
    }

    @Test
    void theDownloadNameIsAsciiWithTheCompanysEnglishName() {
        assertThat(report(null).fileStem()).isEqualTo("esg-scorecard-green-pack-ltd-2025");
        ScorecardReport base = report(null);
        ScorecardReport chineseOnly = new ScorecardReport(base.assessmentId(), "cmp-green-pack", new Bilingual(null, "綠色包裝"),
                2025, null, base.overall(), base.level(), base.levelTitle(), base.levelRule(), base.pillars(), base.topics(),
                base.carbon(), null, base.profileUrl(), null);
        assertThat(chineseOnly.fileStem()).isEqualTo("esg-scorecard-cmp-green-pack-2025");
    }

    private static java.util.List<String> links(PDDocument document) throws IOException {
        java.util.List<String> uris = new java.util.ArrayList<>();
        for (var annotation : document.getPage(document.getNumberOfPages() - 1).getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                uris.add(uri.getURI());
            }
        }
        return uris;
    }

    private static String qr(BufferedImage page) {
        try {
            int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(),
                    page.getHeight(), pixels)))).getText();
        } catch (com.google.zxing.ReaderException e) {
            return null;
        }
    }

    /** Every page as PNG, for a person to look at ({@code -Dreport.shots=<dir>}; target/report-shots otherwise). */
    private static void shots(PDDocument document, String name) throws IOException {
        Path dir = Path.of(System.getProperty("report.shots", "target/report-shots"));
        Files.createDirectories(dir);
        for (int i = 0; i < document.getNumberOfPages(); i++) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(i, 110), "png", dir.resolve(name + "-p" + (i + 1) + ".png").toFile());
        }
    }
}
