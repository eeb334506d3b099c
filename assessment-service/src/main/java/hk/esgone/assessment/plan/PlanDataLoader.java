package hk.esgone.assessment.plan;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.QuestionType;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.Topic;
import hk.esgone.assessment.support.Bilingual;
import hk.esgone.assessment.support.DataNode;

/**
 * Reads an improvement-plan file and checks it against its questionnaire at load, so that a broken file stops the
 * service: every topic has an entry and no unknown one, every question id exists (and a step belongs to its
 * topic), categories are codes the other services know, every text has both languages.
 */
public final class PlanDataLoader {

    public static final String SHIPPED = "plan/hk-sme-v1.json";

    /** directory-service's green-solution categories (its taxonomy, {@code SOLUTION_CATEGORIES}). */
    static final Set<String> SOLUTION_CATEGORIES = Set.of("ENERGY_SAVING", "WASTE_HEAT_RECOVERY", "VOC_REDUCTION",
            "WASTEWATER_REUSE", "RENEWABLE_ENERGY", "CIRCULAR_MATERIALS", "CARBON_ACCOUNTING", "DIGITAL_SOLUTIONS");
    /** offers-service's offer categories (its {@code OfferCategory}). */
    static final Set<String> OFFER_CATEGORIES = Set.of("BANKING_AND_FINANCE", "INSURANCE", "LOGISTICS", "SOFTWARE_AND_DIGITAL",
            "ENERGY", "CONSULTING_AND_CERTIFICATION", "TELECOMMUNICATIONS", "TRAINING", "OFFICE_AND_SUPPLIES", "OTHER");

    private PlanDataLoader() {
    }

    public static PlanData fromClasspath(String resource, Questionnaire questionnaire) {
        InputStream in = PlanDataLoader.class.getClassLoader().getResourceAsStream(resource);
        return read(DataNode.parse(resource, in), questionnaire);
    }

    public static PlanData read(String fileName, String json, Questionnaire questionnaire) {
        return read(DataNode.parse(fileName, json), questionnaire);
    }

    private static PlanData read(DataNode root, Questionnaire questionnaire) {
        root.allowOnly("questionnaire", "weakTopicBelow", "evidenceStep", "topics", "practices");
        String key = root.text("questionnaire");
        if (!key.equals(questionnaire.key())) {
            throw root.fail("is for questionnaire \"" + key + "\", not \"" + questionnaire.key() + "\"");
        }
        BigDecimal threshold = root.decimal("weakTopicBelow");
        if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw root.fail("weakTopicBelow must be more than 0 and at most 100");
        }
        Bilingual evidenceStep = root.bilingual("evidenceStep");

        DataNode topicsNode = root.object("topics");
        Map<String, PlanData.TopicPlan> topics = new LinkedHashMap<>();
        for (String code : topicsNode.fieldNames()) {
            DataNode t = topicsNode.object(code);
            Topic topic = questionnaire.topic(code).orElseThrow(() -> t.fail("no topic \"" + code + "\" in questionnaire "
                    + questionnaire.key()));
            t.allowOnly("recommendation", "solutionCategory", "offerCategory", "fallbackStep", "steps");
            String solution = t.optionalText("solutionCategory").orElse(null);
            if (solution != null && !SOLUTION_CATEGORIES.contains(solution)) {
                throw t.fail("unknown solutionCategory \"" + solution + "\"; one of " + new TreeSet<>(SOLUTION_CATEGORIES));
            }
            String offer = t.optionalText("offerCategory").orElse(null);
            if (offer != null && !OFFER_CATEGORIES.contains(offer)) {
                throw t.fail("unknown offerCategory \"" + offer + "\"; one of " + new TreeSet<>(OFFER_CATEGORIES));
            }
            Map<String, Bilingual> steps = new LinkedHashMap<>();
            DataNode stepsNode = t.optionalObject("steps").orElse(null);
            if (stepsNode != null) {
                for (String questionId : stepsNode.fieldNames()) {
                    boolean inTopic = topic.questions().stream().anyMatch(q -> q.id().equals(questionId));
                    if (!inTopic) {
                        throw stepsNode.fail(questionnaire.question(questionId).isPresent()
                                ? "question " + questionId + " is not in topic " + code
                                : "no question \"" + questionId + "\" in questionnaire " + questionnaire.key());
                    }
                    steps.put(questionId, stepsNode.bilingual(questionId));
                }
            }
            topics.put(code, new PlanData.TopicPlan(t.bilingual("recommendation"), solution, offer, t.bilingual("fallbackStep"),
                    steps));
        }
        for (Topic topic : questionnaire.topics()) {
            if (!topics.containsKey(topic.code())) {
                throw topicsNode.fail("topic " + topic.code() + " has no entry");
            }
        }

        Map<String, Bilingual> practices = new LinkedHashMap<>();
        DataNode practicesNode = root.object("practices");
        for (String questionId : practicesNode.fieldNames()) {
            Question question = questionnaire.question(questionId).orElseThrow(() -> practicesNode.fail("no question \""
                    + questionId + "\" in questionnaire " + questionnaire.key()));
            if (question.type() != QuestionType.YES_NO && question.type() != QuestionType.SINGLE_CHOICE) {
                throw practicesNode.fail("question " + questionId + " is " + question.type()
                        + "; practices are YES_NO or SINGLE_CHOICE questions");
            }
            practices.put(questionId, practicesNode.bilingual(questionId));
        }
        return new PlanData(key, threshold, evidenceStep, topics, practices);
    }
}
