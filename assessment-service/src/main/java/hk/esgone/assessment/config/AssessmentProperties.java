package hk.esgone.assessment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the assessment service, checked at start-up so that a wrong value stops the service.
 *
 * @param demoData          give the demo SME company a submitted assessment for last year
 * @param seedQuestionnaire the questionnaire file (classpath) published at start when no version of its key is stored
 * @param maxAnswerBody     largest body of one autosaved answer; an answer is a number, a choice or a short text
 * @param maxQuestionnaireBody largest questionnaire an admin may publish
 */
@ConfigurationProperties("esg.assessment")
public record AssessmentProperties(boolean demoData, String seedQuestionnaire, DataSize maxAnswerBody,
        DataSize maxQuestionnaireBody) {

    public AssessmentProperties {
        seedQuestionnaire = seedQuestionnaire == null || seedQuestionnaire.isBlank() ? "questionnaires/hk-sme-v1.json"
                : seedQuestionnaire.trim();
        maxAnswerBody = maxAnswerBody == null ? DataSize.ofKilobytes(64) : maxAnswerBody;
        maxQuestionnaireBody = maxQuestionnaireBody == null ? DataSize.ofKilobytes(256) : maxQuestionnaireBody;
        if (maxAnswerBody.toBytes() <= 0 || maxQuestionnaireBody.toBytes() <= 0) {
            throw new IllegalArgumentException("esg.assessment.max-answer-body and max-questionnaire-body must be positive");
        }
    }
}
