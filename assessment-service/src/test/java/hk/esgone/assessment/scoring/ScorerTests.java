package hk.esgone.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.Evidence;
import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireLoader;
import hk.esgone.assessment.questionnaire.SizeBand;
import hk.esgone.assessment.scoring.ScoreCard.Outcome;

/**
 * Hand-worked examples on {@code questionnaires/small-v1.json} and {@code scoring/small-v1.json}: topic weights
 * E-POLICY 2, all others 1; pillar weights default E 0.35 / S 0.35 / G 0.30, manufacturing "C" E 0.45 / S 0.30 /
 * G 0.25; levels PLATINUM 85 & 70, GOLD 70 & 55, SILVER 50 & 35; every question is worth 4 points.
 */
class ScorerTests {

    private static final Evidence LINK = new Evidence.Link("https://example.com.hk/policy.pdf");

    private final Questionnaire questionnaire = QuestionnaireLoader.fromClasspath("questionnaires/small-v1.json");
    private final ScoringRules rules = ScoringRulesLoader.forQuestionnaire(questionnaire);

    private final Map<String, Answer> answers = new HashMap<>();

    private void answer(String id, Object value) {
        answers.put(id, Answer.of(id, value));
    }

    private ScoreCard score(String industry, Set<String> evidenceChecked) {
        return Scorer.score(questionnaire, rules, new ScoringInput(industry, SizeBand.SMALL, answers, evidenceChecked));
    }

    /** The answers of the first example; the other tests change one thing in them. */
    private void typicalAnswers() {
        answers.put("E01", Answer.of("E01", true).withEvidence(LINK));
        answer("E02", "PLAN");
        answers.put("E03", Answer.number("E03", new BigDecimal("12000"), "kWh"));
        answer("E04", new BigDecimal("60"));
        answer("S01", true);
        answer("S02", false);
        answer("S03", List.of("A"));
        answers.put("G01", Answer.of("G01", true).withEvidence(LINK));
        answer("G02", false);
    }

    @Test
    void scoresATypicalTradingCompany() {
        typicalAnswers();

        ScoreCard card = score("G", Set.of("E01"));

        // E-POLICY: E01 yes, evidence checked = 4; E02 PLAN = 2 -> 6 of 8 = 75.
        // E-DATA: E03 measured = 4; E04 60 % reaches the 50 % band = 2 -> 6 of 8 = 75.
        // E = (75 x 2 + 75 x 1) / 3 = 75.
        assertThat(card.topic("E-POLICY").score()).isEqualByComparingTo("75.0");
        assertThat(card.topic("E-DATA").score()).isEqualByComparingTo("75.0");
        assertThat(card.pillar(Pillar.E).score()).isEqualByComparingTo("75.0");
        // S-SAFETY: yes 4 + no 0 = 4 of 8 = 50; S-TRAINING: A = 2 of 4 = 50; S = 50.
        assertThat(card.pillar(Pillar.S).score()).isEqualByComparingTo("50.0");
        // G-ETHICS: G01 yes but evidence unchecked -> capped at 2; G02 "no" conviction = 4; G03 is for
        // construction only and not scored -> 6 of 8 = 75.
        assertThat(card.topic("G-ETHICS").possible()).isEqualByComparingTo("8");
        assertThat(card.pillar(Pillar.G).score()).isEqualByComparingTo("75.0");
        // Overall (default row) = 75 x 0.35 + 50 x 0.35 + 75 x 0.30 = 26.25 + 17.5 + 22.5 = 66.25 -> 66.3 half-up.
        assertThat(card.weightRow()).isEqualTo("default");
        assertThat(card.overall()).isEqualByComparingTo("66.3");
        // GOLD needs 70 overall; SILVER needs 50 and every pillar >= 35 (lowest is S = 50) -> SILVER.
        assertThat(card.level()).isEqualTo(Level.SILVER);
        assertThat(card.levelRule().en()).isEqualTo("GOLD needs an overall score ≥ 70; overall is 66.3 → SILVER");
        // in Chinese the levels by their Chinese names, as on the scorecard
        assertThat(card.levelRule().zhHant()).isEqualTo("金級須總分 ≥ 70；總分為66.3 → 銀級");
    }

