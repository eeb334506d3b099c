package hk.esgone.assessment.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How one question earns 0 to {@link ScoringRules#MAX_POINTS} points.
 *
 * @param evidenceCap the most the question earns until an admin has checked its evidence; null for no cap
 */
record QuestionRule(String questionId, Kind kind, Map<Boolean, Integer> yesNo, Map<String, Integer> choicePoints,
        List<Band> bands, Integer evidenceCap) {

    enum Kind {
        /** Points for yes and for no. */
        YES_NO,
        /** Points per choice code; a multiple choice sums its choices, up to the maximum. */
        CHOICES,
        /** Full points for a measured figure, whatever its value: recording the data is the practice scored. */
        MEASURED,
        /** A percentage earns the points of the highest band it reaches. */
        PERCENT_BANDS
    }

    record Band(BigDecimal atLeast, int points) {}
}
