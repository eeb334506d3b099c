package hk.esgone.assessment.answering;

import java.time.Instant;
import java.util.Map;

/**
 * One company's answers to one questionnaire version for one year.
 *
 * @param answersVersion moves with every answer change; submission is conditional on it, so the scorecard stored is
 *                       the one of exactly the answers that were read
 * @param scorecardJson  the scorecard computed at submission (with its carbon footprint), as JSON; null while draft
 * @param feedSeq        the submission's place on the event feed ({@code events}), taken before and written with the
 *                       submission in the same update; null while draft
 * @param feedAt         when that place was written (the feed's gap rule waits on it); null while draft
 */
public record Assessment(String id, String companyId, int year, String industry, String sizeBand, String questionnaireKey,
        int questionnaireVersion, AssessmentStatus status, Map<String, StoredAnswer> answers, long answersVersion,
        Instant createdAt, String createdBy, Instant updatedAt, Instant submittedAt, String submittedBy,
        String scorecardJson, Long feedSeq, Instant feedAt) {

    /** An assessment not (yet) on the event feed. */
    public Assessment(String id, String companyId, int year, String industry, String sizeBand, String questionnaireKey,
            int questionnaireVersion, AssessmentStatus status, Map<String, StoredAnswer> answers, long answersVersion,
            Instant createdAt, String createdBy, Instant updatedAt, Instant submittedAt, String submittedBy,
            String scorecardJson) {
        this(id, companyId, year, industry, sizeBand, questionnaireKey, questionnaireVersion, status, answers, answersVersion,
                createdAt, createdBy, updatedAt, submittedAt, submittedBy, scorecardJson, null, null);
    }

    public Assessment {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    public boolean isDraft() {
        return status == AssessmentStatus.DRAFT;
    }
}
