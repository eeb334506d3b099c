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
 * @param scoreRevision  1 for the scorecard computed at submission, one more each time an admin's acceptance of
 *                       evidence re-scored it (0 while draft)
 * @param evidenceReviews the admin's decisions on the evidence of submitted answers, by question id (an answer with
 *                       evidence and no decision is pending)
 */
public record Assessment(String id, String companyId, int year, String industry, String sizeBand, String questionnaireKey,
        int questionnaireVersion, AssessmentStatus status, Map<String, StoredAnswer> answers, long answersVersion,
        Instant createdAt, String createdBy, Instant updatedAt, Instant submittedAt, String submittedBy,
        String scorecardJson, Long feedSeq, Instant feedAt, int scoreRevision, Map<String, EvidenceReview> evidenceReviews) {

    /** An admin's decision on the evidence of one submitted answer. */
    public record EvidenceReview(String status, String note, Instant reviewedAt, String reviewedBy) {
        public static final String PENDING = "PENDING";
        public static final String ACCEPTED = "ACCEPTED";
        public static final String REJECTED = "REJECTED";
    }

    /** An assessment with its first scorecard (if submitted), no evidence decided. */
    public Assessment(String id, String companyId, int year, String industry, String sizeBand, String questionnaireKey,
            int questionnaireVersion, AssessmentStatus status, Map<String, StoredAnswer> answers, long answersVersion,
            Instant createdAt, String createdBy, Instant updatedAt, Instant submittedAt, String submittedBy,
            String scorecardJson, Long feedSeq, Instant feedAt) {
        this(id, companyId, year, industry, sizeBand, questionnaireKey, questionnaireVersion, status, answers, answersVersion,
                createdAt, createdBy, updatedAt, submittedAt, submittedBy, scorecardJson, feedSeq, feedAt,
                status == AssessmentStatus.SUBMITTED ? 1 : 0, Map.of());
    }

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
        evidenceReviews = evidenceReviews == null ? Map.of() : Map.copyOf(evidenceReviews);
    }

    /** The decision on a submitted answer's evidence: PENDING until an admin decides; null for a draft or no evidence. */
    public EvidenceReview evidenceReview(String questionId) {
        StoredAnswer answer = answers.get(questionId);
        if (isDraft() || answer == null || !answer.answered() || answer.evidenceJson() == null) {
            return null;
        }
        EvidenceReview decided = evidenceReviews.get(questionId);
        return decided != null ? decided : new EvidenceReview(EvidenceReview.PENDING, null, null, null);
    }

    public boolean isDraft() {
        return status == AssessmentStatus.DRAFT;
    }
}
