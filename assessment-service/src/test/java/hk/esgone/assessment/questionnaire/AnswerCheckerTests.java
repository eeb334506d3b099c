package hk.esgone.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AnswerCheckerTests {

    private static final String SHA = "a".repeat(64);

    private final Questionnaire questionnaire = QuestionnaireLoader.fromClasspath("questionnaires/all-types.json");

    private List<AnswerProblem> check(Answer answer) {
        return AnswerChecker.check(questionnaire, answer);
    }

    private static List<String> fields(List<AnswerProblem> problems) {
        return problems.stream().map(AnswerProblem::field).toList();
    }

    @Test
    void acceptsAValidAnswerOfEveryType() {
        assertThat(check(Answer.of("E01", true))).isEmpty();
        assertThat(check(Answer.number("E02", new BigDecimal("12345.678"), "kWh"))).isEmpty();
        assertThat(check(Answer.of("E03", new BigDecimal("100")))).isEmpty();
        assertThat(check(Answer.of("E04", List.of("LED", "SOLAR")))).isEmpty();
        assertThat(check(Answer.number("S01", 12, "headcount"))).isEmpty();
        assertThat(check(Answer.of("S02", "AUDIT"))).isEmpty();
        assertThat(check(Answer.of("S03", "義工服務 40 小時\nBeach clean-up"))).isEmpty();
    }

    @Test
    void rejectsAnUnknownQuestion() {
        List<AnswerProblem> problems = check(Answer.of("E99", true));

        assertThat(fields(problems)).containsExactly("questionId");
        assertThat(problems.getFirst().message().en()).contains("no question \"E99\"");
        assertThat(problems.getFirst().message().zhHant()).contains("E99");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertThat(fields(check(Answer.of("E01", "yes")))).containsExactly("value");
        assertThat(fields(check(Answer.number("E02", "100", "kWh")))).containsExactly("value");
        assertThat(fields(check(Answer.of("E04", "LED")))).containsExactly("value");
        assertThat(fields(check(Answer.of("E04", List.of(1, 2))))).containsExactly("value");
        assertThat(fields(check(Answer.of("S02", List.of("AUDIT"))))).containsExactly("value");
        assertThat(fields(check(Answer.of("S03", 42)))).containsExactly("value");
        assertThat(check(Answer.of("E01", "yes")).getFirst().message().en()).isEqualTo("The answer must be yes or no.");
    }

    @Test
    void rejectsUnknownAndDuplicateChoiceCodes() {
        assertThat(check(Answer.of("S02", "SOMETIMES")).getFirst().message().en())
                .isEqualTo("\"SOMETIMES\" is not one of the choices for question S02.");
        assertThat(check(Answer.of("E04", List.of("LED", "WIND"))).getFirst().message().en())
                .contains("\"WIND\" is not one of the choices");
        assertThat(check(Answer.of("E04", List.of("LED", "LED"))).getFirst().message().en())
                .isEqualTo("The choice LED is selected twice.");
    }

    @Test
    void rejectsNegativeNumbers() {
        List<AnswerProblem> problems = check(Answer.number("E02", new BigDecimal("-1"), "kWh"));

        assertThat(problems).extracting(p -> p.message().en()).containsExactly("The number cannot be negative.");
    }

    @Test
    void rejectsAPercentageOutOfRange() {
        assertThat(fields(check(Answer.of("E03", new BigDecimal("100.001"))))).containsExactly("value");
        assertThat(fields(check(Answer.of("E03", new BigDecimal("-0.5"))))).containsExactly("value");
        assertThat(check(Answer.of("E03", BigDecimal.ZERO))).isEmpty();
    }

    @Test
    void rejectsMoreThanThreeDecimalPlacesButNotTrailingZeros() {
        assertThat(check(Answer.number("E02", new BigDecimal("1.2345"), "kWh")).getFirst().message().en())
                .isEqualTo("Use at most 3 decimal places.");
        assertThat(check(Answer.number("E02", new BigDecimal("1.5000"), "kWh"))).isEmpty();
    }

    @Test
    void rejectsAbsurdlyLargeNumbers() {
        assertThat(check(Answer.number("E02", new BigDecimal("1000000000000"), "kWh"))).isEmpty();
        assertThat(check(Answer.number("E02", new BigDecimal("1000000000000.001"), "kWh")).getFirst().message().en())
                .contains("too large");
        assertThat(fields(check(Answer.number("E02", new BigDecimal("1E+20"), "kWh")))).containsExactly("value");
    }

    @Test
    void rejectsAWrongOrMissingUnitNamingTheExpectedOne() {
        List<AnswerProblem> problems = check(Answer.number("E02", new BigDecimal("100"), "MWh"));

        assertThat(fields(problems)).containsExactly("unit");
        assertThat(problems.getFirst().message().en()).isEqualTo("The unit must be kWh.");
        assertThat(problems.getFirst().message().zhHant()).contains("kWh");
        assertThat(fields(check(Answer.of("E02", new BigDecimal("100"))))).containsExactly("unit");
    }

    @Test
    void rejectsFractionsOfPeople() {
        assertThat(fields(check(Answer.number("S01", new BigDecimal("12.5"), "headcount"))))
                .containsExactly("value");
    }

    @Test
    void rejectsTextTooLongCountingCharactersNotBytes() {
        assertThat(check(Answer.of("S03", "港".repeat(2_000)))).isEmpty();
        assertThat(check(Answer.of("S03", "港".repeat(2_001))).getFirst().message().en())
                .contains("at most 2000 characters");
        // An emoji is one character although Java stores it as two chars.
        assertThat(check(Answer.of("S03", "😀".repeat(2_000)))).isEmpty();
    }

    @Test
    void rejectsControlAndBidirectionalOverrideCharacters() {
        for (String sneaky : List.of("abc\u0000", "pay \u202Eexcess", "x\u2066y\u2069", "bell\u0007", "half\uD800")) {
            assertThat(fields(check(Answer.of("S03", sneaky)))).as(sneaky).containsExactly("value");
        }
        assertThat(check(Answer.of("S03", "line one\r\nline two\tend"))).isEmpty();
    }

    @Test
    void requiresAReasonForNotApplicable() {
        assertThat(check(Answer.notApplicable("E02", "We have no premises of our own; the landlord pays."))).isEmpty();
        assertThat(fields(check(Answer.notApplicable("E02", null)))).containsExactly("reason");
        assertThat(fields(check(Answer.notApplicable("E02", "   ")))).containsExactly("reason");
        assertThat(fields(check(Answer.notApplicable("E02", "x".repeat(501))))).containsExactly("reason");
        assertThat(fields(check(Answer.notApplicable("E02", "ok\u202E")))).containsExactly("reason");
        assertThat(check(Answer.notApplicable("E02", "x".repeat(500)))).isEmpty();
    }

    @Test
    void rejectsAValueTogetherWithNotApplicable() {
        Answer both = new Answer("E01", true, null, true, "does not apply", null);

        assertThat(fields(check(both))).containsExactly("value");
    }

    @Test
    void acceptsEvidenceOnlyWhereAllowed() {
        Evidence link = new Evidence.Link("https://www.example.com.hk/policy.pdf");

        assertThat(check(Answer.of("E01", true).withEvidence(link))).isEmpty();
        List<AnswerProblem> problems = check(Answer.number("E02", BigDecimal.ONE, "kWh").withEvidence(link));
        assertThat(fields(problems)).containsExactly("evidence");
        assertThat(problems.getFirst().message().en()).isEqualTo("This question does not take evidence.");
    }

    @Test
    void acceptsOnlyHttpsLinksOfReasonableLength() {
        for (String bad : List.of(
                "http://example.com/p.pdf",
                "javascript:alert(1)",
                "https://",
                "ftp://example.com/x",
                "https://user:pw@example.com/x",
                "https://example.com/a b",
                "https://example.com/" + "a".repeat(2_000))) {
            assertThat(fields(check(Answer.of("E01", true).withEvidence(new Evidence.Link(bad)))))
                    .as(bad)
                    .containsExactly("evidence.url");
        }
    }

    @Test
    void acceptsFilesUpToFiveMegabytes() {
        Evidence atLimit = new Evidence.FileReference(SHA, "環境政策.pdf", 5_242_880, "application/pdf");
        Evidence tooBig = new Evidence.FileReference(SHA, "policy.pdf", 5_242_881, "application/pdf");

        assertThat(check(Answer.of("E01", true).withEvidence(atLimit))).isEmpty();
        assertThat(fields(check(Answer.of("E01", true).withEvidence(tooBig)))).containsExactly("evidence.size");
    }

    @Test
    void rejectsMalformedFileReferences() {
        Evidence bad = new Evidence.FileReference("XYZ", "../etc/passwd", 0, "pdf");

        assertThat(fields(check(Answer.of("E01", true).withEvidence(bad))))
                .containsExactly("evidence.sha256", "evidence.fileName", "evidence.size", "evidence.contentType");
    }

    @Test
    void acceptsAnEmptyValueWhileTheQuestionIsStillOpen() {
        assertThat(check(Answer.of("E01", null))).isEmpty();
        assertThat(AnswerChecker.isAnswered(questionnaire, Answer.of("E01", null))).isFalse();
    }

    @Test
    void listsTheApplicableQuestionsNotYetAnswered() {
        Map<String, Answer> answers = new HashMap<>();
        answers.put("E01", Answer.of("E01", false));
        answers.put("E02", Answer.notApplicable("E02", "The landlord pays the electricity."));
        answers.put("E03", Answer.of("E03", new BigDecimal("150"))); // invalid: does not count
        answers.put("E04", Answer.notApplicable("E04", "")); // N/A without reason: does not count
        answers.put("S01", Answer.number("S01", 8, "headcount"));
        answers.put("S02", Answer.of("S02", null));

        // A micro trading firm (G) sees neither the construction question E05 nor the medium-size S04.
        List<String> missing = AnswerChecker.missingForSubmission(questionnaire, "G", SizeBand.MICRO, answers).stream()
                .map(Question::id)
                .toList();
        assertThat(missing).containsExactly("E03", "E04", "S02", "S03");

        List<String> missingForBuilder = AnswerChecker.missingForSubmission(
                        questionnaire, "F", SizeBand.MEDIUM, answers)
                .stream()
                .map(Question::id)
                .toList();
        assertThat(missingForBuilder).containsExactly("E03", "E04", "E05", "S02", "S03", "S04");
    }

    @Test
    void reportsProgressPerSection() {
        List<SectionProgress> progress = questionnaire.progress("G", SizeBand.MICRO, Set.of("E01", "E02", "S01", "S04"));

        // E: E01..E04 applicable (E05 is for construction), 2 answered; S: S01..S03 applicable, S04 is not.
        assertThat(progress).containsExactly(new SectionProgress(Pillar.E, 2, 4), new SectionProgress(Pillar.S, 1, 3));
        assertThat(progress.get(0).percent()).isEqualTo(50);
        assertThat(progress.get(1).percent()).isEqualTo(33);
    }
}
