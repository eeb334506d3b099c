package hk.esgone.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.Choice;
import hk.esgone.assessment.questionnaire.Evidence;
import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.QuestionType;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireCatalog;
import hk.esgone.assessment.questionnaire.SizeBand;

/** The shipped rules make sense end to end: the best answers reach PLATINUM, the worst stay BRONZE. */
class ShippedScoringTests {

    private static final Evidence LINK = new Evidence.Link("https://example.com.hk/evidence.pdf");

    private final Questionnaire questionnaire = QuestionnaireCatalog.shipped().latest("hk-sme").orElseThrow();
    private final ScoringRules rules = ScoringRulesLoader.forQuestionnaire(questionnaire);

    private Map<String, Answer> answers(String industry, boolean best) {
        Map<String, Answer> answers = new HashMap<>();
        for (Question q : questionnaire.applicableQuestions(industry, SizeBand.MEDIUM)) {
            QuestionRule rule = rules.rule(q.id()).orElse(null);
            if (rule == null) {
                continue;
            }
            Object value = switch (rule.kind()) {
                case YES_NO -> best == rule.yesNo().get(true) >= rule.yesNo().get(false);
                case CHOICES -> {
                    Function<Choice, Integer> points = c -> rule.choicePoints().get(c.code());
                    int target = best
                            ? q.choices().stream().map(points).max(Integer::compare).orElseThrow()
                            : q.choices().stream().map(points).min(Integer::compare).orElseThrow();
                    List<String> codes = q.choices().stream()
                            .filter(c -> q.type() == QuestionType.MULTIPLE_CHOICE
                                    ? best || points.apply(c) == 0
                                    : points.apply(c) == target)
                            .map(Choice::code)
                            .collect(Collectors.toList());
                    yield q.type() == QuestionType.MULTIPLE_CHOICE ? (best ? codes : List.of()) : codes.getFirst();
                }
                case MEASURED -> best ? BigDecimal.ONE : null;
                case PERCENT_BANDS -> best ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
            };
            Answer answer = new Answer(q.id(), value, q.unit(), false, null, q.evidenceAllowed() ? LINK : null);
            answers.put(q.id(), answer);
        }
        return answers;
    }

    private Set<String> everyQuestion() {
        return questionnaire.questions().stream().map(Question::id).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"C", "F", "G", "I", "J"})
    void theBestAnswersWithCheckedEvidenceArePlatinum(String industry) {
        ScoreCard card = Scorer.score(
                questionnaire, rules, new ScoringInput(industry, SizeBand.MEDIUM, answers(industry, true), everyQuestion()));

        assertThat(card.overall()).isEqualByComparingTo("100.0");
        assertThat(card.level()).isEqualTo(Level.PLATINUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "J"})
    void uncheckedEvidenceCostsPoints(String industry) {
        ScoreCard card = Scorer.score(
                questionnaire, rules, new ScoringInput(industry, SizeBand.MEDIUM, answers(industry, true), Set.of()));

        assertThat(card.overall()).isLessThan(new BigDecimal("100.0"));
        assertThat(card.questions()).anySatisfy(q -> assertThat(q.outcome()).isEqualTo(ScoreCard.Outcome.CAPPED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "G"})
    void theWorstAnswersAreBronzeWithNothing(String industry) {
        ScoreCard card = Scorer.score(
                questionnaire, rules, new ScoringInput(industry, SizeBand.MEDIUM, answers(industry, false), everyQuestion()));

        assertThat(card.overall()).isEqualByComparingTo("0.0");
        assertThat(card.pillar(Pillar.E).score()).isEqualByComparingTo("0.0");
        assertThat(card.level()).isEqualTo(Level.BRONZE);
    }
}