    @Test
    void explainsEveryQuestion() {
        typicalAnswers();

        ScoreCard card = score("G", Set.of("E01"));

        assertThat(card.questions())
                .extracting(ScoreCard.QuestionScore::questionId)
                .containsExactly("E01", "E02", "E03", "E04", "S01", "S02", "S03", "G01", "G02");
        assertThat(card.question("E01").why().en()).isEqualTo("yes");
        assertThat(card.question("E02").why().en()).isEqualTo("A written plan");
        assertThat(card.question("E02").why().zhHant()).isEqualTo("有書面計劃");
        assertThat(card.question("E03").why().en()).isEqualTo("measured");
        assertThat(card.question("E04").why().en()).isEqualTo("60% reaches the 50% band");
        assertThat(card.question("G01").why().en()).isEqualTo("yes; capped: evidence not checked (4 → 2)");
        assertThat(card.question("G01").outcome()).isEqualTo(Outcome.CAPPED);
    }

    @Test
    void theIndustryWeightMatrixChangesTheOverall() {
        typicalAnswers();

        ScoreCard manufacturer = score("C", Set.of("E01"));

        // Same pillars (E 75, S 50, G 75) with row C: 75 x 0.45 + 50 x 0.30 + 75 x 0.25 = 33.75 + 15 + 18.75 = 67.5.
        assertThat(manufacturer.weightRow()).isEqualTo("C");
        assertThat(manufacturer.pillar(Pillar.E).weight()).isEqualByComparingTo("0.45");
        assertThat(manufacturer.overall()).isEqualByComparingTo("67.5");
        // An industry without its own row ("J" here) uses the default row: 66.3 as above.
        assertThat(score("J", Set.of("E01")).overall()).isEqualByComparingTo("66.3");
    }

    @Test
    void aWeakPillarKeepsAStrongOverallFromGold() {
        answers.put("E01", Answer.of("E01", true).withEvidence(LINK));
        answer("E02", "TESTED");
        answers.put("E03", Answer.number("E03", new BigDecimal("5"), "kWh"));
        answer("E04", new BigDecimal("85"));
        answer("S01", true);
        answer("S02", false);
        answer("S03", List.of("B"));
        answers.put("G01", Answer.of("G01", true).withEvidence(LINK));
        answer("G02", false);

        ScoreCard card = score("G", Set.of("E01", "G01"));

        // E: E-POLICY 8/8 = 100, E-DATA (4 + 4)/8 = 100 -> 100. S: S-SAFETY 4/8 = 50, S-TRAINING 2/4 = 50 -> 50.
        // G: 8/8 = 100. Overall = 100 x 0.35 + 50 x 0.35 + 100 x 0.30 = 35 + 17.5 + 30 = 82.5.
        assertThat(card.overall()).isEqualByComparingTo("82.5");
        // 82.5 clears GOLD's 70 but S = 50 is below GOLD's pillar minimum 55; SILVER's minimum 35 holds.
        assertThat(card.level()).isEqualTo(Level.SILVER);
        assertThat(card.levelRule().en()).isEqualTo("GOLD needs every pillar ≥ 55; S is 50.0 → SILVER");
    }

    @Test
    void fullMarksArePlatinumAndMultipleChoicesStopAtFourPoints() {
        answers.put("E01", Answer.of("E01", true).withEvidence(LINK));
        answer("E02", "TESTED");
        answers.put("E03", Answer.number("E03", BigDecimal.ZERO, "kWh"));
        answer("E04", new BigDecimal("80"));
        answer("S01", true);
        answer("S02", true);
        answer("S03", List.of("A", "B", "C"));
        answers.put("G01", Answer.of("G01", true).withEvidence(LINK));
        answer("G02", false);

        ScoreCard card = score("G", Set.of("E01", "G01"));

        // S03: 2 + 2 + 2 = 6 points, capped at the maximum of 4.
        assertThat(card.question("S03").points()).isEqualByComparingTo("4");
        assertThat(card.overall()).isEqualByComparingTo("100.0");
        assertThat(card.level()).isEqualTo(Level.PLATINUM);
        assertThat(card.levelRule().en()).isEqualTo("PLATINUM: overall 100.0 ≥ 85 and every pillar ≥ 70");
    }

