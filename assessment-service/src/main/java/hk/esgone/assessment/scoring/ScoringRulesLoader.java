package hk.esgone.assessment.scoring;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import hk.esgone.assessment.questionnaire.Choice;
import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.QuestionType;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.scoring.QuestionRule.Band;
import hk.esgone.assessment.scoring.QuestionRule.Kind;
import hk.esgone.assessment.scoring.ScoringRules.LevelThreshold;
import hk.esgone.assessment.support.DataNode;

/** Reads scoring rules and checks them against their questionnaire, failing at load with a clear message. */
public final class ScoringRulesLoader {

    private static final Pattern HSIC_SECTION = Pattern.compile("[A-U]");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoringRulesLoader() {}

    /** Loads {@code scoring/<key>-v<version>.json} for the questionnaire. */
    public static ScoringRules forQuestionnaire(Questionnaire questionnaire) {
        String resource = "scoring/" + questionnaire.key() + "-v" + questionnaire.version() + ".json";
        InputStream in = ScoringRulesLoader.class.getClassLoader().getResourceAsStream(resource);
        return read(resource, in, questionnaire);
    }

    public static ScoringRules read(String fileName, InputStream in, Questionnaire questionnaire) {
        return read(DataNode.parse(fileName, in), questionnaire);
    }

    public static ScoringRules read(String fileName, String json, Questionnaire questionnaire) {
        return read(DataNode.parse(fileName, json), questionnaire);
    }

    private static ScoringRules read(DataNode root, Questionnaire questionnaire) {
        root.allowOnly("questionnaire", "version", "pillarWeights", "topicWeights", "levels", "questions");
        String key = root.text("questionnaire");
        int version = root.integer("version");
        if (!key.equals(questionnaire.key()) || version != questionnaire.version()) {
            throw root.fail("the rules are for " + key + " version " + version + ", not for "
                    + questionnaire.key() + " version " + questionnaire.version());
        }
        return new ScoringRules(
                key,
                version,
                pillarWeights(root.object("pillarWeights")),
                topicWeights(root.optionalObject("topicWeights"), questionnaire),
                levels(root),
                questionRules(root.object("questions"), questionnaire));
    }

