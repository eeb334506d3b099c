package hk.esgone.assessment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the assessment service, checked at start-up so that a wrong value stops the service.
 *
 * @param demoData          give the demo SME company a submitted assessment for last year
 * @param seedQuestionnaire the questionnaire file (classpath) published at start when no version of its key is stored
 * @param maxAnswerBody     largest body of one autosaved answer; an answer is a number, a choice or a short text
 *                          (the questionnaires an admin publishes are bounded by esg.web.max-request-size)
 */
@ConfigurationProperties("esg.assessment")
public record AssessmentProperties(boolean demoData, String seedQuestionnaire, DataSize maxAnswerBody) {

    public AssessmentProperties {
        seedQuestionnaire = seedQuestionnaire == null || seedQuestionnaire.isBlank() ? "questionnaires/hk-sme-v1.json"
                : seedQuestionnaire.trim();
        maxAnswerBody = maxAnswerBody == null ? DataSize.ofKilobytes(64) : maxAnswerBody;
        if (maxAnswerBody.toBytes() <= 0) {
            throw new IllegalArgumentException("esg.assessment.max-answer-body must be positive");
        }
    }
}
