package hk.esgone.web.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A highlight from the directory search ({@code <em>} around matched words, every other character HTML-escaped by
 * Elasticsearch) as plain parts, so that the template shows matched parts in {@code <mark>} with its own escaping
 * and service text is never inserted as markup.
 */
public record Highlight(List<Part> parts) {

    /** A run of text, matched or not. */
    public record Part(String text, boolean matched) {
    }

    public static Highlight parse(String html) {
        List<Part> parts = new ArrayList<>();
        if (html == null) {
            return new Highlight(parts);
        }
        int at = 0;
        while (at < html.length()) {
            int open = html.indexOf("<em>", at);
            if (open < 0) {
                add(parts, html.substring(at), false);
                break;
            }
            add(parts, html.substring(at, open), false);
            int close = html.indexOf("</em>", open + 4);
            if (close < 0) {
                add(parts, html.substring(open + 4), false);
                break;
            }
            add(parts, html.substring(open + 4, close), true);
            at = close + 5;
        }
        return new Highlight(List.copyOf(parts));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    private static void add(List<Part> parts, String html, boolean matched) {
        if (!html.isEmpty()) {
            parts.add(new Part(HtmlUtils.htmlUnescape(html.replace("<em>", "").replace("</em>", "")), matched));
        }
    }
}
