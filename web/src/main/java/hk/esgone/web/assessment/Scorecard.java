package hk.esgone.web.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import hk.esgone.web.company.Radar;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceJson;
import tools.jackson.databind.JsonNode;

/**
 * The stored scorecard of a submitted assessment, as assessment-service computed it: overall, level and why, the
 * pillars, topic scores, every question's points, and the carbon footprint. The portal only shows these figures; it
 * computes none of them.
 */
public record Scorecard(String assessmentId, int year, int questionnaireVersion, Instant submittedAt, BigDecimal overall, String level, Bilingual levelRule,
                        List<Pillar> pillars, List<TopicScore> topics, List<QuestionScore> questions, Carbon carbon) {

    public record Pillar(String code, BigDecimal score, BigDecimal weight, boolean scored) {

        public String key() {
            return switch (code) {
                case "E" -> "environmental";
                case "S" -> "social";
                default -> "governance";
            };
        }
    }

    public record TopicScore(String code, String pillar, BigDecimal earned, BigDecimal possible, BigDecimal weight, BigDecimal score) {

        /** The message key part of its pillar ({@code score.environmental}, …). */
        public String pillarKey() {
            return new Pillar(pillar, null, null, true).key();
        }
    }

    public record QuestionScore(String questionId, String topic, BigDecimal points, BigDecimal max, String outcome, Bilingual why) {
    }

    /** One activity of the footprint: amount × factor = kg CO₂e. */
    public record CarbonLine(String questionId, Bilingual activity, int scope, BigDecimal amount, String unit, BigDecimal factor,
                             String source, BigDecimal kg) {

        public BigDecimal tonnes() {
            return kg == null ? null : kg.divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP);
        }
    }

    public record Carbon(String factorSet, List<CarbonLine> lines, BigDecimal scope1Kg, BigDecimal scope2Kg, BigDecimal totalKg,
                         BigDecimal scope1Tonnes, BigDecimal scope2Tonnes, BigDecimal totalTonnes, BigDecimal tonnesPerEmployee,
                         BigDecimal tonnesPerMillionHkd, List<Bilingual> notes) {

        public boolean computed() {
            return !lines.isEmpty();
        }
    }

    public Bilingual levelName() {
        return levelTitle(level);
    }

    /** The pillars as the radar fragment ({@code company/radar.html}) draws them. */
    public Radar radar() {
        return Radar.of(whole("E"), whole("S"), whole("G"));
    }

    public Pillar pillar(String code) {
        return pillars.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    /** The question scores of one topic, in questionnaire order. */
    public List<QuestionScore> questionsOf(String topic) {
        return questions.stream().filter(q -> q.topic().equals(topic)).toList();
    }

    private Integer whole(String code) {
        Pillar pillar = pillar(code);
        return pillar == null || pillar.score() == null ? null : pillar.score().setScale(0, RoundingMode.HALF_UP).intValue();
    }

    static final Map<String, Bilingual> LEVELS = Map.of("BRONZE", new Bilingual("Bronze", "銅級"), "SILVER", new Bilingual("Silver", "銀級"),
            "GOLD", new Bilingual("Gold", "金級"), "PLATINUM", new Bilingual("Platinum", "鉑金級"));

    static Bilingual levelTitle(String level) {
        return level == null ? null : LEVELS.getOrDefault(level, new Bilingual(level, level));
    }

    static Scorecard of(JsonNode view) {
        JsonNode card = view.path("scorecard");
        JsonNode score = card.path("score");
        List<Pillar> pillars = new ArrayList<>();
        score.path("pillars").forEach(p -> pillars.add(new Pillar(p.path("pillar").asString(""), decimal(p.path("score")),
                decimal(p.path("weight")), p.path("scored").asBoolean(true))));
        List<TopicScore> topics = new ArrayList<>();
        score.path("topics").forEach(t -> topics.add(new TopicScore(t.path("code").asString(""), t.path("pillar").asString(""),
                decimal(t.path("earned")), decimal(t.path("possible")), decimal(t.path("weight")), decimal(t.path("score")))));
        List<QuestionScore> questions = new ArrayList<>();
        score.path("questions").forEach(q -> questions.add(new QuestionScore(q.path("questionId").asString(""),
                q.path("topic").asString(""), decimal(q.path("points")), decimal(q.path("max")), q.path("outcome").asString(""),
                Bilingual.of(q.path("why")))));
        JsonNode c = card.path("carbon");
        List<CarbonLine> lines = new ArrayList<>();
        c.path("lines").forEach(l -> lines.add(new CarbonLine(l.path("questionId").asString(""), Bilingual.of(l.path("activity")),
                l.path("scope").asInt(0), decimal(l.path("amount")), l.path("unit").asString(""), decimal(l.path("kgCo2ePerUnit")),
                l.path("factorSource").asString(""), decimal(l.path("kgCo2e")))));
        List<Bilingual> notes = new ArrayList<>();
        c.path("notes").forEach(n -> notes.add(Bilingual.of(n)));
        Carbon carbon = new Carbon(c.path("factorSet").asString(""), List.copyOf(lines), decimal(c.path("scope1Kg")),
                decimal(c.path("scope2Kg")), decimal(c.path("totalKg")), decimal(c.path("scope1Tonnes")), decimal(c.path("scope2Tonnes")),
                decimal(c.path("totalTonnes")), decimal(c.path("tonnesPerEmployee")), decimal(c.path("tonnesPerMillionHkd")),
                List.copyOf(notes));
        return new Scorecard(view.path("assessmentId").asString(""), view.path("year").asInt(card.path("year").asInt(0)),
                view.path("questionnaire").path("version").asInt(score.path("questionnaireVersion").asInt(0)),
                ServiceJson.instant(view.path("submittedAt")), decimal(score.path("overall")), score.path("level").asString(null),
                Bilingual.of(score.path("levelRule")), List.copyOf(pillars), List.copyOf(topics), List.copyOf(questions), carbon);
    }

    /** A JSON number (or numeric text) exactly, as BigDecimal; null when absent. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return new BigDecimal(node.asString(""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
