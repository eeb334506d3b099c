package hk.esgone.web.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scorecard report ({@code esg.web.report}).
 *
 * @param cjkFont the font file Chinese (and all other) text of the PDF is drawn with: Noto Sans CJK from Debian's
 *                fonts-noto-cjk by default; a collection (.ttc), OpenType (.otf) or TrueType (.ttf) file
 */
@ConfigurationProperties("esg.web.report")
public record ReportProperties(@DefaultValue("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc") Path cjkFont) {
}
