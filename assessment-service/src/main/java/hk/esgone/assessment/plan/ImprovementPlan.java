package hk.esgone.assessment.plan;

import java.math.BigDecimal;
import java.util.List;

import hk.esgone.assessment.support.Bilingual;

/**
 * What to improve first: the weak topics of a scorecard, weakest first, each with a recommendation, the directory's
 * green-solution category and the offers category that help, and a next step per question that lost points.
 */
public record ImprovementPlan(BigDecimal weakTopicBelow, List<WeakTopic> topics) {

    public ImprovementPlan {
        topics = List.copyOf(topics);
    }

    public record WeakTopic(String topic, Bilingual title, String pillar, BigDecimal score, Bilingual recommendation,
            String solutionCategory, String offerCategory, List<Step> steps) {

        public WeakTopic {
            steps = List.copyOf(steps);
        }
    }

    /**
     * @param outcome as scored: SCORED (points short of the maximum) or CAPPED (evidence not checked yet)
     */
    public record Step(String questionId, Bilingual question, BigDecimal points, BigDecimal max, String outcome, Bilingual step) {
    }
}
