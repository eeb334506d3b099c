package hk.esgone.assessment.questionnaire;

/**
 * An answer as the service receives it on autosave. The value keeps JSON-like types: {@code Boolean} (YES_NO),
 * {@code String} choice code (SINGLE_CHOICE), {@code List<String>} (MULTIPLE_CHOICE), {@code BigDecimal}
 * (PERCENTAGE, NUMBER; other {@code Number}s are accepted and read exactly from their decimal text) and {@code
 * String} (TEXT). {@link AnswerChecker} says what is wrong with it.
 *
 * @param value null while unanswered or when not applicable
 * @param unit for NUMBER answers, must equal the question's unit
 * @param reason required (1-500 characters) when {@code notApplicable}
 * @param evidence nullable
 */
public record Answer(
        String questionId, Object value, String unit, boolean notApplicable, String reason, Evidence evidence) {

    public static Answer of(String questionId, Object value) {
        return new Answer(questionId, value, null, false, null, null);
    }

    public static Answer number(String questionId, Object value, String unit) {
        return new Answer(questionId, value, unit, false, null, null);
    }

    public static Answer notApplicable(String questionId, String reason) {
        return new Answer(questionId, null, null, true, reason, null);
    }

    public Answer withEvidence(Evidence newEvidence) {
        return new Answer(questionId, value, unit, notApplicable, reason, newEvidence);
    }
}
