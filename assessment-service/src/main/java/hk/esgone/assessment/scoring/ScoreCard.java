package hk.esgone.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;

import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.support.Bilingual;

/**
 * A scored assessment that explains every point. Scores are 0-100 with one decimal, rounded half-up once at the end.
 *
 * @param weightRow the pillar-weight row used: an HSIC section letter or "default"
 * @param levelRule why this level, e.g. "GOLD needs every pillar ≥ 55; S is 48.0 → SILVER"
 */
public record ScoreCard(
        String questionnaireKey,
        int questionnaireVersion,
        String weightRow,
        BigDecimal overall,
        Level level,
        Bilingual levelRule,
        List<PillarScore> pillars,
        List<TopicScore> topics,
        List<QuestionScore> questions) {

    public ScoreCard {
        pillars = List.copyOf(pillars);
        topics = List.copyOf(topics);
        questions = List.copyOf(questions);
    }

    public PillarScore pillar(Pillar pillar) {
        return pillars.stream().filter(p -> p.pillar() == pillar).findFirst().orElseThrow();
    }

    public TopicScore topic(String code) {
        return topics.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    public QuestionScore question(String id) {
        return questions.stream().filter(q -> q.questionId().equals(id)).findFirst().orElseThrow();
    }

    public enum Outcome {
        SCORED,
        CAPPED,
        NOT_APPLICABLE,
        NOT_ANSWERED
    }

    /**
     * @param max the points possible; 0 when excluded (N/A)
     */
    public record QuestionScore(
            String questionId, String topic, BigDecimal points, BigDecimal max, Outcome outcome, Bilingual why) {}

    /**
     * @param score null when nothing in the topic could be scored (every question N/A); such a topic is left out of
     *     its pillar
     */
    public record TopicScore(
            String code, Pillar pillar, BigDecimal earned, BigDecimal possible, BigDecimal weight, BigDecimal score) {}

    /**
     * @param scored false when none of its topics could be scored; the pillar then counts as 0
     */
    public record PillarScore(Pillar pillar, BigDecimal score, BigDecimal weight, boolean scored) {}
}
