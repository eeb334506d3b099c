package hk.esgone.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.AnswerChecker;
import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.Section;
import hk.esgone.assessment.questionnaire.Topic;
import hk.esgone.assessment.scoring.ScoreCard.Outcome;
import hk.esgone.assessment.scoring.ScoreCard.PillarScore;
import hk.esgone.assessment.scoring.ScoreCard.QuestionScore;
import hk.esgone.assessment.scoring.ScoreCard.TopicScore;
import hk.esgone.assessment.scoring.ScoringRules.LevelThreshold;
import hk.esgone.assessment.support.Bilingual;

/** Turns answers into a {@link ScoreCard}; pure and deterministic. */
public final class Scorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX = BigDecimal.valueOf(ScoringRules.MAX_POINTS);
    /** Intermediate precision; far beyond the one decimal shown, so rounding happens only once. */
    private static final int SCALE = 12;

    private Scorer() {}

    public static ScoreCard score(Questionnaire questionnaire, ScoringRules rules, ScoringInput input) {
        if (!rules.questionnaireKey().equals(questionnaire.key()) || rules.version() != questionnaire.version()) {
            throw new IllegalArgumentException("rules for " + rules.questionnaireKey() + " v" + rules.version()
                    + " cannot score " + questionnaire.key() + " v" + questionnaire.version());
        }
        List<QuestionScore> questionScores = new ArrayList<>();
        List<TopicScore> topicScores = new ArrayList<>();
        Map<Pillar, BigDecimal> weights = rules.pillarWeights(input.industrySection());
        Map<Pillar, BigDecimal> pillarExact = new EnumMap<>(Pillar.class);
        List<PillarScore> pillarScores = new ArrayList<>();

        for (Section section : questionnaire.sections()) {
            BigDecimal weightedSum = BigDecimal.ZERO;
            BigDecimal weightTotal = BigDecimal.ZERO;
            for (Topic topic : section.topics()) {
                BigDecimal earned = BigDecimal.ZERO;
                BigDecimal possible = BigDecimal.ZERO;
                for (Question question : topic.questions()) {
                    var rule = rules.rule(question.id());
                    if (rule.isEmpty() || !question.appliesTo(input.industrySection(), input.sizeBand())) {
                        continue;
                    }
                    QuestionScore score = scoreQuestion(questionnaire, question, rule.get(), topic.code(), input);
                    questionScores.add(score);
                    earned = earned.add(score.points());
                    possible = possible.add(score.max());
                }
                BigDecimal topicWeight = rules.topicWeight(topic.code());
                BigDecimal exact = null;
                if (possible.signum() > 0) {
                    exact = earned.multiply(HUNDRED).divide(possible, SCALE, RoundingMode.HALF_UP);
                    weightedSum = weightedSum.add(exact.multiply(topicWeight));
                    weightTotal = weightTotal.add(topicWeight);
                }
                topicScores.add(new TopicScore(
                        topic.code(), section.pillar(), earned, possible, topicWeight, exact == null ? null : round(exact)));
            }
            boolean scored = weightTotal.signum() > 0;
            BigDecimal pillar = scored ? weightedSum.divide(weightTotal, SCALE, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            pillarExact.put(section.pillar(), pillar);
            pillarScores.add(new PillarScore(section.pillar(), round(pillar), weights.get(section.pillar()), scored));
        }
        // A pillar the questionnaire does not have counts as 0, so a partial questionnaire cannot score high.
        BigDecimal overallExact = BigDecimal.ZERO;
        for (Pillar pillar : Pillar.values()) {
            overallExact = overallExact.add(pillarExact.getOrDefault(pillar, BigDecimal.ZERO).multiply(weights.get(pillar)));
        }
        BigDecimal overall = round(overallExact);
        Map<Pillar, BigDecimal> shown = new EnumMap<>(Pillar.class);
        for (Pillar pillar : Pillar.values()) {
            shown.put(pillar, round(pillarExact.getOrDefault(pillar, BigDecimal.ZERO)));
        }
        LevelDecision decision = decideLevel(rules.levels(), overall, shown);
        return new ScoreCard(
                questionnaire.key(),
                questionnaire.version(),
                rules.weightRow(input.industrySection()),
                overall,
                decision.level(),
                decision.rule(),
                pillarScores,
                topicScores,
                questionScores);
    }

    private static QuestionScore scoreQuestion(
            Questionnaire questionnaire, Question question, QuestionRule rule, String topic, ScoringInput input) {
        Answer answer = input.answers().get(question.id());
        if (answer == null || (!answer.notApplicable() && answer.value() == null)) {
            return new QuestionScore(
                    question.id(), topic, BigDecimal.ZERO, MAX, Outcome.NOT_ANSWERED, Bilingual.of("not answered", "未回答"));
        }
        if (!AnswerChecker.check(questionnaire, answer).isEmpty()) {
            return new QuestionScore(
                    question.id(),
                    topic,
                    BigDecimal.ZERO,
                    MAX,
                    Outcome.NOT_ANSWERED,
                    Bilingual.of("the answer has errors, counted as not answered", "答案有錯誤，當作未回答"));
        }
        if (answer.notApplicable()) {
            return new QuestionScore(
                    question.id(),
                    topic,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    Outcome.NOT_APPLICABLE,
                    Bilingual.of("N/A excluded", "不適用，不計算在內"));
        }
        Earned earned = earned(question, rule, answer.value());
        if (rule.evidenceCap() != null
                && earned.points() > rule.evidenceCap()
                && (answer.evidence() == null || !input.evidenceChecked().contains(question.id()))) {
            // Checked evidence lifts the cap only while it is still attached: replacing it needs a new check.
            return new QuestionScore(
                    question.id(),
                    topic,
                    BigDecimal.valueOf(rule.evidenceCap()),
                    MAX,
                    Outcome.CAPPED,
                    Bilingual.of(
                            earned.why().en() + "; capped: evidence not checked (" + earned.points() + " → "
                                    + rule.evidenceCap() + ")",
                            earned.why().zhHant() + "；證明文件未經核實，分數上限為" + rule.evidenceCap() + "分（原為"
                                    + earned.points() + "分）"));
        }
        return new QuestionScore(
                question.id(), topic, BigDecimal.valueOf(earned.points()), MAX, Outcome.SCORED, earned.why());
    }

    private record Earned(int points, Bilingual why) {}

    private static Earned earned(Question question, QuestionRule rule, Object value) {
        return switch (rule.kind()) {
            case YES_NO -> {
                boolean yes = (Boolean) value;
                yield new Earned(rule.yesNo().get(yes), yes ? Bilingual.of("yes", "是") : Bilingual.of("no", "否"));
            }
            case CHOICES -> {
                List<String> codes = value instanceof List<?> list
                        ? list.stream().map(String.class::cast).toList()
                        : List.of((String) value);
                int sum = codes.stream().mapToInt(c -> rule.choicePoints().get(c)).sum();
                String en = codes.stream()
                        .map(c -> question.choice(c).orElseThrow().label().en())
                        .collect(Collectors.joining("; "));
                String zh = codes.stream()
                        .map(c -> question.choice(c).orElseThrow().label().zhHant())
                        .collect(Collectors.joining("；"));
                if (codes.isEmpty()) {
                    en = "none chosen";
                    zh = "沒有選擇";
                }
                yield new Earned(Math.min(sum, ScoringRules.MAX_POINTS), Bilingual.of(en, zh));
            }
            case MEASURED -> new Earned(ScoringRules.MAX_POINTS, Bilingual.of("measured", "有量度數據"));
            case PERCENT_BANDS -> {
                BigDecimal percent = new BigDecimal(value.toString());
                QuestionRule.Band reached = rule.bands().getFirst();
                for (QuestionRule.Band band : rule.bands()) {
                    if (percent.compareTo(band.atLeast()) >= 0) {
                        reached = band;
                    }
                }
                String p = percent.stripTrailingZeros().toPlainString();
                String at = reached.atLeast().stripTrailingZeros().toPlainString();
                yield new Earned(
                        reached.points(), Bilingual.of(p + "% reaches the " + at + "% band", p + "%達到" + at + "%級別"));
            }
        };
    }

    private record LevelDecision(Level level, Bilingual rule) {}

    /**
     * The highest level whose overall threshold and per-pillar minimum are both met, so that one strong pillar cannot
     * hide a weak one. Decided on the one-decimal figures the company sees, so the explanation never contradicts them.
     */
    private static LevelDecision decideLevel(
            List<LevelThreshold> levels, BigDecimal overall, Map<Pillar, BigDecimal> pillars) {
        LevelThreshold above = null;
        for (LevelThreshold threshold : levels) {
            boolean overallMet = overall.compareTo(threshold.overallAtLeast()) >= 0;
            List<Pillar> weak = pillars.entrySet().stream()
                    .filter(e -> e.getValue().compareTo(threshold.everyPillarAtLeast()) < 0)
                    .map(Map.Entry::getKey)
                    .toList();
            if (overallMet && weak.isEmpty()) {
                if (above == null) {
                    return new LevelDecision(
                            threshold.level(),
                            Bilingual.of(
                                    threshold.level() + ": overall " + overall.toPlainString() + " ≥ "
                                            + plain(threshold.overallAtLeast()) + " and every pillar ≥ "
                                            + plain(threshold.everyPillarAtLeast()),
                                    threshold.level().title().zhHant() + "：總分" + overall.toPlainString() + " ≥ "
                                            + plain(threshold.overallAtLeast()) + "，而且每個範疇 ≥ "
                                            + plain(threshold.everyPillarAtLeast())));
                }
                return new LevelDecision(threshold.level(), missed(above, overall, pillars, threshold.level()));
            }
            // Remember the level just missed: the explanation names it.
            above = threshold;
        }
        return new LevelDecision(Level.BRONZE, missed(above, overall, pillars, Level.BRONZE));
    }

    private static Bilingual missed(
            LevelThreshold above, BigDecimal overall, Map<Pillar, BigDecimal> pillars, Level reached) {
        if (overall.compareTo(above.overallAtLeast()) < 0) {
            return Bilingual.of(
                    above.level() + " needs an overall score ≥ " + plain(above.overallAtLeast()) + "; overall is "
                            + overall.toPlainString() + " → " + reached,
                    above.level().title().zhHant() + "須總分 ≥ " + plain(above.overallAtLeast()) + "；總分為"
                            + overall.toPlainString() + " → " + reached.title().zhHant());
        }
        String weak = pillars.entrySet().stream()
                .filter(e -> e.getValue().compareTo(above.everyPillarAtLeast()) < 0)
                .map(e -> e.getKey() + " is " + e.getValue().toPlainString())
                .collect(Collectors.joining(", "));
        String weakZh = pillars.entrySet().stream()
                .filter(e -> e.getValue().compareTo(above.everyPillarAtLeast()) < 0)
                .map(e -> e.getKey().title().zhHant() + "為" + e.getValue().toPlainString())
                .collect(Collectors.joining("，"));
        return Bilingual.of(
                above.level() + " needs every pillar ≥ " + plain(above.everyPillarAtLeast()) + "; " + weak + " → "
                        + reached,
                above.level().title().zhHant() + "須每個範疇 ≥ " + plain(above.everyPillarAtLeast()) + "；" + weakZh + " → "
                        + reached.title().zhHant());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }
}
