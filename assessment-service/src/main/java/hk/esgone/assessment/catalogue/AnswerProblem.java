package hk.esgone.assessment.catalogue;

/** Why an answer cannot be stored: the field of the answer ({@code value}, {@code unit}, ...) and a message in both languages. */
public record AnswerProblem(String field, String message, String messageZhHant) {
}
