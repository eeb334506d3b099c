package hk.esgone.assessment.answering.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.StoredAnswer;
import hk.esgone.assessment.badges.BadgeState;
import tools.jackson.databind.JsonNode;

/** What the answering API answers. */
final class AssessmentViews {

    private AssessmentViews() {
    }

    record QuestionnaireRef(String key, int version) {
    }

    record SectionProgress(String section, int answered, int applicable) {
    }

    record Progress(int answered, int applicable, List<SectionProgress> sections) {
    }

    record AssessmentView(String id, String companyId, int year, String industry, String sizeBand, String status,
            QuestionnaireRef questionnaire, Progress progress, List<Map<String, Object>> answers, Instant createdAt,
            Instant updatedAt, Instant submittedAt, BadgesView badges) {

        AssessmentView withBadges(BadgesView state) {
            return new AssessmentView(id, companyId, year, industry, sizeBand, status, questionnaire, progress, answers, createdAt,
                    updatedAt, submittedAt, state);
        }
    }

    /**
     * The badges a submitted assessment earns, as badge-service issued them (null while a draft). Why the last attempt
     * failed and when the next is due are for admins; members see the state and the badges.
     */
    record BadgesView(String state, List<IssuedBadgeView> issued, int attempts, Instant nextAttemptAt, String lastError) {

        static BadgesView of(BadgeState state, boolean admin) {
            return new BadgesView(state.state().name(), state.issued().stream()
                    .map(i -> new IssuedBadgeView(i.kind().name(), i.achievementId(), i.badgeId(), i.issuedAt())).toList(),
                    state.attempts(), admin ? state.nextAttemptAt() : null, admin ? state.lastError() : null);
        }
    }

    record IssuedBadgeView(String kind, String achievementId, String badgeId, Instant issuedAt) {
    }

    record AssessmentList(List<AssessmentView> items) {
    }

    record SubmissionView(AssessmentView assessment, JsonNode scorecard) {
    }

    /** @param scoreRevision 1 for the scorecard computed at submission, one more for each re-score after accepted evidence */
    record ScorecardView(String assessmentId, String companyId, int year, QuestionnaireRef questionnaire, Instant submittedAt,
            JsonNode scorecard, int scoreRevision) {
    }

    /** The admin's decision on an answer's evidence: once submitted, for an answer with evidence (else null). */
    private static Map<String, Object> withReview(Map<String, Object> answer, Assessment.EvidenceReview review) {
        Map<String, Object> view = new java.util.LinkedHashMap<>(answer);
        if (review == null) {
            view.put("evidenceReview", null);
        } else {
            Map<String, Object> decision = new java.util.LinkedHashMap<>();
            decision.put("status", review.status());
            decision.put("note", review.note());
            decision.put("reviewedAt", review.reviewedAt() == null ? null : review.reviewedAt().toString());
            view.put("evidenceReview", decision);
        }
        return view;
    }

    static AssessmentView of(AssessmentService.Read read, AssessmentService service) {
        var a = read.assessment();
        Map<String, int[]> bySection = AssessmentService.progress(read);
        List<SectionProgress> sections = bySection.entrySet().stream()
                .map(e -> new SectionProgress(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        int answered = sections.stream().mapToInt(SectionProgress::answered).sum();
        int applicable = sections.stream().mapToInt(SectionProgress::applicable).sum();
        List<Map<String, Object>> answers = a.answers().values().stream()
                .sorted(java.util.Comparator.comparing(StoredAnswer::questionId))
                .map(answer -> withReview(service.describe(answer), a.evidenceReview(answer.questionId()))).toList();
        return new AssessmentView(a.id(), a.companyId(), a.year(), a.industry(), a.sizeBand(), a.status().name(),
                new QuestionnaireRef(a.questionnaireKey(), a.questionnaireVersion()), new Progress(answered, applicable, sections),
                answers, a.createdAt(), a.updatedAt(), a.submittedAt(), null);
    }
}
