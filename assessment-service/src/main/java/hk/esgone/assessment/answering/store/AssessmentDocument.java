package hk.esgone.assessment.answering.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentStatus;
import hk.esgone.assessment.answering.StoredAnswer;

/**
 * An assessment as stored: one document, answers keyed by question id, so that one answer is one field to update.
 *
 * @param sharedPublicly the company chose to show the submitted scorecard publicly (null, as in documents written
 *                       before the choice existed: not shared); kept off {@link Assessment}, read by the sharing feature
 */
@Document("assessments")
record AssessmentDocument(@Id String id, String companyId, int year, String industry, String sizeBand,
        String questionnaireKey, int questionnaireVersion, String status, Map<String, AnswerDocument> answers,
        long answersVersion, Instant createdAt, String createdBy, Instant updatedAt, Instant submittedAt,
        String submittedBy, String scorecardJson, Long feedSeq, Instant feedAt, Boolean sharedPublicly, Integer scoreRevision,
        Map<String, ReviewDocument> evidenceReviews) {

    /** An admin's decision on one answer's evidence ({@code evidenceReviews.<questionId>}, written by the evidence review). */
    record ReviewDocument(String status, String note, Instant reviewedAt, String reviewedBy) {
    }

    record AnswerDocument(String valueJson, String unit, boolean notApplicable, String reason, String evidenceJson,
            long revision, boolean cleared, Instant updatedAt, String updatedBy) {

        static AnswerDocument of(StoredAnswer a) {
            return new AnswerDocument(a.valueJson(), a.unit(), a.notApplicable(), a.reason(), a.evidenceJson(), a.revision(),
                    a.cleared(), a.updatedAt(), a.updatedBy());
        }

        StoredAnswer toAnswer(String questionId) {
            return new StoredAnswer(questionId, valueJson, unit, notApplicable, reason, evidenceJson, revision, cleared,
                    updatedAt, updatedBy);
        }
    }

    static AssessmentDocument of(Assessment a) {
        Map<String, AnswerDocument> answers = new LinkedHashMap<>();
        a.answers().forEach((id, answer) -> answers.put(id, AnswerDocument.of(answer)));
        return new AssessmentDocument(a.id(), a.companyId(), a.year(), a.industry(), a.sizeBand(), a.questionnaireKey(),
                a.questionnaireVersion(), a.status().name(), answers, a.answersVersion(), a.createdAt(), a.createdBy(),
                a.updatedAt(), a.submittedAt(), a.submittedBy(), a.scorecardJson(), a.feedSeq(), a.feedAt(), null,
                a.isDraft() ? null : a.scoreRevision(), null);
    }

    Assessment toAssessment() {
        Map<String, StoredAnswer> stored = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((questionId, answer) -> stored.put(questionId, answer.toAnswer(questionId)));
        }
        return new Assessment(id, companyId, year, industry, sizeBand, questionnaireKey, questionnaireVersion,
                AssessmentStatus.valueOf(status), stored, answersVersion, createdAt, createdBy, updatedAt, submittedAt,
                submittedBy, scorecardJson, feedSeq, feedAt, revision(), reviews());
    }

    /** Scorecards stored before re-scoring existed have no revision: the one computed at submission is revision 1. */
    private int revision() {
        if ("DRAFT".equals(status)) {
            return 0;
        }
        return scoreRevision == null ? 1 : scoreRevision;
    }

    private Map<String, Assessment.EvidenceReview> reviews() {
        Map<String, Assessment.EvidenceReview> reviews = new LinkedHashMap<>();
        if (evidenceReviews != null) {
            evidenceReviews.forEach((questionId, r) -> reviews.put(questionId,
                    new Assessment.EvidenceReview(r.status(), r.note(), r.reviewedAt(), r.reviewedBy())));
        }
        return reviews;
    }
}
