package hk.esgone.web.assessment;

import java.util.ArrayList;
import java.util.List;

import hk.esgone.web.support.Bilingual;
import tools.jackson.databind.JsonNode;

/**
 * The questionnaire as assessment-service describes it (both languages), narrowed to one company's industry and size
 * band: sections E, S, G, their topics and questions.
 */
public record Questionnaire(String key, int version, List<Section> sections) {

    /** The question types the wizard draws an input for. */
    public static final List<String> TYPES = List.of("YES_NO", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "PERCENTAGE", "NUMBER", "TEXT");

    public record Section(String code, Bilingual title, List<Topic> topics) {

        public List<Question> questions() {
            return topics.stream().flatMap(t -> t.questions().stream()).toList();
        }
    }

    public record Topic(String code, Bilingual title, List<Question> questions) {
    }

    public record Choice(String code, Bilingual label) {
    }

    /**
     * @param unit   for NUMBER (litres, kWh, HKD, …), else null
     * @param period for NUMBER ("year"), else null
     * @param evidenceAllowed whether an answer may carry evidence (a file or a link)
     */
    public record Question(String id, String section, String type, Bilingual text, Bilingual help, Bilingual example, String unit,
                           String period, List<Choice> choices, boolean evidenceAllowed) {

        public boolean typed(String name) {
            return type.equals(name);
        }

        public Bilingual choiceLabel(String code) {
            return choices.stream().filter(c -> c.code().equals(code)).map(Choice::label).findFirst().orElse(new Bilingual(code, code));
        }
    }

    public Section section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    public Question question(String id) {
        return sections.stream().flatMap(s -> s.questions().stream()).filter(q -> q.id().equals(id)).findFirst().orElse(null);
    }

    public Topic topic(String code) {
        return sections.stream().flatMap(s -> s.topics().stream()).filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    static Questionnaire of(JsonNode json) {
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : json.path("sections")) {
            String section = s.path("code").asString("");
            List<Topic> topics = new ArrayList<>();
            for (JsonNode t : s.path("topics")) {
                List<Question> questions = new ArrayList<>();
                for (JsonNode q : t.path("questions")) {
                    List<Choice> choices = new ArrayList<>();
                    q.path("choices").forEach(c -> choices.add(new Choice(c.path("code").asString(""), Bilingual.of(c.path("label")))));
                    String type = q.path("type").asString("");
                    questions.add(new Question(q.path("id").asString(""), section, TYPES.contains(type) ? type : "TEXT",
                            Bilingual.of(q.path("text")), Bilingual.of(q.path("help")), Bilingual.of(q.path("example")),
                            q.path("unit").asString(null), q.path("period").asString(null), List.copyOf(choices),
                            q.path("evidenceAllowed").asBoolean(false)));
                }
                topics.add(new Topic(t.path("code").asString(""), Bilingual.of(t.path("title")), List.copyOf(questions)));
            }
            sections.add(new Section(section, Bilingual.of(s.path("title")), List.copyOf(topics)));
        }
        return new Questionnaire(json.path("key").asString(""), json.path("version").asInt(0), List.copyOf(sections));
    }
}