    @Test
    void evidenceNotYetCheckedCapsThePoints() {
        typicalAnswers();

        // G01 unchecked: 2 + 4 = 6 of 8 = 75; checked: 4 + 4 = 8 of 8 = 100.
        assertThat(score("G", Set.of()).pillar(Pillar.G).score()).isEqualByComparingTo("75.0");
        assertThat(score("G", Set.of("G01")).pillar(Pillar.G).score()).isEqualByComparingTo("100.0");
        assertThat(score("G", Set.of("G01")).question("G01").outcome()).isEqualTo(Outcome.SCORED);
        // Checked once, but the evidence has since been removed: capped again.
        answer("G01", true);
        assertThat(score("G", Set.of("G01")).question("G01").outcome()).isEqualTo(Outcome.CAPPED);
        // A "no" earns 0, under the cap: nothing to cap.
        answer("G01", false);
        assertThat(score("G", Set.of()).question("G01").outcome()).isEqualTo(Outcome.SCORED);
        assertThat(score("G", Set.of()).question("G01").points()).isEqualByComparingTo("0");
    }

    @Test
    void notApplicableIsLeftOutOfTheDenominator() {
        typicalAnswers();
        answers.put("E03", Answer.notApplicable("E03", "The landlord pays the electricity."));

        ScoreCard card = score("G", Set.of("E01"));

        // E-DATA: E03 excluded (max 0); E04 60 % = 2 -> 2 of 4 = 50 (not 2 of 8 = 25).
        assertThat(card.question("E03").max()).isEqualByComparingTo("0");
        assertThat(card.question("E03").why().en()).isEqualTo("N/A excluded");
        assertThat(card.topic("E-DATA").possible()).isEqualByComparingTo("4");
        assertThat(card.topic("E-DATA").score()).isEqualByComparingTo("50.0");
        // E = (75 x 2 + 50 x 1) / 3 = 200 / 3 = 66.666... -> 66.7.
        assertThat(card.pillar(Pillar.E).score()).isEqualByComparingTo("66.7");
        // Overall = 66.666... x 0.35 + 50 x 0.35 + 75 x 0.30 = 23.333... + 17.5 + 22.5 = 63.333... -> 63.3
        // (rounded once at the end: 66.7 x 0.35 would give 63.345 -> 63.3 too, but the exact figure is used).
        assertThat(card.overall()).isEqualByComparingTo("63.3");
    }

    @Test
    void aTopicWithEverythingNotApplicableIsLeftOutOfItsPillar() {
        typicalAnswers();
        answers.put("E03", Answer.notApplicable("E03", "No premises."));
        answers.put("E04", Answer.notApplicable("E04", "No waste of our own."));

        ScoreCard card = score("G", Set.of("E01"));

        // E-DATA has nothing to score; E is E-POLICY alone = 75.
        assertThat(card.topic("E-DATA").score()).isNull();
        assertThat(card.pillar(Pillar.E).score()).isEqualByComparingTo("75.0");
    }

    @Test
    void unansweredAndInvalidAnswersEarnNothingButCount() {
        answers.put("E01", Answer.of("E01", true).withEvidence(LINK));
        answer("E04", new BigDecimal("150")); // out of range: not a valid answer

        ScoreCard card = score("G", Set.of("E01"));

        // E-POLICY: 4 + 0 (unanswered) = 4 of 8 = 50; E-DATA: 0 of 8 = 0; E = (50 x 2 + 0) / 3 = 33.333... -> 33.3.
        assertThat(card.pillar(Pillar.E).score()).isEqualByComparingTo("33.3");
        assertThat(card.question("E02").why().en()).isEqualTo("not answered");
        assertThat(card.question("E04").outcome()).isEqualTo(Outcome.NOT_ANSWERED);
        assertThat(card.question("E04").why().en()).contains("errors");
        // S = 0, G = 0; overall = 33.333... x 0.35 = 11.666... -> 11.7 -> BRONZE.
        assertThat(card.overall()).isEqualByComparingTo("11.7");
        assertThat(card.level()).isEqualTo(Level.BRONZE);
        assertThat(card.levelRule().en()).isEqualTo("SILVER needs an overall score ≥ 50; overall is 11.7 → BRONZE");
    }

    @Test
    void aConstructionFirmIsScoredOnItsOwnQuestion() {
        typicalAnswers();
        answer("G03", false);

        ScoreCard builder = score("F", Set.of("E01"));

        // G-ETHICS for "F": G01 capped 2 + G02 4 + G03 "no" 0 = 6 of 12 = 50.
        assertThat(builder.topic("G-ETHICS").possible()).isEqualByComparingTo("12");
        assertThat(builder.pillar(Pillar.G).score()).isEqualByComparingTo("50.0");
    }
}
