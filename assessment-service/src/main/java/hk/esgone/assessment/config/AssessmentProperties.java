package hk.esgone.assessment.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the assessment service, checked at start-up so that a wrong value stops the service. The body limit
 * of one autosaved answer is an {@code esg.web.body-limits} entry in application.yml.
 *
 * @param demoData          give the demo SME company a submitted assessment for last year
 * @param seedQuestionnaire the questionnaire file (classpath) published at start when no version of its key is stored
 * @param peerFiguresMaxAge how long a peer group's figures read for percentiles are used before they are read again
 */
@ConfigurationProperties("esg.assessment")
public record AssessmentProperties(boolean demoData, String seedQuestionnaire, Duration peerFiguresMaxAge) {

    public AssessmentProperties {
        seedQuestionnaire = seedQuestionnaire == null || seedQuestionnaire.isBlank() ? "questionnaires/hk-sme-v1.json"
                : seedQuestionnaire.trim();
        peerFiguresMaxAge = peerFiguresMaxAge == null ? Duration.ofMinutes(1) : peerFiguresMaxAge;
        if (peerFiguresMaxAge.isNegative()) {
            throw new IllegalArgumentException("esg.assessment.peer-figures-max-age must not be negative");
        }
    }
}
