package hk.esgone.assessment.questionnaire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import hk.esgone.assessment.support.Bilingual;

/** Checks answers against their questionnaire; called on every autosave and before submission. */
public final class AnswerChecker {

    public static final int MAX_TEXT_LENGTH = 2_000;
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_DECIMALS = 3;
    /** Nobody's yearly kWh, litres or revenue in HKD is above a trillion; such a number is a typing slip. */
    public static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(12);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final int MAX_FILE_NAME_LENGTH = 255;

    private AnswerChecker() {}

    /** Every problem with one answer; empty when the answer may be saved. */
    public static List<AnswerProblem> check(Questionnaire questionnaire, Answer answer) {
        List<AnswerProblem> problems = new ArrayList<>();
        Optional<Question> found = answer.questionId() == null
                ? Optional.empty()
                : questionnaire.question(answer.questionId());
        if (found.isEmpty()) {
            problems.add(problem(
                    "questionId",
                    "There is no question \"" + printable(answer.questionId()) + "\" in this questionnaire.",
                    "本問卷沒有問題「" + printable(answer.questionId()) + "」。"));
            return problems;
        }
        Question question = found.get();
        if (answer.notApplicable()) {
            checkReason(answer.reason(), problems);
            if (answer.value() != null) {
                problems.add(problem(
                        "value",
                        "Leave the answer empty when the question does not apply.",
                        "問題不適用時，請勿填寫答案。"));
            }
        } else if (answer.value() != null) {
            checkValue(question, answer, problems);
        }
        if (answer.evidence() != null) {
            checkEvidence(question, answer.evidence(), problems);
        }
        return problems;
    }

    /**
     * Whether the answer counts for progress and submission: a valid value, or N/A with a reason.
     */
    public static boolean isAnswered(Questionnaire questionnaire, Answer answer) {
        if (answer == null || (!answer.notApplicable() && answer.value() == null)) {
            return false;
        }
        return check(questionnaire, answer).isEmpty();
    }

    /**
     * The applicable questions still unanswered, in questionnaire order; submission is allowed when empty.
     *
     * @param answers by question id
     */
    public static List<Question> missingForSubmission(
            Questionnaire questionnaire, String industrySection, SizeBand sizeBand, Map<String, Answer> answers) {
        return questionnaire.applicableQuestions(industrySection, sizeBand).stream()
                .filter(q -> !isAnswered(questionnaire, answers.get(q.id())))
                .toList();
    }

    private static void checkValue(Question question, Answer answer, List<AnswerProblem> problems) {
        Object value = answer.value();
        switch (question.type()) {
            case YES_NO -> {
                if (!(value instanceof Boolean)) {
                    problems.add(wrongType("yes or no", "是或否"));
                }
            }
            case SINGLE_CHOICE -> {
                if (!(value instanceof String code)) {
                    problems.add(wrongType("one choice", "一個選項"));
                } else if (question.choice(code).isEmpty()) {
                    problems.add(unknownChoice(question, code));
                }
            }
            case MULTIPLE_CHOICE -> checkChoices(question, value, problems);
            case PERCENTAGE -> decimal(value, problems).ifPresent(number -> {
                checkDecimal(number, problems);
                if (number.compareTo(BigDecimal.ZERO) < 0 || number.compareTo(HUNDRED) > 0) {
                    problems.add(problem(
                            "value",
                            "Enter a percentage from 0 to 100.",
                            "請輸入0至100之間的百分比。"));
                }
            });
            case NUMBER -> {
                decimal(value, problems).ifPresent(number -> {
                    checkDecimal(number, problems);
                    if (number.signum() < 0) {
                        problems.add(problem("value", "The number cannot be negative.", "數字不可為負數。"));
                    }
                    if ("headcount".equals(question.unit()) && number.stripTrailingZeros().scale() > 0) {
                        problems.add(problem("value", "Enter a whole number of people.", "人數須為整數。"));
                    }
                });
                if (!question.unit().equals(answer.unit())) {
                    problems.add(problem(
                            "unit",
                            "The unit must be " + question.unit() + ".",
                            "單位必須為 " + question.unit() + "。"));
                }
            }
            case TEXT -> {
                if (!(value instanceof String text)) {
                    problems.add(wrongType("text", "文字"));
                } else {
                    checkText("value", text, MAX_TEXT_LENGTH, problems);
                }
            }
        }
    }

