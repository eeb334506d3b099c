package hk.esgone.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import hk.esgone.assessment.questionnaire.Pillar;

/**
 * The scoring rules for one questionnaire version, loaded from {@code scoring/<key>-v<version>.json} by
 * {@link ScoringRulesLoader}. Score a questionnaire with {@link Scorer}.
 */
public final class ScoringRules {

    public static final int MAX_POINTS = 4;
    static final String DEFAULT_ROW = "default";

    private final String questionnaireKey;
    private final int version;
    private final Map<String, Map<Pillar, BigDecimal>> pillarWeights;
    private final Map<String, BigDecimal> topicWeights;
    private final List<LevelThreshold> levels;
    private final Map<String, QuestionRule> questions;

    ScoringRules(
            String questionnaireKey,
            int version,
            Map<String, Map<Pillar, BigDecimal>> pillarWeights,
            Map<String, BigDecimal> topicWeights,
            List<LevelThreshold> levels,
            Map<String, QuestionRule> questions) {
        this.questionnaireKey = questionnaireKey;
        this.version = version;
        this.pillarWeights = Map.copyOf(pillarWeights);
        this.topicWeights = Map.copyOf(topicWeights);
        this.levels = List.copyOf(levels);
        this.questions = Map.copyOf(questions);
    }

    public String questionnaireKey() {
        return questionnaireKey;
    }

    public int version() {
        return version;
    }

    /** The weight-matrix row used for an industry: its own row if it has one, else {@code default}. */
    public String weightRow(String industrySection) {
        return industrySection != null && pillarWeights.containsKey(industrySection) ? industrySection : DEFAULT_ROW;
    }

    public Map<Pillar, BigDecimal> pillarWeights(String industrySection) {
        return pillarWeights.get(weightRow(industrySection));
    }

    BigDecimal topicWeight(String topicCode) {
        return topicWeights.getOrDefault(topicCode, BigDecimal.ONE);
    }

    /** Highest level first. */
    List<LevelThreshold> levels() {
        return levels;
    }

    Optional<QuestionRule> rule(String questionId) {
        return Optional.ofNullable(questions.get(questionId));
    }

    record LevelThreshold(Level level, BigDecimal overallAtLeast, BigDecimal everyPillarAtLeast) {}
}
