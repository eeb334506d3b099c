package hk.esgone.web.report;

import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.cff.CFFType1Font;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The CJK font the PDF draws its text with, read once from the OS ({@code esg.web.report.cjk-font}; Noto Sans CJK,
 * Debian's fonts-noto-cjk). Noto CJK has CFF (PostScript) outlines, which PDFBox 3 can load but not subset, and
 * embedding the whole font would add some 16 MB to every PDF; so the report takes the outline of each character it
 * uses from the font and embeds just those (see {@link GlyphFonts}). Also reads TrueType fonts (.ttf) and
 * collections. When the file is missing, {@link #available()} is false and only the English PDF can be made.
 */
@Component
public class CjkFont implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);
    /** Traditional Chinese as written in Hong Kong first, then Taiwan's, then whatever the file holds. */
    private static final String[] PREFERRED = {"NotoSansCJKhk-Regular", "NotoSansCJKtc-Regular", "NotoSansCJKTC-Regular"};

    /**
     * One character's outline in 1/1000 em, as PDF path operators, with its advance and bounds.
     *
     * @param ops  path construction operators ({@code m l c h}), ending before the paint operator
     */
    public record Glyph(int glyphId, float advance, String ops, float[] bounds) {
    }

    private final Path file;
    private final Map<Integer, Glyph> glyphs = new ConcurrentHashMap<>();
    private TrueTypeCollection collection;
    private TrueTypeFont font;
    private CmapLookup cmap;
    private float scale;

    CjkFont(ReportProperties properties) {
        this.file = properties.cjkFont();
    }

    /** Whether the font file is there (checked on every use, so a font installed later is found). */
    public boolean available() {
        return file != null && Files.isReadable(file);
    }

    /** The glyph of a code point, or null when the font has none (or cannot be read). */
    public Glyph glyph(int codePoint) {
        Glyph known = glyphs.get(codePoint);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            // fontbox parses outlines lazily and is not thread-safe: one reader at a time
            try {
                if (!load()) {
                    return null;
                }
                int gid = cmap.getGlyphId(codePoint);
                if (gid == 0) {
                    return null;
                }
                Glyph glyph = outline(gid);
                glyphs.put(codePoint, glyph);
                return glyph;
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot read glyph U+{} of {}: {}", Integer.toHexString(codePoint), file, e.toString());
                return null;
            }
        }
    }

    private boolean load() throws IOException {
        if (font != null) {
            return true;
        }
        if (!available()) {
            return false;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc") || name.endsWith(".otc")) {
            collection = new TrueTypeCollection(file.toFile());
            for (String preferred : PREFERRED) {
                font = collection.getFontByName(preferred);
                if (font != null) {
                    break;
                }
            }
            if (font == null) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                font = first[0];
            }
        } else if (name.endsWith(".otf")) {
            font = new OTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        } else {
            font = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        }
        if (font == null) {
            throw new IOException("no font in " + file);
        }
        cmap = font.getUnicodeCmapLookup();
        scale = 1000f / font.getUnitsPerEm();
        return true;
    }

    private Glyph outline(int gid) throws IOException {
        GeneralPath path;
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            CFFFont cff = otf.getCFF().getFont();
            path = cff instanceof CFFCIDFont cid ? cid.getType2CharString(cff.getCharset().getCIDForGID(gid)).getPath()
                    : ((CFFType1Font) cff).getType2CharString(gid).getPath();
        } else {
            var glyph = font.getGlyph().getGlyph(gid);
            path = glyph == null ? new GeneralPath() : glyph.getPath();
        }
        float advance = font.getAdvanceWidth(gid) * scale;
        Rectangle2D box = path.getBounds2D();
        StringBuilder ops = new StringBuilder();
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    ops.append(n(c[0])).append(' ').append(n(c[1])).append(" m\n");
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    ops.append(n(c[0])).append(' ').append(n(c[1])).append(" l\n");
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic (TrueType) curve as the cubic PDF draws
                    float c1x = lastX + 2f / 3 * (c[0] - lastX);
                    float c1y = lastY + 2f / 3 * (c[1] - lastY);
                    float c2x = c[2] + 2f / 3 * (c[0] - c[2]);
                    float c2y = c[3] + 2f / 3 * (c[1] - c[3]);
                    ops.append(n(c1x)).append(' ').append(n(c1y)).append(' ').append(n(c2x)).append(' ').append(n(c2y)).append(' ')
                            .append(n(c[2])).append(' ').append(n(c[3])).append(" c\n");
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    ops.append(n(c[0])).append(' ').append(n(c[1])).append(' ').append(n(c[2])).append(' ').append(n(c[3])).append(' ')
                            .append(n(c[4])).append(' ').append(n(c[5])).append(" c\n");
                    lastX = c[4];
                    lastY = c[5];
                }
                default -> ops.append("h\n");
            }
        }
        String scaled = scale == 1f ? ops.toString() : scaleOps(ops.toString());
        float[] bounds = box.isEmpty() ? new float[4]
                : new float[] {(float) box.getMinX() * scale, (float) box.getMinY() * scale, (float) box.getMaxX() * scale,
                        (float) box.getMaxY() * scale};
        return new Glyph(gid, advance, scaled, bounds);
    }

    /** Outlines in font units other than 1/1000 em (TrueType's 2048) brought to 1/1000 em. */
    private String scaleOps(String ops) {
        StringBuilder out = new StringBuilder(ops.length());
        for (String line : ops.split("\n")) {
            String[] parts = line.split(" ");
            for (int i = 0; i < parts.length - 1; i++) {
                out.append(n(Float.parseFloat(parts[i]) * scale)).append(' ');
            }
            out.append(parts[parts.length - 1]).append('\n');
        }
        return out.toString();
    }

    private static String n(float value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (collection != null) {
            collection.close();
        } else if (font != null) {
            font.close();
        }
    }
}
