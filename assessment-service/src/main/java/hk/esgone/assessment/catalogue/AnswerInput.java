package hk.esgone.assessment.catalogue;

import tools.jackson.databind.JsonNode;

/**
 * One answer as the questionnaire's checks and the scorer see it.
 *
 * @param value         the value as sent (number, boolean, choice, list of choices, text); null when not applicable
 * @param evidence      links or file references (data only), or null
 */
public record AnswerInput(JsonNode value, String unit, boolean notApplicable, String reason, JsonNode evidence) {
}
