package hk.esgone.assessment.questionnaire;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The questionnaire versions the service knows; each is validated at load. */
public final class QuestionnaireCatalog {

    /** The files shipped in {@code src/main/resources/questionnaires}; add a line for each new version. */
    public static final List<String> SHIPPED = List.of("questionnaires/hk-sme-v1.json");

    private final List<Questionnaire> questionnaires;

    public QuestionnaireCatalog(List<Questionnaire> questionnaires) {
        for (int i = 0; i < questionnaires.size(); i++) {
            for (int j = i + 1; j < questionnaires.size(); j++) {
                Questionnaire a = questionnaires.get(i);
                Questionnaire b = questionnaires.get(j);
                if (a.key().equals(b.key()) && a.version() == b.version()) {
                    throw new IllegalArgumentException(
                            "questionnaire " + a.key() + " version " + a.version() + " is loaded twice");
                }
            }
        }
        this.questionnaires = List.copyOf(questionnaires);
    }

    /** Loads every shipped file; throws {@link hk.esgone.assessment.support.InvalidDataFileException} if one is bad. */
    public static QuestionnaireCatalog shipped() {
        return new QuestionnaireCatalog(
                SHIPPED.stream().map(QuestionnaireLoader::fromClasspath).toList());
    }

    public Optional<Questionnaire> get(String key, int version) {
        return questionnaires.stream()
                .filter(q -> q.key().equals(key) && q.version() == version)
                .findFirst();
    }

    /** The newest version, the one new assessments start on; older ones stay for assessments begun on them. */
    public Optional<Questionnaire> latest(String key) {
        return questionnaires.stream()
                .filter(q -> q.key().equals(key))
                .max(Comparator.comparingInt(Questionnaire::version));
    }

    public List<Questionnaire> all() {
        return questionnaires;
    }
}
