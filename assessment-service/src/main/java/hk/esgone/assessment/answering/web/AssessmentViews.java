package hk.esgone.assessment.answering.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.StoredAnswer;
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
            Instant updatedAt, Instant submittedAt) {
    }

    record AssessmentList(List<AssessmentView> items) {
    }

    record SubmissionView(AssessmentView assessment, JsonNode scorecard) {
    }

    record ScorecardView(String assessmentId, String companyId, int year, QuestionnaireRef questionnaire, Instant submittedAt,
            JsonNode scorecard) {
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
                .map(service::describe).toList();
        return new AssessmentView(a.id(), a.companyId(), a.year(), a.industry(), a.sizeBand(), a.status().name(),
                new QuestionnaireRef(a.questionnaireKey(), a.questionnaireVersion()), new Progress(answered, applicable, sections),
                answers, a.createdAt(), a.updatedAt(), a.submittedAt());
    }
}
