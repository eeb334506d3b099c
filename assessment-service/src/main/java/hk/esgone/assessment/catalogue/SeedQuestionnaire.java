package hk.esgone.assessment.catalogue;

/** The questionnaire file shipped with the service (esg.assessment.seed-questionnaire), as text. */
public record SeedQuestionnaire(String path, String json) {

    public static SeedQuestionnaire fromClasspath(String path) {
        return new SeedQuestionnaire(path, QuestionnaireCatalogue.resource(path));
    }
}
