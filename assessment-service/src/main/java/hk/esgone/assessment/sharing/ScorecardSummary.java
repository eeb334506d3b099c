package hk.esgone.assessment.sharing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import hk.esgone.assessment.support.Bilingual;

/**
 * A submitted scorecard as a report shows it: scores, level and why, topic scores and carbon totals. What the public
 * may see of a shared scorecard is exactly this without {@code carbon.lines}: no answers, no evidence, no points of
 * single questions.
 *
 * @param levelRule why this level, in both languages
 */
public record ScorecardSummary(String assessmentId, String companyId, int year, Instant submittedAt, Questionnaire questionnaire,
        BigDecimal overall, String level, Bilingual levelTitle, Bilingual levelRule, List<PillarScore> pillars,
        List<TopicScore> topics, Carbon carbon) {

    public record Questionnaire(String key, int version) {
    }

    /** A pillar's score, 0-100; {@code scored} false when none of its topics could be scored (it then counts as 0). */
    public record PillarScore(String pillar, Bilingual title, BigDecimal score, BigDecimal weight, boolean scored) {
    }

    /** A topic's score, 0-100; null when nothing in it could be scored (every question not applicable). */
    public record TopicScore(String code, String pillar, Bilingual title, BigDecimal score) {
    }

    /**
     * Scope 1 and 2 in tonnes CO2e, with intensities (null when employees or revenue are unknown).
     *
     * @param lines each activity's amount and emissions; only in the company's own report, never in the public one
     */
    public record Carbon(String factorSet, BigDecimal scope1Tonnes, BigDecimal scope2Tonnes, BigDecimal totalTonnes,
            BigDecimal tonnesPerEmployee, BigDecimal tonnesPerMillionHkd,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CarbonLine> lines) {
    }

    /** One activity: amount in its unit and the kilograms CO2e it makes. */
    public record CarbonLine(Bilingual activity, int scope, BigDecimal amount, String unit, BigDecimal kgCo2e, String factorSource) {
    }
}
