package hk.esgone.assessment.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The figures of one submitted assessment that peers are compared on, read from its stored scorecard, and the peer
 * groups it belongs to. Stored with the assessment at submission ({@code peer.*}) so that percentiles are counted
 * with indexed count queries instead of reading every peer's scorecard.
 *
 * @param values each figure's value; carbon intensity is absent when the footprint has none (no employees)
 */
public record PeerFigures(Map<Figure, BigDecimal> values) {

    public PeerFigures {
        values = Map.copyOf(values);
    }

    /** From a stored scorecard: {@code score.pillars[].score}, {@code score.overall}, {@code carbon.tonnesPerEmployee}. */
    public static PeerFigures fromScorecard(JsonNode scorecard) {
        Map<Figure, BigDecimal> values = new EnumMap<>(Figure.class);
        JsonNode score = scorecard.path("score");
        for (JsonNode pillar : score.path("pillars")) {
            Figure figure = switch (pillar.path("pillar").asString("")) {
                case "E" -> Figure.E;
                case "S" -> Figure.S;
                case "G" -> Figure.G;
                default -> null;
            };
            if (figure != null && pillar.path("score").isNumber()) {
                values.put(figure, pillar.path("score").decimalValue());
            }
        }
        if (score.path("overall").isNumber()) {
            values.put(Figure.OVERALL, score.path("overall").decimalValue());
        }
        JsonNode intensity = scorecard.path("carbon").path("tonnesPerEmployee");
        if (intensity.isNumber()) {
            values.put(Figure.CARBON_INTENSITY, intensity.decimalValue());
        }
        return new PeerFigures(values);
    }

    /** The stored whole number of a figure (tenths of a point, thousandths of a tonne), or null when absent. */
    public Long stored(Figure figure) {
        BigDecimal value = values.get(figure);
        return value == null ? null : value.setScale(figure.scale(), RoundingMode.HALF_UP).movePointRight(figure.scale())
                .longValueExact();
    }

    /** The peer groups of an assessment: its industry, and its industry and size band (same questionnaire and year). */
    public static List<String> groups(String questionnaireKey, int year, String industry, String sizeBand) {
        List<String> groups = new ArrayList<>();
        groups.add(group(questionnaireKey, year, industry, null));
        if (sizeBand != null) {
            groups.add(group(questionnaireKey, year, industry, sizeBand));
        }
        return groups;
    }

    /** A peer group's key; the size band is optional. */
    public static String group(String questionnaireKey, int year, String industry, String sizeBand) {
        return questionnaireKey + "|" + year + "|" + industry + (sizeBand == null ? "" : "|" + sizeBand);
    }

    /** What is stored under {@code peer}: the groups and each present figure as a whole number. */
    public Map<String, Object> fields(String questionnaireKey, int year, String industry, String sizeBand) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("groups", groups(questionnaireKey, year, industry, sizeBand));
        for (Figure figure : Figure.values()) {
            Long stored = stored(figure);
            if (stored != null) {
                fields.put(figure.field(), stored);
            }
        }
        return fields;
    }
}
