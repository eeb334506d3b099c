package hk.esgone.assessment.questionnaire;

import java.util.List;

import hk.esgone.assessment.support.Bilingual;

public record Section(Pillar pillar, Bilingual title, List<Topic> topics) {

    public Section {
        topics = List.copyOf(topics);
    }

    public List<Question> questions() {
        return topics.stream().flatMap(t -> t.questions().stream()).toList();
    }
}