    private static Map<String, Map<Pillar, BigDecimal>> pillarWeights(DataNode matrix) {
        Map<String, Map<Pillar, BigDecimal>> rows = new HashMap<>();
        for (String row : matrix.fieldNames()) {
            if (!row.equals(ScoringRules.DEFAULT_ROW) && !HSIC_SECTION.matcher(row).matches()) {
                throw matrix.fail("weight row \"" + row + "\" must be \"default\" or an HSIC section letter A to U");
            }
            DataNode weights = matrix.object(row).allowOnly("E", "S", "G");
            Map<Pillar, BigDecimal> byPillar = new EnumMap<>(Pillar.class);
            BigDecimal sum = BigDecimal.ZERO;
            for (Pillar pillar : Pillar.values()) {
                BigDecimal weight = weights.decimal(pillar.name());
                if (weight.signum() < 0) {
                    throw weights.fail("weight " + pillar + " must not be negative");
                }
                byPillar.put(pillar, weight);
                sum = sum.add(weight);
            }
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw weights.fail("pillar weights of row " + row + " add up to " + sum.toPlainString()
                        + "; they must add up to 1");
            }
            rows.put(row, byPillar);
        }
        if (!rows.containsKey(ScoringRules.DEFAULT_ROW)) {
            throw matrix.fail("the weight matrix needs a \"default\" row");
        }
        return rows;
    }

    private static Map<String, BigDecimal> topicWeights(
            Optional<DataNode> node, Questionnaire questionnaire) {
        Map<String, BigDecimal> weights = new HashMap<>();
        if (node.isEmpty()) {
            return weights;
        }
        DataNode topics = node.get();
        for (String code : topics.fieldNames()) {
            if (questionnaire.topic(code).isEmpty()) {
                throw topics.fail("unknown topic \"" + code + "\"");
            }
            BigDecimal weight = topics.decimal(code);
            if (weight.signum() <= 0) {
                throw topics.fail("topic weight of " + code + " must be more than 0");
            }
            weights.put(code, weight);
        }
        return weights;
    }

    private static List<LevelThreshold> levels(DataNode root) {
        List<LevelThreshold> levels = new ArrayList<>();
        List<Level> expected = List.of(Level.PLATINUM, Level.GOLD, Level.SILVER);
        List<DataNode> nodes = root.objects("levels");
        if (nodes.size() != expected.size()) {
            throw root.fail("\"levels\" must list PLATINUM, GOLD and SILVER in that order; BRONZE is the floor");
        }
        for (int i = 0; i < nodes.size(); i++) {
            DataNode node = nodes.get(i).allowOnly("level", "overallAtLeast", "everyPillarAtLeast");
            String level = node.text("level");
            if (!level.equals(expected.get(i).name())) {
                throw node.fail("expected level " + expected.get(i) + " here, got \"" + level + "\"");
            }
            BigDecimal overall = percent(node, "overallAtLeast");
            BigDecimal pillar = percent(node, "everyPillarAtLeast");
            if (!levels.isEmpty()) {
                LevelThreshold higher = levels.getLast();
                if (overall.compareTo(higher.overallAtLeast()) > 0
                        || pillar.compareTo(higher.everyPillarAtLeast()) > 0) {
                    throw node.fail(level + " must not ask more than " + higher.level());
                }
            }
            levels.add(new LevelThreshold(expected.get(i), overall, pillar));
        }
        return levels;
    }

    private static BigDecimal percent(DataNode node, String field) {
        BigDecimal value = node.decimal(field);
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw node.fail("\"" + field + "\" must be from 0 to 100");
        }
        return value;
    }

    private static Map<String, QuestionRule> questionRules(DataNode questions, Questionnaire questionnaire) {
        Map<String, QuestionRule> rules = new LinkedHashMap<>();
        for (String id : questions.fieldNames()) {
            Question question = questionnaire.question(id)
                    .orElseThrow(() -> questions.fail("rule for unknown question \"" + id + "\""));
            rules.put(id, rule(questions.object(id), question));
        }
        return rules;
    }

    private static QuestionRule rule(DataNode node, Question question) {
        String id = question.id();
        String kindName = node.text("rule");
        Kind kind;
        try {
            kind = Kind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw node.fail("unknown rule \"" + kindName + "\" for " + id + "; allowed: "
                    + Arrays.toString(Kind.values()));
        }
        Map<Boolean, Integer> yesNo = Map.of();
        Map<String, Integer> choicePoints = Map.of();
        List<Band> bands = List.of();
        QuestionType type = question.type();
        switch (kind) {
            case YES_NO -> {
                expectType(node, question, type == QuestionType.YES_NO);
                node.allowOnly("rule", "yes", "no", "evidenceCap");
                yesNo = Map.of(true, points(node, "yes"), false, points(node, "no"));
            }
            case CHOICES -> {
                expectType(node, question, type.hasChoices());
                node.allowOnly("rule", "points", "evidenceCap");
                DataNode pointsNode = node.object("points");
                Map<String, Integer> byCode = new HashMap<>();
                for (String code : pointsNode.fieldNames()) {
                    if (question.choice(code).isEmpty()) {
                        throw pointsNode.fail("\"" + code + "\" is not a choice of question " + id);
                    }
                    byCode.put(code, points(pointsNode, code));
                }
                for (Choice choice : question.choices()) {
                    if (!byCode.containsKey(choice.code())) {
                        throw pointsNode.fail("choice " + choice.code() + " of question " + id + " has no points");
                    }
                }
                choicePoints = byCode;
            }
            case MEASURED -> {
                expectType(node, question, type == QuestionType.NUMBER || type == QuestionType.PERCENTAGE);
                node.allowOnly("rule", "evidenceCap");
            }
            case PERCENT_BANDS -> {
                expectType(node, question, type == QuestionType.PERCENTAGE);
                node.allowOnly("rule", "bands", "evidenceCap");
                List<Band> list = new ArrayList<>();
                for (DataNode band : node.objects("bands")) {
                    band.allowOnly("atLeast", "points");
                    BigDecimal atLeast = percent(band, "atLeast");
                    if (list.isEmpty() ? atLeast.signum() != 0
                            : atLeast.compareTo(list.getLast().atLeast()) <= 0) {
                        throw band.fail("bands of " + id + " must start at 0 and rise");
                    }
                    list.add(new Band(atLeast, points(band, "points")));
                }
                if (list.isEmpty()) {
                    throw node.fail("PERCENT_BANDS rule of " + id + " needs bands");
                }
                bands = list;
            }
        }
        Integer cap = null;
        if (node.has("evidenceCap")) {
            if (!question.evidenceAllowed()) {
                throw node.fail("evidenceCap on " + id + ", which does not take evidence");
            }
            cap = node.integer("evidenceCap");
            if (cap < 0 || cap >= ScoringRules.MAX_POINTS) {
                throw node.fail("evidenceCap of " + id + " must be from 0 to " + (ScoringRules.MAX_POINTS - 1));
            }
        }
        return new QuestionRule(id, kind, yesNo, choicePoints, bands, cap);
    }

    private static void expectType(DataNode node, Question question, boolean fits) {
        if (!fits) {
            throw node.fail("rule " + node.text("rule") + " does not fit " + question.type() + " question "
                    + question.id());
        }
    }

    private static int points(DataNode node, String field) {
        int points = node.integer(field);
        if (points < 0 || points > ScoringRules.MAX_POINTS) {
            throw node.fail("points \"" + field + "\" must be from 0 to " + ScoringRules.MAX_POINTS + ", got " + points);
        }
        return points;
    }
}
