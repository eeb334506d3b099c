package hk.esgone.assessment.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireLoader;
import hk.esgone.assessment.support.InvalidDataFileException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shipped plan data loads; a broken file is refused at load with a message naming the place. */
class PlanDataLoaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Questionnaire QUESTIONNAIRE = QuestionnaireLoader.fromClasspath("questionnaires/hk-sme-v1.json");

    @Test
    void theShippedFileCoversEveryTopicInBothLanguages() {
        PlanBook book = PlanBook.shipped();

        assertThat(book.data().topics().keySet())
                .containsExactlyInAnyOrderElementsOf(QUESTIONNAIRE.topics().stream().map(t -> t.code()).toList());
        assertThat(book.data().topics().get("E-ENERGY").solutionCategory()).isEqualTo("ENERGY_SAVING");
        assertThat(book.data().topics().get("E-ENERGY").recommendation().en()).contains("CLP Eco Building Fund");
        assertThat(book.data().topics().get("G-ETHICS").solutionCategory()).isNull();
        assertThat(book.data().practices().get("G04").zhHant()).isEqualTo("設有反貪污政策");
    }

    @Test
    void refusesATopicWithoutAnEntry() {
        refused(root -> ((ObjectNode) root.get("topics")).remove("S-LABOUR"), "topic S-LABOUR has no entry");
    }

    @Test
    void refusesAnUnknownTopic() {
        refused(root -> ((ObjectNode) root.get("topics")).set("E-NOISE", root.get("topics").get("E-WATER")), "no topic \"E-NOISE\"");
    }

    @Test
    void refusesAStepForAQuestionThatDoesNotExistOrIsInAnotherTopic() {
        refused(root -> steps(root, "E-ENERGY").set("E99", root.get("evidenceStep")), "no question \"E99\"");
        refused(root -> steps(root, "E-ENERGY").set("G04", root.get("evidenceStep")), "question G04 is not in topic E-ENERGY");
    }

    @Test
    void refusesACategoryTheOtherServicesDoNotKnow() {
        refused(root -> ((ObjectNode) root.get("topics").get("E-ENERGY")).put("solutionCategory", "ENERGY"),
                "unknown solutionCategory \"ENERGY\"");
        refused(root -> ((ObjectNode) root.get("topics").get("E-ENERGY")).put("offerCategory", "ENERGY_SAVING"),
                "unknown offerCategory \"ENERGY_SAVING\"");
    }

    @Test
    void refusesATextInOneLanguageOnly() {
        refused(root -> ((ObjectNode) root.get("topics").get("S-SAFETY").get("recommendation")).remove("zhHant"),
                "topics.S-SAFETY: \"recommendation\" is missing its Chinese text (zhHant)");
    }

    @Test
    void refusesAPracticeLabelForAQuestionThatIsNoPractice() {
        refused(root -> ((ObjectNode) root.get("practices")).set("E02", root.get("evidenceStep")),
                "question E02 is NUMBER; practices are YES_NO or SINGLE_CHOICE questions");
        refused(root -> ((ObjectNode) root.get("practices")).set("X01", root.get("evidenceStep")), "no question \"X01\"");
    }

    @Test
    void refusesAnotherQuestionnaireOrAThresholdOutOfRange() {
        refused(root -> ((ObjectNode) root).put("questionnaire", "other"), "is for questionnaire \"other\"");
        refused(root -> ((ObjectNode) root).put("weakTopicBelow", "120"), "weakTopicBelow must be more than 0 and at most 100");
    }

    private static ObjectNode steps(tools.jackson.databind.JsonNode root, String topic) {
        return (ObjectNode) root.get("topics").get(topic).get("steps");
    }

    private static void refused(Consumer<tools.jackson.databind.JsonNode> breakIt, String message) {
        ObjectNode root = (ObjectNode) JSON.readTree(shipped());
        breakIt.accept(root);
        String json = JSON.writeValueAsString(root);
        assertThatThrownBy(() -> PlanDataLoader.read("broken.json", json, QUESTIONNAIRE))
                .isInstanceOf(InvalidDataFileException.class).hasMessageContaining(message).hasMessageStartingWith("broken.json: ");
    }

    private static String shipped() {
        try (InputStream in = PlanDataLoaderTests.class.getClassLoader().getResourceAsStream(PlanDataLoader.SHIPPED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
