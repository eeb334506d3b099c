package hk.esgone.assessment.questionnaire;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import hk.esgone.assessment.support.Bilingual;

/** A questionnaire version, loaded from data by {@link QuestionnaireLoader}; immutable. */
public record Questionnaire(String key, int version, Bilingual title, List<Section> sections) {

    public Questionnaire {
        sections = List.copyOf(sections);
    }

    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    public Optional<Question> question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Section> section(Pillar pillar) {
        return sections.stream().filter(s -> s.pillar() == pillar).findFirst();
    }

    public List<Topic> topics() {
        return sections.stream().flatMap(s -> s.topics().stream()).toList();
    }

    public Optional<Topic> topic(String code) {
        return topics().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Optional<Topic> topicOf(String questionId) {
        return topics().stream()
                .filter(t -> t.questions().stream().anyMatch(q -> q.id().equals(questionId)))
                .findFirst();
    }

    public Optional<Pillar> pillarOf(String questionId) {
        return sections.stream()
                .filter(s -> s.questions().stream().anyMatch(q -> q.id().equals(questionId)))
                .map(Section::pillar)
                .findFirst();
    }

    /** The questions a company of this industry (HSIC section letter) and size sees, in questionnaire order. */
    public List<Question> applicableQuestions(String industrySection, SizeBand sizeBand) {
        return questions().stream().filter(q -> q.appliesTo(industrySection, sizeBand)).toList();
    }

    public Optional<Question> questionFor(CarbonInput input) {
        return questions().stream().filter(q -> q.carbon() == input).findFirst();
    }

    /** Progress per section; {@code answeredIds} are the questions answered with a valid value or N/A. */
    public List<SectionProgress> progress(String industrySection, SizeBand sizeBand, Set<String> answeredIds) {
        return sections.stream()
                .map(s -> {
                    List<Question> applicable = s.questions().stream()
                            .filter(q -> q.appliesTo(industrySection, sizeBand))
                            .toList();
                    int answered = (int) applicable.stream()
                            .filter(q -> answeredIds.contains(q.id()))
                            .count();
                    return new SectionProgress(s.pillar(), answered, applicable.size());
                })
                .toList();
    }
}
