package hk.esgone.assessment.plan;

import java.math.BigDecimal;
import java.util.Map;

import hk.esgone.assessment.support.Bilingual;

/**
 * The improvement-plan data of one questionnaire key ({@code plan/<key>-v<n>.json}), checked whole by
 * {@link PlanDataLoader}.
 *
 * @param weakTopicBelow a topic scoring below this (0-100) is a weak topic
 * @param evidenceStep   the next step of a question capped because its evidence is not checked yet
 * @param topics         by topic code: every topic of the questionnaire
 * @param practices      by question id: the short practice label an industry insight puts after its percentage
 */
public record PlanData(String questionnaireKey, BigDecimal weakTopicBelow, Bilingual evidenceStep, Map<String, TopicPlan> topics,
        Map<String, Bilingual> practices) {

    public PlanData {
        topics = Map.copyOf(topics);
        practices = Map.copyOf(practices);
    }

    /**
     * @param solutionCategory directory-service's green-solution category that helps, or null (most S and G topics)
     * @param offerCategory    offers-service's offer category that helps, or null
     * @param fallbackStep     the next step of a question of this topic without its own
     * @param steps            by question id: the next step when that question lost points
     */
    public record TopicPlan(Bilingual recommendation, String solutionCategory, String offerCategory, Bilingual fallbackStep,
            Map<String, Bilingual> steps) {

        public TopicPlan {
            steps = Map.copyOf(steps);
        }

        public Bilingual step(String questionId) {
            return steps.getOrDefault(questionId, fallbackStep);
        }
    }
}
