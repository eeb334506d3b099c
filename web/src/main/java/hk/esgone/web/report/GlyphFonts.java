package hk.esgone.web.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType3Font;

/**
 * Text drawn with {@link CjkFont}'s outlines as embedded Type 3 fonts: each character used becomes one glyph
 * procedure (so only those are embedded, a few kilobytes each), up to 255 per font, and each font carries a
 * ToUnicode map so the text can be searched, copied and read by screen readers and {@code PDFTextStripper}.
 * Glyphs take the current fill colour ({@code d1}). One instance per document.
 */
final class GlyphFonts {

    private static final int CODES_PER_FONT = 255;

    private final PDDocument document;
    private final CjkFont source;
    private final List<Slot> fonts = new ArrayList<>();
    private final Map<Integer, Placed> placed = new LinkedHashMap<>();

    private record Placed(Slot slot, int code, float advance) {
    }

    GlyphFonts(PDDocument document, CjkFont source) {
        this.document = document;
        this.source = source;
    }

    /** Whether every character of {@code text} has a glyph (else it would be left out). */
    boolean canShow(String text) {
        return text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || source.glyph(cp) != null);
    }

    float width(String text, float size) {
        float width = 0;
        for (int cp : text.codePoints().toArray()) {
            Placed p = place(cp);
            width += p == null ? 0 : p.advance();
        }
        return width * size / 1000f;
    }

    /** Shows {@code text} from the current text position, switching fonts between runs as needed. */
    void show(PDPageContentStream content, String text, float size) throws IOException {
        Slot current = null;
        StringBuilder run = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            Placed p = place(cp);
            if (p == null) {
                continue;
            }
            if (p.slot() != current) {
                if (current != null) {
                    current.show(content, run.toString(), size);
                }
                current = p.slot();
                run.setLength(0);
            }
            run.append((char) p.code());
        }
        if (current != null) {
            current.show(content, run.toString(), size);
        }
    }

    /** Writes each font's character widths, encoding and ToUnicode map; call once before saving. */
    void finish() throws IOException {
        for (Slot slot : fonts) {
            slot.finish();
        }
    }

    private Placed place(int codePoint) {
        int cp = Character.isWhitespace(codePoint) || Character.isISOControl(codePoint) ? ' ' : codePoint;
        Placed known = placed.get(cp);
        if (known != null) {
            return known;
        }
        CjkFont.Glyph glyph = source.glyph(cp);
        if (glyph == null) {
            return null;
        }
        if (fonts.isEmpty() || fonts.getLast().full()) {
            fonts.add(new Slot());
        }
        Slot slot = fonts.getLast();
        Placed p = new Placed(slot, slot.add(cp, glyph), glyph.advance());
        placed.put(cp, p);
        return p;
    }

    /** One Type 3 font of up to 255 glyphs; codes 1..255 in the order characters are first used. */
    private final class Slot {

        private final COSDictionary dictionary = new COSDictionary();
        private final COSDictionary procedures = new COSDictionary();
        private final List<Integer> codePoints = new ArrayList<>();
        private final List<Float> advances = new ArrayList<>();
        private final PDType3Font font;

        Slot() {
            dictionary.setItem(COSName.TYPE, COSName.FONT);
            dictionary.setItem(COSName.SUBTYPE, COSName.getPDFName("Type3"));
            dictionary.setItem(COSName.FONT_MATRIX, numbers(0.001f, 0, 0, 0.001f, 0, 0));
            dictionary.setItem(COSName.FONT_BBOX, numbers(-200, -300, 1200, 1100));
            dictionary.setItem(COSName.CHAR_PROCS, procedures);
            dictionary.setItem(COSName.RESOURCES, new COSDictionary());
            COSDictionary encoding = new COSDictionary();
            encoding.setItem(COSName.TYPE, COSName.ENCODING);
            encoding.setItem(COSName.DIFFERENCES, new COSArray());
            dictionary.setItem(COSName.ENCODING, encoding);
            try {
                font = new Codes(dictionary);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean full() {
            return codePoints.size() == CODES_PER_FONT;
        }

        int add(int codePoint, CjkFont.Glyph glyph) {
            codePoints.add(codePoint);
            advances.add(glyph.advance());
            int code = codePoints.size();
            float[] b = glyph.bounds();
            String procedure = String.format(Locale.ROOT, "%.1f 0 %.1f %.1f %.1f %.1f d1\n", glyph.advance(), b[0], b[1], b[2], b[3])
                    + (glyph.ops().isEmpty() ? "" : glyph.ops() + "f\n");
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(procedure.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            procedures.setItem(COSName.getPDFName(name(code)), stream);
            return code;
        }

        void show(PDPageContentStream content, String codes, float size) throws IOException {
            content.setFont(font, size);
            content.showText(codes);
        }

        void finish() throws IOException {
            int last = codePoints.size();
            dictionary.setInt(COSName.FIRST_CHAR, 1);
            dictionary.setInt(COSName.LAST_CHAR, Math.max(1, last));
            COSArray widths = new COSArray();
            COSArray differences = new COSArray();
            differences.add(COSInteger.get(1));
            for (int i = 0; i < last; i++) {
                widths.add(new COSFloat(advances.get(i)));
                differences.add(COSName.getPDFName(name(i + 1)));
            }
            dictionary.setItem(COSName.WIDTHS, widths);
            ((COSDictionary) dictionary.getDictionaryObject(COSName.ENCODING)).setItem(COSName.DIFFERENCES, differences);
            COSStream toUnicode = document.getDocument().createCOSStream();
            try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(toUnicode().getBytes(StandardCharsets.US_ASCII));
            }
            dictionary.setItem(COSName.TO_UNICODE, toUnicode);
        }

        private String toUnicode() {
            StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
            for (int start = 0; start < codePoints.size(); start += 100) {
                int end = Math.min(codePoints.size(), start + 100);
                cmap.append(end - start).append(" beginbfchar\n");
                for (int i = start; i < end; i++) {
                    cmap.append(String.format(Locale.ROOT, "<%02X> <", i + 1));
                    for (char c : Character.toChars(codePoints.get(i))) {
                        cmap.append(String.format(Locale.ROOT, "%04X", (int) c));
                    }
                    cmap.append(">\n");
                }
                cmap.append("endbfchar\n");
            }
            return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
        }

        private static String name(int code) {
            return "g" + code;
        }

        private static COSArray numbers(float... values) {
            COSArray array = new COSArray();
            for (float v : values) {
                array.add(new COSFloat(v));
            }
            return array;
        }
    }

    /**
     * A Type 3 font whose "text" is already its codes: {@link GlyphFonts} maps characters to codes, so
     * {@code showText} writes each char as the byte it stands for.
     */
    private static final class Codes extends PDType3Font {

        Codes(COSDictionary dictionary) throws IOException {
            super(dictionary);
        }

        @Override
        protected byte[] encode(int unicode) {
            return new byte[] {(byte) unicode};
        }
    }
}
