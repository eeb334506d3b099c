package hk.esgone.assessment.plan;

import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireLoader;

/** The plan data with the questionnaire it was checked against (whose topic titles and question texts plans show). */
public record PlanBook(Questionnaire questionnaire, PlanData data) {

    /** The shipped plan data, checked against the shipped questionnaire of its key; a broken file stops the service. */
    public static PlanBook shipped() {
        Questionnaire questionnaire = QuestionnaireLoader.fromClasspath("questionnaires/hk-sme-v1.json");
        return new PlanBook(questionnaire, PlanDataLoader.fromClasspath(PlanDataLoader.SHIPPED, questionnaire));
    }
}
