package hk.esgone.web.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import hk.esgone.web.support.PageLocales;

/**
 * The scorecard as an A4 PDF, in English or Traditional Chinese: the company's names in both languages, year, level
 * and why, overall and pillar scores with a radar chart drawn with PDF path operators, peer percentiles (or "not
 * available"), topic scores, the carbon footprint (activity lines in the company's own report) and a link with a QR
 * code to the badge verification page, else the public profile. Labels come from the {@code report} message bundle.
 * Text is drawn with {@link CjkFont} when it is installed; without it, the English PDF falls back to Helvetica (and
 * leaves out the Chinese name), and the Chinese one cannot be made ({@link FontMissing}).
 */
@Component
public class ReportPdf {

    /** The Chinese PDF needs the CJK font and it is not installed. */
    public static final class FontMissing extends RuntimeException {

        public FontMissing() {
            super("CJK font missing", null, false, false);
        }
    }

    private static final float MARGIN = 48;
    private static final float[] GREEN = {0.06f, 0.40f, 0.26f};
    private static final float[] INK = {0.12f, 0.14f, 0.16f};
    private static final float[] QUIET = {0.36f, 0.39f, 0.42f};
    private static final float[] RULE = {0.80f, 0.83f, 0.85f};

    private final CjkFont cjk;
    private final MessageSource messages;

    ReportPdf(CjkFont cjk, MessageSource messages) {
        this.cjk = cjk;
        this.messages = messages;
    }

    /** Whether the PDF can be made in {@code lang} on this server. */
    public boolean canRender(String lang) {
        return !"zh-Hant".equals(lang) || cjk.available();
    }

