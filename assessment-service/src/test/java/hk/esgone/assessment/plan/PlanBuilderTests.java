package hk.esgone.assessment.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The plan of a scorecard built by hand: which topics, in which order, with which category and next steps. */
class PlanBuilderTests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final PlanBook BOOK = PlanBook.shipped();

    private static String topic(String code, String pillar, String score) {
        return "{\"code\":\"" + code + "\",\"pillar\":\"" + pillar + "\",\"score\":" + score + "}";
    }

    private static String question(String id, String topic, int points, int max, String outcome) {
        return "{\"questionId\":\"" + id + "\",\"topic\":\"" + topic + "\",\"points\":" + points + ",\"max\":" + max
                + ",\"outcome\":\"" + outcome + "\"}";
    }

    private static ImprovementPlan plan(List<String> topics, List<String> questions) {
        String scorecard = "{\"score\":{\"topics\":[" + String.join(",", topics) + "],\"questions\":[" + String.join(",", questions)
                + "]}}";
        return PlanBuilder.build(BOOK.questionnaire(), BOOK.data(), JSON.readTree(scorecard));
    }

    @Test
    void weakTopicsOnlyWeakestFirstWithTheirCategoriesAndSteps() {
        ImprovementPlan plan = plan(
                List.of(topic("E-ENERGY", "E", "25.0"), topic("E-WATER", "E", "100.0"), topic("G-ETHICS", "G", "12.5"),
                        topic("S-SAFETY", "S", "59.9"), topic("S-TRAINING", "S", "60.0"), topic("S-COMMUNITY", "S", "null")),
                List.of(question("E10", "E-ENERGY", 4, 4, "SCORED"), question("E13", "E-ENERGY", 1, 4, "SCORED"),
                        question("E14", "E-ENERGY", 0, 4, "SCORED"), question("G04", "G-ETHICS", 2, 4, "CAPPED"),
                        question("G05", "G-ETHICS", 0, 4, "SCORED"), question("S09", "S-SAFETY", 0, 4, "SCORED"),
                        question("S10", "S-SAFETY", 0, 0, "NOT_APPLICABLE")));

        // 60.0 is not below the threshold 60; 100 is not weak; a topic without a score (all N/A) is not weak
        assertThat(plan.topics()).extracting(ImprovementPlan.WeakTopic::topic).containsExactly("G-ETHICS", "E-ENERGY", "S-SAFETY");
        ImprovementPlan.WeakTopic ethics = plan.topics().get(0);
        assertThat(ethics.solutionCategory()).isNull();
        assertThat(ethics.offerCategory()).isEqualTo("TRAINING");
        assertThat(ethics.title().zhHant()).isNotBlank();
        assertThat(ethics.recommendation().en()).contains("ICAC");
        assertThat(ethics.steps()).extracting(ImprovementPlan.Step::questionId).containsExactly("G04", "G05");
        // capped: the step is to attach evidence; lost points: the question's own step
        assertThat(ethics.steps().get(0).step()).isEqualTo(BOOK.data().evidenceStep());
        assertThat(ethics.steps().get(1).step()).isEqualTo(BOOK.data().topics().get("G-ETHICS").steps().get("G05"));

        ImprovementPlan.WeakTopic energy = plan.topics().get(1);
        assertThat(energy.solutionCategory()).isEqualTo("ENERGY_SAVING");
        assertThat(energy.offerCategory()).isEqualTo("ENERGY");
        // full points (E10) are no gap
        assertThat(energy.steps()).extracting(ImprovementPlan.Step::questionId).containsExactly("E13", "E14");
        assertThat(energy.steps().get(0).question().en()).isEqualTo("Which energy-saving measures are in place?");

        // S09 has no step of its own: the topic's fallback; S10 (N/A, max 0) is no gap
        ImprovementPlan.WeakTopic safety = plan.topics().get(2);
        assertThat(safety.steps()).extracting(ImprovementPlan.Step::questionId).containsExactly("S09");
        assertThat(safety.steps().get(0).step()).isEqualTo(BOOK.data().topics().get("S-SAFETY").fallbackStep());
    }

    @Test
    void atMostFiveTopicsAndTiesInQuestionnaireOrder() {
        ImprovementPlan plan = plan(List.of(topic("G-PRIVACY", "G", "10.0"), topic("E-WASTE", "E", "10.0"),
                topic("E-ENERGY", "E", "10.0"), topic("S-LABOUR", "S", "5.0"), topic("E-CLIMATE", "E", "40.0"),
                topic("S-SUPPLY", "S", "45.0"), topic("S-PRODUCT", "S", "50.0")), List.of());

        assertThat(plan.topics()).extracting(ImprovementPlan.WeakTopic::topic)
                .containsExactly("S-LABOUR", "E-ENERGY", "E-WASTE", "G-PRIVACY", "E-CLIMATE");
    }

    @Test
    void aStrongScorecardHasNoWeakTopic() {
        assertThat(plan(List.of(topic("E-ENERGY", "E", "90.0")), List.of(question("E13", "E-ENERGY", 3, 4, "SCORED"))).topics())
                .isEmpty();
    }
}
