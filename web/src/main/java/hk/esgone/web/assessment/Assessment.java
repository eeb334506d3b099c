package hk.esgone.web.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceJson;
import tools.jackson.databind.JsonNode;

/**
 * One of the company's assessments as assessment-service shows it: status, industry and size band it was started
 * with, the questionnaire version it started on (0 when the service did not say), its answers (each with its revision) and its progress per section.
 */
public record Assessment(String id, int year, String industry, String sizeBand, int questionnaireVersion, String status,
                         Map<String, Answer> answers, Progress progress, Instant updatedAt, Instant submittedAt) {

    /** Assessment ids as assessment-service makes them ({@code asm-} and 12 characters); anything else is not looked up. */
    public static boolean validId(String id) {
        return id != null && id.matches("asm-[A-Za-z0-9_-]{4,40}");
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }

    public Answer answer(String questionId) {
        return answers.get(questionId);
    }

    /** The revision the next save of {@code questionId} starts from (0 when it was never answered). */
    public long revision(String questionId) {
        Answer answer = answers.get(questionId);
        return answer == null ? 0 : answer.revision();
    }

    /**
     * One stored answer.
     *
     * @param value JSON as stored: boolean, number, choice code, list of codes or text; null when cleared
     */
    public record Answer(String questionId, JsonNode value, String unit, boolean notApplicable, String reason, long revision,
                         boolean cleared, Instant updatedAt, Evidence evidence, Evidence.Review evidenceReview) {

        public Answer(String questionId, JsonNode value, String unit, boolean notApplicable, String reason, long revision,
                      boolean cleared, Instant updatedAt) {
            this(questionId, value, unit, notApplicable, reason, revision, cleared, updatedAt, null, null);
        }

        /** Counts as answered: a value, or "not applicable". */
        public boolean answered() {
            return !cleared && (notApplicable || (value != null && !value.isNull()));
        }

        /** The value as the form fields show it: one string per chosen code, or the number/text. */
        public List<String> fieldValues() {
            List<String> values = new ArrayList<>();
            if (value == null || value.isNull() || cleared) {
                return values;
            }
            if (value.isArray()) {
                value.forEach(v -> values.add(v.asString("")));
            } else if (value.isNumber()) {
                values.add(value.decimalValue().stripTrailingZeros().toPlainString());
            } else if (value.isBoolean()) {
                values.add(String.valueOf(value.booleanValue()));
            } else {
                values.add(value.asString(""));
            }
            return values;
        }

        static Answer of(JsonNode a) {
            JsonNode value = a.path("value");
            return new Answer(a.path("questionId").asString(""), value.isMissingNode() || value.isNull() ? null : value,
                    a.path("unit").asString(null), a.path("notApplicable").asBoolean(false), a.path("reason").asString(null),
                    a.path("revision").asLong(0), a.path("cleared").asBoolean(false), ServiceJson.instant(a.path("updatedAt")),
                    Evidence.of(a.path("evidence")), Evidence.Review.of(a.path("evidenceReview")));
        }
    }

    /** Answered / applicable questions, overall and per section (E, S, G). */
    public record Progress(int answered, int applicable, Map<String, int[]> sections) {

        public int percent() {
            return applicable == 0 ? 0 : answered * 100 / applicable;
        }

        public int answered(String section) {
            int[] counts = sections.get(section);
            return counts == null ? 0 : counts[0];
        }

        public int applicable(String section) {
            int[] counts = sections.get(section);
            return counts == null ? 0 : counts[1];
        }

        /** Counted from the answers and the questions that apply, as the service counts them. */
        static Progress of(Questionnaire questionnaire, Map<String, Answer> answers) {
            Map<String, int[]> sections = new LinkedHashMap<>();
            int answered = 0;
            int applicable = 0;
            for (Questionnaire.Section section : questionnaire.sections()) {
                int done = 0;
                int all = 0;
                for (Questionnaire.Question q : section.questions()) {
                    all++;
                    Answer a = answers.get(q.id());
                    if (a != null && a.answered()) {
                        done++;
                    }
                }
                sections.put(section.code(), new int[] {done, all});
                answered += done;
                applicable += all;
            }
            return new Progress(answered, applicable, sections);
        }
    }

    /** The summary a listing shows; the overall score and level once submitted (from the scorecard). */
    public record Summary(Assessment assessment, BigDecimal overall, String level) {

        public Bilingual levelTitle() {
            return Scorecard.levelTitle(level);
        }
    }

    public ZonedDateTime updatedAtLocal() {
        return updatedAt == null ? null : updatedAt.atZone(Assessments.HONG_KONG);
    }

    public ZonedDateTime submittedAtLocal() {
        return submittedAt == null ? null : submittedAt.atZone(Assessments.HONG_KONG);
    }

    static Assessment of(JsonNode a) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        a.path("answers").forEach(answer -> answers.put(answer.path("questionId").asString(""), Answer.of(answer)));
        Map<String, int[]> sections = new LinkedHashMap<>();
        a.path("progress").path("sections").forEach(s -> sections.put(s.path("section").asString(""),
                new int[] {s.path("answered").asInt(0), s.path("applicable").asInt(0)}));
        Progress progress = new Progress(a.path("progress").path("answered").asInt(0), a.path("progress").path("applicable").asInt(0),
                sections);
        return new Assessment(a.path("id").asString(""), a.path("year").asInt(0), a.path("industry").asString(null),
                a.path("sizeBand").asString(null), a.path("questionnaire").path("version").asInt(0), a.path("status").asString("DRAFT"), answers, progress,
                ServiceJson.instant(a.path("updatedAt")), ServiceJson.instant(a.path("submittedAt")));
    }
}
