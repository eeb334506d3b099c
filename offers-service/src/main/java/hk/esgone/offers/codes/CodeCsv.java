package hk.esgone.offers.codes;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

/**
 * A CSV of codes, one per line, optionally under a {@code code} header. Each physical line is parsed
 * on its own so that every error names the line it is on. Empty lines are skipped.
 */
public final class CodeCsv {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{3,63}");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();

    private CodeCsv() {
    }

    public record Row(int line, String code) {
    }

    /** The rows, or a 422 {@code invalid-csv} problem listing every bad line when any line is bad. */
    public static List<Row> parse(String text, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean firstLine = true;
        String[] lines = (text == null ? "" : text).split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean header = firstLine;
            firstLine = false;
            List<String> fields;
            try {
                fields = fields(line);
            } catch (RuntimeException e) {
                errors.add(error(lineNo, "not-csv", "Not valid CSV (unbalanced quotes or stray characters)."));
                continue;
            }
            if (header && fields.size() == 1 && fields.getFirst().equalsIgnoreCase("code")) {
                continue;
            }
            if (fields.size() != 1) {
                errors.add(error(lineNo, "field-count", "Expected exactly one value (the code), found " + fields.size() + ".").with("found", fields.size()));
                continue;
            }
            String code = fields.getFirst();
            if (!CODE.matcher(code).matches()) {
                errors.add(error(lineNo, "bad-code", "A code is 4 to 64 characters: letters, digits, '-' and '_', starting with a letter or digit."));
                continue;
            }
            Integer first = seen.putIfAbsent(code, lineNo);
            if (first != null) {
                errors.add(error(lineNo, "duplicate", "Duplicate of line " + first + ".").with("firstLine", first));
                continue;
            }
            rows.add(new Row(lineNo, code));
        }
        if (rows.size() > maxRows) {
            errors.add(error(rows.get(maxRows).line(), "too-many", "Too many codes: at most " + maxRows + " per upload.").with("max", maxRows));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-csv", "Invalid CSV", "The file holds no codes.",
                    Map.of("errors", List.of(), "reason", "empty"));
        }
        if (!errors.isEmpty()) {
            throw invalid("Some lines are invalid; nothing was imported.", errors);
        }
        return rows;
    }

    public static ApiProblem invalid(String detail, List<Map<String, Object>> errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-csv", "Invalid CSV", detail,
                Map.of("errors", errors.size() > 100 ? errors.subList(0, 100) : errors));
    }

    /**
     * One bad line: its number, a stable {@code reason} (a client shows its own words for it, in its language) with
     * the values the words need ({@link LineError#with}), and an English message.
     */
    public static LineError error(int line, String reason, String message) {
        LineError item = new LineError();
        item.put("line", line);
        item.put("reason", reason);
        item.put("message", message);
        return item;
    }

    /** A bad line as the problem's {@code errors} item. */
    public static final class LineError extends LinkedHashMap<String, Object> {

        public LineError with(String name, Object value) {
            put(name, value);
            return this;
        }
    }

    private static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(FORMAT).get()) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("not one record");
            }
            List<String> values = new ArrayList<>(records.getFirst().toList());
            // a trailing comma ("ABC123,") is one code with an empty second field: tolerate it
            while (values.size() > 1 && values.getLast().isEmpty()) {
                values.removeLast();
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
