package hk.esgone.web.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import hk.esgone.web.support.Bilingual;

/**
 * What a person entered for one question, as the form sent it: the chosen codes or the typed number or text,
 * "not applicable" with its reason, and the revision of the answer their page showed.
 */
public record Entry(List<String> values, boolean notApplicable, String reason, long baseRevision) {

    public Entry {
        values = values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
        reason = reason == null || reason.isBlank() ? null : reason;
    }

    public boolean blank() {
        return values.isEmpty() && !notApplicable && reason == null;
    }

    /** A typed number: spaces, thousands separators and a trailing % allowed; null when it is none. */
    static BigDecimal number(String text) {
        String plain = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "");
        if (plain.endsWith("%")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        if (plain.isEmpty() || plain.length() > 40 || !plain.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    /** Whether this entry says the same as the stored {@code answer} (numbers compared by value, choices as a set). */
    public boolean sameAs(Questionnaire.Question question, Assessment.Answer answer) {
        if (answer == null || !answer.answered()) {
            return blank();
        }
        if (notApplicable != answer.notApplicable()) {
            return false;
        }
        if (notApplicable) {
            return java.util.Objects.equals(reason, answer.reason());
        }
        List<String> stored = answer.fieldValues();
        if (question.typed("NUMBER") || question.typed("PERCENTAGE")) {
            BigDecimal mine = values.size() == 1 ? number(values.getFirst()) : null;
            BigDecimal theirs = stored.size() == 1 ? number(stored.getFirst()) : null;
            return mine != null && theirs != null && mine.compareTo(theirs) == 0;
        }
        if (question.typed("MULTIPLE_CHOICE")) {
            return new HashSet<>(values).equals(new HashSet<>(stored));
        }
        return values.equals(stored);
    }

    /** A stored answer in words, in both languages. */
    static Bilingual describe(Questionnaire.Question question, Assessment.Answer answer) {
        if (answer.notApplicable()) {
            String reason = answer.reason() == null ? "" : " — " + answer.reason();
            return new Bilingual("Not applicable" + reason, "不適用" + reason);
        }
        List<String> values = answer.fieldValues();
        if (values.isEmpty()) {
            return new Bilingual("(no answer)", "（未有答案）");
        }
        return switch (question.type()) {
            case "YES_NO" -> "true".equals(values.getFirst()) ? new Bilingual("Yes", "是") : new Bilingual("No", "否");
            case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
                List<String> en = new ArrayList<>();
                List<String> zh = new ArrayList<>();
                values.forEach(code -> {
                    en.add(question.choiceLabel(code).in("en"));
                    zh.add(question.choiceLabel(code).in("zh-Hant"));
                });
                yield new Bilingual(String.join(", ", en), String.join("、", zh));
            }
            case "PERCENTAGE" -> new Bilingual(values.getFirst() + "%", values.getFirst() + "%");
            case "NUMBER" -> {
                String unit = question.unit() == null ? "" : " " + question.unit();
                yield new Bilingual(values.getFirst() + unit, values.getFirst() + unit);
            }
            default -> new Bilingual(values.getFirst(), values.getFirst());
        };
    }
}
