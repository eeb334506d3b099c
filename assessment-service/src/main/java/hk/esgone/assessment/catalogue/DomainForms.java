package hk.esgone.assessment.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.AnswerChecker;
import hk.esgone.assessment.questionnaire.Evidence;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireLoader;
import hk.esgone.assessment.questionnaire.Section;
import hk.esgone.assessment.questionnaire.SizeBand;
import hk.esgone.assessment.questionnaire.Topic;
import hk.esgone.assessment.scoring.ScoringRules;
import hk.esgone.assessment.scoring.ScoringRulesLoader;
import hk.esgone.assessment.support.Bilingual;
import hk.esgone.assessment.support.InvalidDataFileException;
import tools.jackson.databind.JsonNode;

/**
 * The forms of the domain's questionnaires: its loader reads and checks a published JSON whole, its answer checker
 * checks every autosaved answer, and answers arrive as JSON, turned here into the plain values the checker knows
 * ({@code Boolean}, {@code String}, {@code List<String>}, {@code BigDecimal}).
 */
@Component
class DomainForms implements FormReader {

    private final Scorecards scorecards;

    DomainForms(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @Override
    public Form read(String json, String scoringJson) {
        Questionnaire questionnaire;
        try {
            questionnaire = QuestionnaireLoader.read("questionnaire", json);
        } catch (InvalidDataFileException e) {
            throw new InvalidQuestionnaire(List.of(e.getMessage()));
        }
        String rules = scoringJson != null ? scoringJson : Scorecards.shippedRules(questionnaire);
        if (rules == null) {
            throw new InvalidQuestionnaire(List.of("No scoring rules for " + questionnaire.key() + " version "
                    + questionnaire.version() + ": publish {\"questionnaire\": {...}, \"scoring\": {...}}."));
        }
        ScoringRules scoring;
        try {
            scoring = ScoringRulesLoader.read("scoring", rules, questionnaire);
        } catch (InvalidDataFileException e) {
            throw new InvalidQuestionnaire(List.of(e.getMessage()));
        }
        return new DomainForm(questionnaire, rules, scoring, scorecards);
    }

    /** One loaded questionnaire version with its scoring rules. */
    record DomainForm(Questionnaire questionnaire, String scoringJson, ScoringRules scoring, Scorecards scorecards)
            implements Form {

        @Override
        public String key() {
            return questionnaire.key();
        }

        @Override
        public int version() {
            return questionnaire.version();
        }

        @Override
        public List<String> sectionCodes() {
            return questionnaire.sections().stream().map(s -> s.pillar().name()).toList();
        }

        @Override
        public List<Form.Question> applicable(String industry, String sizeBand) {
            SizeBand band = sizeBand(sizeBand).orElse(null);
            return questionnaire.sections().stream()
                    .flatMap(s -> s.questions().stream().filter(q -> q.appliesTo(industry, band)).map(q -> view(s, q)))
                    .toList();
        }

        @Override
        public Form.Question question(String questionId) {
            for (Section s : questionnaire.sections()) {
                for (hk.esgone.assessment.questionnaire.Question q : s.questions()) {
                    if (q.id().equals(questionId)) {
                        return view(s, q);
                    }
                }
            }
            return null;
        }

        @Override
        public List<AnswerProblem> check(String questionId, AnswerInput input) {
            List<AnswerProblem> problems = new ArrayList<>();
            Evidence evidence = evidence(input.evidence(), problems);
            Answer answer = answer(questionId, input, evidence);
            AnswerChecker.check(questionnaire, answer).forEach(p -> problems.add(
                    new AnswerProblem(p.field(), p.message().en(), p.message().zhHant())));
            if (!input.notApplicable() && input.value() == null && problems.isEmpty()) {
                // the checker treats an empty value as "not answered yet"; a save must carry one
                problems.add(new AnswerProblem("value", "Give an answer, or mark the question as not applicable with a reason.",
                        "請填寫答案，或註明此問題不適用並說明原因。"));
            }
            return problems;
        }

        @Override
        public Object describe(String industry, String sizeBand) {
            SizeBand band = sizeBand(sizeBand).orElse(null);
            boolean narrowed = industry != null || sizeBand != null;
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("key", questionnaire.key());
            view.put("version", questionnaire.version());
            view.put("title", questionnaire.title());
            if (narrowed) {
                view.put("industry", industry);
                view.put("sizeBand", sizeBand);
            }
            List<Object> sections = new ArrayList<>();
            for (Section s : questionnaire.sections()) {
                List<Object> topics = new ArrayList<>();
                for (Topic t : s.topics()) {
                    List<Map<String, Object>> questions = t.questions().stream()
                            .filter(q -> !narrowed || q.appliesTo(industry, band))
                            .map(DomainForm::describe).toList();
                    if (!questions.isEmpty()) {
                        Map<String, Object> topic = new LinkedHashMap<>();
                        topic.put("code", t.code());
                        topic.put("title", t.title());
                        topic.put("hkex", t.hkex().stream().map(Enum::name).toList());
                        topic.put("vsme", t.vsme());
                        topic.put("questions", questions);
                        topics.add(topic);
                    }
                }
                Map<String, Object> section = new LinkedHashMap<>();
                section.put("code", s.pillar().name());
                section.put("title", s.title());
                section.put("topics", topics);
                sections.add(section);
            }
            view.put("sections", sections);
            return view;
        }

        @Override
        public Object scorecard(Map<String, AnswerInput> answers, String industry, String sizeBand, int year,
                Set<String> evidenceChecked) {
            Map<String, Answer> domainAnswers = new LinkedHashMap<>();
            answers.forEach((id, input) -> domainAnswers.put(id, answer(id, input, evidence(input.evidence(), new ArrayList<>()))));
            return scorecards.of(questionnaire, scoring, domainAnswers, industry, sizeBand(sizeBand).orElseThrow(), year,
                    evidenceChecked);
        }

        @Override
        public Map<String, String> topicTitle(String questionId) {
            for (Section s : questionnaire.sections()) {
                for (Topic t : s.topics()) {
                    if (t.questions().stream().anyMatch(q -> q.id().equals(questionId))) {
                        return text(t.title());
                    }
                }
            }
            return null;
        }

        @Override
        public boolean knowsIndustry(String industry) {
            return industry != null && industry.matches("[A-U]");
        }

        @Override
        public boolean knowsSizeBand(String sizeBand) {
            return sizeBand(sizeBand).isPresent();
        }

        private static Optional<SizeBand> sizeBand(String code) {
            if (code == null) {
                return Optional.empty();
            }
            for (SizeBand band : SizeBand.values()) {
                if (band.name().equals(code)) {
                    return Optional.of(band);
                }
            }
            return Optional.empty();
        }

        private static Form.Question view(Section s, hk.esgone.assessment.questionnaire.Question q) {
            return new Form.Question(q.id(), s.pillar().name(), text(q.text()), q.type().name(), q.unit(),
                    q.choices().stream().map(c -> c.code()).toList());
        }

        private static Map<String, String> text(Bilingual b) {
            Map<String, String> text = new LinkedHashMap<>();
            text.put("en", b.en());
            text.put("zhHant", b.zhHant());
            return text;
        }

        private static Map<String, Object> describe(hk.esgone.assessment.questionnaire.Question q) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", q.id());
            view.put("type", q.type().name());
            view.put("text", q.text());
            view.put("help", q.help());
            view.put("example", q.example());
            view.put("unit", q.unit());
            view.put("period", q.period());
            view.put("choices", q.choices().stream().map(c -> Map.of("code", c.code(), "label", c.label())).toList());
            view.put("industries", q.industries().stream().sorted().toList());
            view.put("sizeBands", q.sizeBands().stream().map(Enum::name).sorted().toList());
            view.put("evidenceAllowed", q.evidenceAllowed());
            return view;
        }

        /** The JSON of an answer as the checker's plain values. */
        private static Answer answer(String questionId, AnswerInput input, Evidence evidence) {
            return new Answer(questionId, plain(input.value()), input.unit(), input.notApplicable(), input.reason(), evidence);
        }

        private static Object plain(JsonNode node) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isString()) {
                return node.stringValue();
            }
            if (node.isArray()) {
                List<Object> items = new ArrayList<>();
                node.forEach(item -> items.add(plain(item)));
                return items;
            }
            // an object is no answer of any question type: the checker names the type it expected
            return node.propertyNames().stream().collect(Collectors.toMap(name -> name, name -> "", (a, b) -> a));
        }

        /** Evidence as a link ({@code {"url"}} or a plain string) or a file reference; anything else is a problem. */
        private static Evidence evidence(JsonNode node, List<AnswerProblem> problems) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            if (node.isString()) {
                return new Evidence.Link(node.stringValue());
            }
            if (node.isObject() && node.has("url") && node.size() == 1 && node.get("url").isString()) {
                return new Evidence.Link(node.get("url").stringValue());
            }
            Set<String> fileFields = Set.of("sha256", "fileName", "size", "contentType");
            if (node.isObject() && fileFields.containsAll(node.propertyNames()) && node.path("size").canConvertToLong()
                    && (node.path("sha256").isString() || node.path("sha256").isMissingNode())
                    && (node.path("fileName").isString() || node.path("fileName").isMissingNode())
                    && (node.path("contentType").isString() || node.path("contentType").isMissingNode())) {
                return new Evidence.FileReference(text(node, "sha256"), text(node, "fileName"), node.path("size").longValue(),
                        text(node, "contentType"));
            }
            problems.add(new AnswerProblem("evidence",
                    "Evidence is a link {\"url\": \"https://...\"} or a file reference {\"sha256\", \"fileName\", \"size\", \"contentType\"}.",
                    "證明須為連結 {\"url\"} 或檔案參考 {\"sha256\", \"fileName\", \"size\", \"contentType\"}。"));
            return null;
        }

        private static String text(JsonNode node, String field) {
            return node.path(field).isString() ? node.path(field).stringValue() : null;
        }
    }
}