    /** The PDF in {@code lang} ({@code en} or {@code zh-Hant}). */
    public byte[] render(ScorecardReport report, String lang) throws IOException {
        if (!canRender(lang)) {
            throw new FontMissing();
        }
        Locale locale = "zh-Hant".equals(lang) ? PageLocales.CHINESE : PageLocales.ENGLISH;
        try (PDDocument document = new PDDocument()) {
            Ink ink = cjk.available() ? new GlyphInk(new GlyphFonts(document, cjk)) : new HelveticaInk();
            Writer w = new Writer(document, ink, locale, lang);
            w.compose(report);
            w.close();
            if (ink instanceof GlyphInk glyphs) {
                glyphs.fonts.finish();
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.companyName().in(lang) + " — " + w.text("report.pdf.title", String.valueOf(report.year())));
            info.setCreator("ESG One");
            document.getDocumentCatalog().setLanguage(lang);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** How text is measured and drawn. */
    private interface Ink {

        float width(String text, float size);

        void show(PDPageContentStream content, String text, float size) throws IOException;

        boolean canShow(String text);
    }

    /** With the embedded CJK outlines: any language. */
    private record GlyphInk(GlyphFonts fonts) implements Ink {

        @Override
        public float width(String text, float size) {
            return fonts.width(text, size);
        }

        @Override
        public void show(PDPageContentStream content, String text, float size) throws IOException {
            fonts.show(content, text, size);
        }

        @Override
        public boolean canShow(String text) {
            return fonts.canShow(text);
        }
    }

    /** Without the CJK font: Helvetica (WinAnsi); characters it lacks become "?". */
    private static final class HelveticaInk implements Ink {

        private final PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        @Override
        public float width(String text, float size) {
            try {
                return font.getStringWidth(plain(text)) * size / 1000f;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void show(PDPageContentStream content, String text, float size) throws IOException {
            content.setFont(font, size);
            content.showText(plain(text));
        }

        @Override
        public boolean canShow(String text) {
            return text.codePoints().allMatch(this::encodable);
        }

        private String plain(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> out.append(Character.isWhitespace(cp) ? " " : encodable(cp) ? Character.toString(cp) : "?"));
            return out.toString();
        }

        private boolean encodable(int cp) {
            try {
                font.encode(Character.toString(cp));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }

    /** Writes the report top to bottom, starting a new page when the next block does not fit. */
    private final class Writer {

        private final PDDocument document;
        private final Ink ink;
        private final Locale locale;
        private final String lang;
        private PDPage page;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, Ink ink, Locale locale, String lang) throws IOException {
            this.document = document;
            this.ink = ink;
            this.locale = locale;
            this.lang = lang;
            newPage();
        }

        String text(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        void compose(ScorecardReport r) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            // heading band
            fill(GREEN);
            content.addRect(0, PDRectangle.A4.getHeight() - 28, PDRectangle.A4.getWidth(), 28);
            content.fill();
            write(MARGIN, PDRectangle.A4.getHeight() - 19, "ESG One · " + text("report.pdf.title", String.valueOf(r.year())), 10, new float[] {1, 1, 1});
            y = PDRectangle.A4.getHeight() - 70;
            String other = "zh-Hant".equals(lang) ? "en" : "zh-Hant";
            // names as long as a company's can be: wrapped, never past the margin
            for (String line : wrap(r.companyName().in(lang), 20, width)) {
                write(MARGIN, y, line, 20, INK);
                y -= 24;
            }
            String otherName = r.companyName().in(other);
            if (!otherName.equals(r.companyName().in(lang)) && ink.canShow(otherName)) {
                for (String line : wrap(otherName, 13, width)) {
                    write(MARGIN, y, line, 13, QUIET);
                    y -= 17;
                }
                y -= 3;
            }
            write(MARGIN, y, text("report.pdf.year", String.valueOf(r.year())) + "   ·   " + text("report.pdf.companyId", r.companyId()), 9, QUIET);
            y -= 34;

            // level and overall score on the left, the radar on the right
            float top = y;
            write(MARGIN, y, text("report.pdf.level"), 10, QUIET);
            y -= 24;
            write(MARGIN, y, r.levelTitle().in(lang), 22, GREEN);
            y -= 30;
            write(MARGIN, y, text("report.pdf.overall"), 10, QUIET);
            y -= 24;
            write(MARGIN, y, text("report.pdf.outOf", number(r.overall())), 22, INK);
            y -= 28;
            for (String code : List.of("E", "S", "G")) {
                ScorecardReport.Pillar pillar = r.pillars().stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
                if (pillar != null) {
                    write(MARGIN, y, pillar.title().in(lang), 11, INK);
                    writeRight(MARGIN + 190, y, number(pillar.score()), 11, INK);
                    y -= 16;
                }
            }
            radar(r, MARGIN + 360, top - 95, 78);
            y = Math.min(y, top - 190) - 4;

            // why this level
            heading(text("report.pdf.why"));
            paragraph(r.levelRule().in(lang), 10, width);
            y -= 6;

            // percentiles
            heading(text("report.pdf.percentiles"));
            ScorecardReport.Percentiles p = r.percentiles();
            if (p == null) {
                paragraph(text("report.pdf.notAvailable"), 10, width);
            } else {
                row(new String[] {text("report.pdf.environmental"), text("report.pdf.social"), text("report.pdf.governance"),
                        text("report.pdf.overallShort")}, new float[] {0, 130, 260, 390}, 10, QUIET, false);
                row(new String[] {percent(p.environmental()), percent(p.social()), percent(p.governance()), percent(p.overall())},
                        new float[] {0, 130, 260, 390}, 11, INK, false);
            }
            y -= 6;

            // topics
            heading(text("report.pdf.topics"));
            float[] topicColumns = {0, 330, width};
            row(new String[] {text("report.pdf.topic"), text("report.pdf.pillar"), text("report.pdf.score")}, topicColumns, 9, QUIET, true);
            for (ScorecardReport.Topic t : r.topics()) {
                String pillarTitle = r.pillars().stream().filter(x -> x.code().equals(t.pillar())).map(x -> x.title().in(lang))
                        .findFirst().orElse(t.pillar());
                row(new String[] {t.title().in(lang), pillarTitle, t.score() == null ? text("report.pdf.notApplicable") : number(t.score())},
                        topicColumns, 10, INK, true);
            }
            y -= 6;

            // carbon
            heading(text("report.pdf.carbon"));
            ScorecardReport.Carbon c = r.carbon();
            if (!c.lines().isEmpty()) {
                float[] columns = {0, 250, 310, width};
                row(new String[] {text("report.pdf.activity"), text("report.pdf.scope"), text("report.pdf.amount"), text("report.pdf.kg")},
                        columns, 9, QUIET, true);
                for (ScorecardReport.CarbonLine line : c.lines()) {
                    row(new String[] {line.activity().in(lang), String.valueOf(line.scope()),
                            number(line.amount()) + (line.unit() == null ? "" : " " + line.unit()), number(line.kgCo2e())},
                            columns, 10, INK, true);
                }
                y -= 4;
            }
            float[] totals = {0, width};
            row(new String[] {text("report.pdf.scope1"), tonnes(c.scope1Tonnes())}, totals, 10, INK, true);
            row(new String[] {text("report.pdf.scope2"), tonnes(c.scope2Tonnes())}, totals, 10, INK, true);
            row(new String[] {text("report.pdf.total"), tonnes(c.totalTonnes())}, totals, 11, GREEN, true);
            row(new String[] {text("report.pdf.perEmployee"), c.tonnesPerEmployee() == null ? text("report.pdf.unknown")
                    : tonnes(c.tonnesPerEmployee())}, totals, 10, INK, true);
            row(new String[] {text("report.pdf.perMillion"), c.tonnesPerMillionHkd() == null ? text("report.pdf.unknown")
                    : tonnes(c.tonnesPerMillionHkd())}, totals, 10, INK, true);
            if (c.factorSet() != null) {
                paragraph(text("report.pdf.factors", c.factorSet()), 8, width);
            }
            y -= 10;

            // where to check it, with a QR code
            need(120);
            String link = r.verifyUrl() != null ? r.verifyUrl() : r.profileUrl();
            qr(link, MARGIN, y - 96, 96);
            float textX = MARGIN + 110;
            write(textX, y - 14, text(r.verifyUrl() != null ? "report.pdf.verify" : "report.pdf.profile"), 10, INK);
            write(textX, y - 30, link, 9, GREEN);
            linkAnnotation(link, textX, y - 33, ink.width(link, 9), 12);
            float ty = y - 50;
            for (String line : wrap(text("report.pdf.selfAssessed"), 8, width - 110)) {
                write(textX, ty, line, 8, QUIET);
                ty -= 11;
            }
            if (r.submittedAt() != null) {
                write(textX, ty - 2, text("report.pdf.submitted", r.submittedAt().format(DateTimeFormatter.ISO_LOCAL_DATE)), 8, QUIET);
            }
            y -= 110;
        }

        private void radar(ScorecardReport r, float cx, float cy, float radius) throws IOException {
            String[] codes = {"E", "S", "G"};
            double[] angles = {90, 330, 210};
            stroke(RULE);
            content.setLineWidth(0.6f);
            for (int ring = 1; ring <= 4; ring++) {
                float rr = radius * ring / 4f;
                for (int i = 0; i <= 3; i++) {
                    double a = Math.toRadians(angles[i % 3]);
                    float x = cx + rr * (float) Math.cos(a);
                    float yy = cy + rr * (float) Math.sin(a);
                    if (i == 0) {
                        content.moveTo(x, yy);
                    } else {
                        content.lineTo(x, yy);
                    }
                }
                content.stroke();
            }
            for (double angle : angles) {
                content.moveTo(cx, cy);
                content.lineTo(cx + radius * (float) Math.cos(Math.toRadians(angle)), cy + radius * (float) Math.sin(Math.toRadians(angle)));
                content.stroke();
            }
            // the company's polygon: translucent fill, solid edge
            for (int i = 0; i <= 3; i++) {
                BigDecimal score = r.pillarScore(codes[i % 3]);
                float value = score == null ? 0 : Math.max(0, Math.min(100, score.floatValue()));
                double a = Math.toRadians(angles[i % 3]);
                float x = cx + radius * value / 100f * (float) Math.cos(a);
                float yy = cy + radius * value / 100f * (float) Math.sin(a);
                if (i == 0) {
                    content.moveTo(x, yy);
                } else {
                    content.lineTo(x, yy);
                }
            }
            content.closePath();
            content.saveGraphicsState();
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(0.35f);
            content.setGraphicsStateParameters(translucent);
            fill(GREEN);
            stroke(GREEN);
            content.setLineWidth(1.6f);
            content.fillAndStroke();
            content.restoreGraphicsState();
            for (int i = 0; i < 3; i++) {
                String code = codes[i];
                String label = r.pillars().stream().filter(p -> p.code().equals(code)).map(p -> p.title().in(lang) + " " + number(p.score()))
                        .findFirst().orElse(code);
                double a = Math.toRadians(angles[i]);
                float lx = cx + (radius + 10) * (float) Math.cos(a);
                float ly = cy + (radius + 10) * (float) Math.sin(a);
                float w = ink.width(label, 9);
                float x = i == 0 ? lx - w / 2 : i == 1 ? lx : lx - w;
                write(x, i == 0 ? ly + 2 : ly - 12, label, 9, INK);
            }
        }

        private void qr(String link, float x, float yy, float size) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(link, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                                EncodeHintType.CHARACTER_SET, "UTF-8"));
            } catch (WriterException e) {
                throw new IOException("cannot make the QR code", e);
            }
            float module = size / matrix.getWidth();
            fill(INK);
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        content.addRect(x + col * module, yy + size - (row + 1) * module, module, module);
                    }
                }
            }
            content.fill();
            linkAnnotation(link, x, yy, size, size);
        }

        private void linkAnnotation(String link, float x, float yy, float w, float h) throws IOException {
            PDAnnotationLink annotation = new PDAnnotationLink();
            annotation.setRectangle(new PDRectangle(x, yy, w, h));
            PDActionURI action = new PDActionURI();
            action.setURI(link);
            annotation.setAction(action);
            annotation.setBorderStyle(new org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary());
            annotation.getBorderStyle().setWidth(0);
            page.getAnnotations().add(annotation);
        }

        private void heading(String title) throws IOException {
            y -= 6;
            need(50);
            write(MARGIN, y, title, 13, GREEN);
            y -= 8;
            stroke(RULE);
            content.setLineWidth(0.6f);
            content.moveTo(MARGIN, y);
            content.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
            content.stroke();
            y -= 16;
        }

        private void paragraph(String text, float size, float width) throws IOException {
            for (String line : wrap(text, size, width)) {
                need(size + 6);
                write(MARGIN, y, line, size, INK);
                y -= size + 4;
            }
        }

        /** A table row: the first column left-aligned (wrapped), the last right-aligned at its position, others left. */
        private void row(String[] cells, float[] columns, float size, float[] colour, boolean lastRight) throws IOException {
            float firstWidth = (columns.length > 1 ? columns[1] : PDRectangle.A4.getWidth() - 2 * MARGIN) - 12;
            List<String> first = wrap(cells[0], size, firstWidth);
            need(first.size() * (size + 4) + 4);
            for (int i = 0; i < first.size(); i++) {
                write(MARGIN, y - i * (size + 4), first.get(i), size, colour);
            }
            for (int c = 1; c < cells.length; c++) {
                if (c == cells.length - 1 && lastRight) {
                    writeRight(MARGIN + columns[c], y, cells[c], size, colour);
                } else {
                    write(MARGIN + columns[c], y, cells[c], size, colour);
                }
            }
            y -= first.size() * (size + 4) + 3;
        }

        private List<String> wrap(String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            // a word is a run of Latin letters or digits; every CJK character may end a line
            for (String token : text.split("(?<=\\s)|(?=\\s)|(?<=[\\p{IsHan}\\p{IsPunctuation}])|(?=\\p{IsHan})")) {
                String tentative = line + token;
                if (ink.width(tentative, size) > width && !line.toString().isBlank()) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                    if (token.isBlank()) {
                        continue;
                    }
                }
                line.append(token);
            }
            if (!line.toString().isBlank()) {
                lines.add(line.toString().strip());
            }
            return lines;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
                y = PDRectangle.A4.getHeight() - MARGIN;
            }
        }

        private void write(float x, float yy, String text, float size, float[] colour) throws IOException {
            fill(colour);
            content.beginText();
            content.newLineAtOffset(x, yy);
            ink.show(content, text, size);
            content.endText();
        }

        private void writeRight(float right, float yy, String text, float size, float[] colour) throws IOException {
            write(right - ink.width(text, size), yy, text, size, colour);
        }

        private void fill(float[] c) throws IOException {
            content.setNonStrokingColor(c[0], c[1], c[2]);
        }

        private void stroke(float[] c) throws IOException {
            content.setStrokingColor(c[0], c[1], c[2]);
        }

        /** Grouped for the reader's locale, with the decimals the service gave (62.5, 10.500, 21,000). */
        private String number(BigDecimal value) {
            if (value == null) {
                return "—";
            }
            java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
            int scale = Math.max(0, value.scale());
            format.setMinimumFractionDigits(scale);
            format.setMaximumFractionDigits(scale);
            format.setRoundingMode(java.math.RoundingMode.HALF_UP);
            return format.format(value);
        }

        private String tonnes(BigDecimal value) {
            return text("report.pdf.tonnes", number(value));
        }

        private String percent(BigDecimal value) {
            return value == null ? text("report.pdf.notAvailable") : text("report.pdf.percentile", number(value));
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            content.close();
        }
    }
}