    private static void checkChoices(Question question, Object value, List<AnswerProblem> problems) {
        if (!(value instanceof List<?> list)) {
            problems.add(wrongType("a list of choices", "選項清單"));
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String code)) {
                problems.add(wrongType("a list of choices", "選項清單"));
                return;
            }
            if (question.choice(code).isEmpty()) {
                problems.add(unknownChoice(question, code));
            }
            if (!seen.add(code)) {
                problems.add(problem(
                        "value",
                        "The choice " + printable(code) + " is selected twice.",
                        "選項 " + printable(code) + " 重複選擇。"));
            }
        }
    }

    private static Optional<BigDecimal> decimal(Object value, List<AnswerProblem> problems) {
        BigDecimal number = null;
        if (value instanceof BigDecimal d) {
            number = d;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof BigInteger) {
            number = new BigDecimal(value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // The shortest decimal text of a double is what the person typed.
            number = Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (number == null) {
            problems.add(wrongType("a number", "數字"));
            return Optional.empty();
        }
        return Optional.of(number);
    }

    private static void checkDecimal(BigDecimal number, List<AnswerProblem> problems) {
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            problems.add(problem(
                    "value",
                    "Use at most " + MAX_DECIMALS + " decimal places.",
                    "最多只可有" + MAX_DECIMALS + "個小數位。"));
        }
        if (number.abs().compareTo(MAX_NUMBER) > 0) {
            problems.add(problem(
                    "value",
                    "The number is too large; check for extra zeros (the limit is 1,000,000,000,000).",
                    "數字過大，請檢查是否多打了零（上限為1,000,000,000,000）。"));
        }
    }

    private static void checkReason(String reason, List<AnswerProblem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(problem(
                    "reason",
                    "Say briefly why the question does not apply.",
                    "請簡述此問題為何不適用。"));
            return;
        }
        checkText("reason", reason, MAX_REASON_LENGTH, problems);
    }

    private static void checkText(String field, String text, int maxLength, List<AnswerProblem> problems) {
        if (text.isBlank()) {
            problems.add(problem(field, "The text is empty.", "內容不可空白。"));
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(problem(
                    field,
                    "The text is too long: at most " + maxLength + " characters.",
                    "內容過長：最多" + maxLength + "個字元。"));
        }
        if (hasForbiddenCharacter(text)) {
            problems.add(problem(
                    field,
                    "The text contains invisible control or text-direction characters; please retype it.",
                    "內容含有隱藏的控制字元或文字方向字元，請重新輸入。"));
        }
    }

    /**
     * Control characters other than line breaks and tabs, bidirectional overrides and isolates (which can make a text
     * read differently from what is stored, "Trojan Source"), and unpaired surrogates.
     */
    static boolean hasForbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (Character.isISOControl(c)
                    || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200E'
                    || c == '\u200F'
                    || c == '\u061C') {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void checkEvidence(Question question, Evidence evidence, List<AnswerProblem> problems) {
        if (!question.evidenceAllowed()) {
            problems.add(problem(
                    "evidence",
                    "This question does not take evidence.",
                    "此問題不接受證明文件。"));
            return;
        }
        switch (evidence) {
            case Evidence.Link link -> checkLink(link.url(), problems);
            case Evidence.FileReference file -> checkFile(file, problems);
        }
    }

    private static void checkLink(String url, List<AnswerProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(problem("evidence.url", "Enter the link.", "請輸入連結。"));
            return;
        }
        if (url.length() > Evidence.MAX_URL_LENGTH) {
            problems.add(problem(
                    "evidence.url",
                    "The link is too long: at most " + Evidence.MAX_URL_LENGTH + " characters.",
                    "連結過長：最多" + Evidence.MAX_URL_LENGTH + "個字元。"));
            return;
        }
        boolean valid;
        try {
            URI uri = new URI(url);
            valid = "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (!valid) {
            problems.add(problem(
                    "evidence.url",
                    "Enter a full https:// link, e.g. https://www.example.com.hk/policy.pdf.",
                    "請輸入完整的 https:// 連結，例如 https://www.example.com.hk/policy.pdf。"));
        }
    }

    private static void checkFile(Evidence.FileReference file, List<AnswerProblem> problems) {
        if (file.sha256() == null || !SHA256.matcher(file.sha256()).matches()) {
            problems.add(problem(
                    "evidence.sha256",
                    "The file reference is not a SHA-256 hash (64 lower-case hex digits).",
                    "檔案參考不是有效的SHA-256雜湊值（64個小寫十六進位字元）。"));
        }
        String name = file.fileName();
        if (name == null || name.isBlank() || name.length() > MAX_FILE_NAME_LENGTH
                || name.contains("/") || name.contains("\\") || hasForbiddenCharacter(name)) {
            problems.add(problem(
                    "evidence.fileName",
                    "The file name must be 1 to " + MAX_FILE_NAME_LENGTH
                            + " characters, without slashes or control characters.",
                    "檔案名稱須為1至" + MAX_FILE_NAME_LENGTH + "個字元，不可包含斜線或控制字元。"));
        }
        if (file.size() <= 0 || file.size() > Evidence.MAX_FILE_BYTES) {
            problems.add(problem(
                    "evidence.size",
                    "The file must be between 1 byte and 5 MB.",
                    "檔案大小須介乎1位元組至5 MB。"));
        }
        if (file.contentType() == null || !CONTENT_TYPE.matcher(file.contentType()).matches()) {
            problems.add(problem(
                    "evidence.contentType",
                    "The file type is missing or malformed.",
                    "檔案類型缺失或格式不正確。"));
        }
    }

    private static AnswerProblem wrongType(String expectedEn, String expectedZh) {
        return problem("value", "The answer must be " + expectedEn + ".", "答案必須為" + expectedZh + "。");
    }

    private static AnswerProblem unknownChoice(Question question, String code) {
        return problem(
                "value",
                "\"" + printable(code) + "\" is not one of the choices for question " + question.id() + ".",
                "「" + printable(code) + "」不是問題 " + question.id() + " 的選項。");
    }

    private static AnswerProblem problem(String field, String en, String zhHant) {
        return new AnswerProblem(field, Bilingual.of(en, zhHant));
    }

    /** Echoes user input in a message only when it is short and harmless. */
    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String shortened = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return hasForbiddenCharacter(shortened) ? "?" : shortened;
    }
}
