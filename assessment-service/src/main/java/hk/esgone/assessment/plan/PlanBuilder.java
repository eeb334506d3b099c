package hk.esgone.assessment.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.Topic;
import hk.esgone.assessment.support.Bilingual;
import tools.jackson.databind.JsonNode;

/** Builds the improvement plan of a stored scorecard from the plan data; pure and deterministic. */
public final class PlanBuilder {

    /** A plan names at most this many topics: a short list gets done. */
    public static final int MAX_TOPICS = 5;

    private PlanBuilder() {
    }

    /**
     * @param questionnaire the questionnaire the plan data was checked against (topic titles, order, question texts)
     * @param scorecard     the stored scorecard ({@code score.topics}, {@code score.questions})
     */
    public static ImprovementPlan build(Questionnaire questionnaire, PlanData data, JsonNode scorecard) {
        JsonNode score = scorecard.path("score");
        Map<String, Integer> order = new LinkedHashMap<>();
        questionnaire.topics().forEach(t -> order.put(t.code(), order.size()));
        record Candidate(String code, String pillar, BigDecimal score) {
        }
        List<Candidate> weak = new ArrayList<>();
        for (JsonNode topic : score.path("topics")) {
            String code = topic.path("code").asString("");
            // a topic without a score (every question N/A) is not weak, and one the plan data does not know is skipped
            if (!topic.path("score").isNumber() || !data.topics().containsKey(code) || !order.containsKey(code)) {
                continue;
            }
            BigDecimal value = topic.path("score").decimalValue();
            if (value.compareTo(data.weakTopicBelow()) < 0) {
                weak.add(new Candidate(code, topic.path("pillar").asString(""), value));
            }
        }
        weak.sort(Comparator.comparing(Candidate::score).thenComparing(c -> order.get(c.code())));
        List<ImprovementPlan.WeakTopic> topics = new ArrayList<>();
        for (Candidate candidate : weak.subList(0, Math.min(MAX_TOPICS, weak.size()))) {
            PlanData.TopicPlan plan = data.topics().get(candidate.code());
            Topic topic = questionnaire.topic(candidate.code()).orElseThrow();
            List<ImprovementPlan.Step> steps = new ArrayList<>();
            for (JsonNode q : score.path("questions")) {
                if (!candidate.code().equals(q.path("topic").asString(""))) {
                    continue;
                }
                BigDecimal points = q.path("points").decimalValue();
                BigDecimal max = q.path("max").decimalValue();
                if (max.signum() <= 0 || points.compareTo(max) >= 0) {
                    continue;
                }
                String id = q.path("questionId").asString("");
                String outcome = q.path("outcome").asString("");
                Bilingual text = questionnaire.question(id).map(Question::text).orElse(Bilingual.of(id, id));
                Bilingual step = "CAPPED".equals(outcome) ? data.evidenceStep() : plan.step(id);
                steps.add(new ImprovementPlan.Step(id, text, points, max, outcome, step));
            }
            topics.add(new ImprovementPlan.WeakTopic(candidate.code(), topic.title(), candidate.pillar(), candidate.score(),
                    plan.recommendation(), plan.solutionCategory(), plan.offerCategory(), steps));
        }
        return new ImprovementPlan(data.weakTopicBelow(), topics);
    }
}
