package hk.esgone.web.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.FormText;

/**
 * The companies of a bulk issue as staff upload them: a CSV (or lines pasted) with a company's directory id in the
 * first column; further columns (a name kept for the reader) and a header line are ignored, blank lines skipped.
 * Every other line gets a result: a line that names no company id, or one named twice, is answered here and not sent.
 */
public final class BulkCsv {

    /** Larger files are refused before they are read: 200 lines of ids and names fit well within this. */
    public static final int MAX_BYTES = 64 * 1024;

    /**
     * A line of the file: its number (1-based, as an editor shows it), its text as shown back (cleaned, cut to 120
     * characters), the company id it names and, when it cannot be sent, why.
     */
    public record Line(int number, String text, String companyId, String problem) {
    }

    /** The lines, or why the file as a whole cannot be used ({@code empty}, {@code too-many}). */
    public record Parsed(List<Line> lines, String problem) {

        public List<Line> sendable() {
            return lines.stream().filter(l -> l.problem() == null).toList();
        }
    }

    private BulkCsv() {
    }

    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(List.of(), "empty");
        }
        String[] raw = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.length; i++) {
            String shown = FormText.clean(raw[i], 120);
            if (shown == null) {
                continue;
            }
            String first = firstCell(raw[i]);
            if (lines.isEmpty() && isHeader(first)) {
                continue;
            }
            String problem = !Ids.COMPANY.isValid(first) ? "not-a-company-id" : !seen.add(first) ? "duplicate" : null;
            lines.add(new Line(i + 1, shown, problem == null || problem.equals("duplicate") ? first : null, problem));
        }
        if (lines.isEmpty()) {
            return new Parsed(List.of(), "empty");
        }
        if (lines.stream().filter(l -> l.problem() == null).count() > BadgeAdmin.BULK_MAX) {
            return new Parsed(List.of(), "too-many");
        }
        return new Parsed(List.copyOf(lines), null);
    }

    private static String firstCell(String line) {
        String cell = line.split("[,;\t]", 2)[0].strip();
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
            cell = cell.substring(1, cell.length() - 1).strip();
        }
        return cell;
    }

    private static boolean isHeader(String cell) {
        String c = cell.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return c.equals("companyid") || c.equals("company") || c.equals("id");
    }
}
