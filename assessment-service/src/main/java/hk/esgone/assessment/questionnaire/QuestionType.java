package hk.esgone.assessment.questionnaire;

/** How a question is answered; decides the Java type of {@link Answer#value()}. */
public enum QuestionType {
    /** {@code Boolean}. */
    YES_NO,
    /** One choice code, a {@code String}. */
    SINGLE_CHOICE,
    /** Choice codes, a {@code List<String>}. */
    MULTIPLE_CHOICE,
    /** {@code BigDecimal} from 0 to 100. */
    PERCENTAGE,
    /** {@code BigDecimal} of at least 0, in the question's unit, over the question's period. */
    NUMBER,
    /** {@code String} of at most 2,000 characters. */
    TEXT;

    public boolean hasChoices() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
