package hk.esgone.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireCatalog;
import hk.esgone.assessment.questionnaire.QuestionnaireLoader;
import hk.esgone.assessment.support.InvalidDataFileException;

class ScoringRulesLoaderTests {

    private final Questionnaire small = QuestionnaireLoader.fromClasspath("questionnaires/small-v1.json");
    private final String valid = resource("scoring/small-v1.json");

    private static String resource(String name) {
        try (InputStream in = ScoringRulesLoaderTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRejected(String json, String... messageParts) {
        assertThatThrownBy(() -> ScoringRulesLoader.read("rules.json", json, small))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("rules.json: ")
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void loadsTheShippedRulesForTheShippedQuestionnaire() {
        Questionnaire shipped = QuestionnaireCatalog.shipped().latest("hk-sme").orElseThrow();

        ScoringRules rules = ScoringRulesLoader.forQuestionnaire(shipped);

        assertThat(rules.pillarWeights("C").get(Pillar.E)).isEqualByComparingTo("0.45");
        assertThat(rules.pillarWeights("J").get(Pillar.E)).isEqualByComparingTo("0.25");
        assertThat(rules.weightRow("G")).isEqualTo("default");
        assertThat(rules.pillarWeights("G").get(Pillar.E)).isEqualByComparingTo("0.35");
    }

    @Test
    void rejectsARuleForAnUnknownQuestion() {
        assertRejected(valid.replace("\"G03\":", "\"G09\":"), "rule for unknown question \"G09\"");
    }

    @Test
    void rejectsPillarWeightsThatDoNotAddUpToOne() {
        assertRejected(valid.replace("\"E\": \"0.45\"", "\"E\": \"0.50\""), "add up to 1.05", "must add up to 1");
    }

    @Test
    void rejectsAWeightMatrixWithoutDefaultRow() {
        assertRejected(valid.replace("\"default\":", "\"F\":"), "needs a \"default\" row");
    }

    @Test
    void rejectsAChoiceWithoutPoints() {
        assertRejected(valid.replace(", \"TESTED\": 4", ""), "choice TESTED of question E02 has no points");
    }

    @Test
    void rejectsPointsAboveTheMaximum() {
        assertRejected(valid.replace("\"yes\": 4, \"no\": 0}", "\"yes\": 5, \"no\": 0}"), "must be from 0 to 4");
    }

    @Test
    void rejectsAnEvidenceCapOnAQuestionWithoutEvidence() {
        assertRejected(
                valid.replace("\"G02\": {\"rule\": \"YES_NO\", \"yes\": 0, \"no\": 4}",
                        "\"G02\": {\"rule\": \"YES_NO\", \"yes\": 0, \"no\": 4, \"evidenceCap\": 2}"),
                "evidenceCap on G02, which does not take evidence");
    }

    @Test
    void rejectsARuleThatDoesNotFitTheQuestionType() {
        assertRejected(valid.replace("\"E03\": {\"rule\": \"MEASURED\"}", "\"E03\": {\"rule\": \"YES_NO\", \"yes\": 4, \"no\": 0}"),
                "rule YES_NO does not fit NUMBER question E03");
    }

    @Test
    void rejectsLevelsOutOfOrderOrLooserAbove() {
        assertRejected(valid.replace("\"level\": \"PLATINUM\"", "\"level\": \"DIAMOND\""), "expected level PLATINUM");
        assertRejected(valid.replace("\"overallAtLeast\": \"70\"", "\"overallAtLeast\": \"90\""),
                "GOLD must not ask more than PLATINUM");
    }

    @Test
    void rejectsAQuestionRuledTwice() {
        assertRejected(
                valid.replace("\"G03\": {", "\"G02\": {\"rule\": \"MEASURED\"},\n    \"G03\": {"),
                "not valid JSON",
                "Duplicate Object property \"G02\"");
    }

    @Test
    void rejectsRulesForAnotherQuestionnaire() {
        assertRejected(valid.replace("\"questionnaire\": \"small\"", "\"questionnaire\": \"hk-sme\""),
                "the rules are for hk-sme version 1, not for small version 1");
    }
}
