package hk.esgone.assessment.carbon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.AnswerChecker;
import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.support.Bilingual;

/** Computes the scope 1 and 2 footprint from the answers the questionnaire marks as carbon inputs. */
public final class CarbonCalculator {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
    private static final int DISPLAY_SCALE = 3;

    private CarbonCalculator() {}

    /** @param answers by question id; N/A, empty and invalid answers contribute nothing */
    public static CarbonFootprint calculate(
            Questionnaire questionnaire, EmissionFactors factors, Map<String, Answer> answers) {
        List<CarbonFootprint.Line> lines = new ArrayList<>();
        List<Bilingual> notes = new ArrayList<>();
        BigDecimal scope1 = BigDecimal.ZERO;
        BigDecimal scope2 = BigDecimal.ZERO;
        for (CarbonInput input : CarbonInput.values()) {
            if (!input.isActivity()) {
                continue;
            }
            Optional<Question> question = questionnaire.questionFor(input);
            Optional<BigDecimal> amount = question.flatMap(q -> validValue(questionnaire, answers.get(q.id())))
                    .map(CarbonCalculator::decimal);
            if (question.isEmpty() || amount.isEmpty()) {
                continue;
            }
            String refrigerant = null;
            if (input == CarbonInput.REFRIGERANT) {
                refrigerant = questionnaire.questionFor(CarbonInput.REFRIGERANT_KIND)
                        .flatMap(q -> validValue(questionnaire, answers.get(q.id())))
                        .map(String.class::cast)
                        .orElse(null);
                if (refrigerant == null) {
                    notes.add(Bilingual.of(
                            "Refrigerant top-ups are not counted: say which refrigerant your equipment uses.",
                            "未計算補充雪種的排放：請註明設備使用的雪種類型。"));
                    continue;
                }
            }
            String kind = refrigerant;
            EmissionFactor factor = factors.factorFor(input, refrigerant).orElse(null);
            if (factor == null) {
                notes.add(Bilingual.of(
                        "No emission factor for " + input + (kind == null ? "" : " " + kind) + " in " + factors.key()
                                + "; not counted.",
                        factors.key() + " 沒有 " + input + (kind == null ? "" : " " + kind) + " 的排放系數，未有計算。"));
                continue;
            }
            BigDecimal kg = amount.get().multiply(factor.kgCo2ePerUnit());
            lines.add(new CarbonFootprint.Line(
                    input,
                    question.get().id(),
                    factor.activity(),
                    factor.scope(),
                    amount.get(),
                    factor.unit(),
                    factor.id(),
                    factor.kgCo2ePerUnit(),
                    factor.source(),
                    kg));
            if (factor.scope() == 1) {
                scope1 = scope1.add(kg);
            } else {
                scope2 = scope2.add(kg);
            }
        }
        BigDecimal total = scope1.add(scope2);
        BigDecimal totalTonnesExact = total.divide(THOUSAND);
        BigDecimal perEmployee = positiveFact(questionnaire, answers, CarbonInput.EMPLOYEES)
                .map(employees -> totalTonnesExact.divide(employees, DISPLAY_SCALE, RoundingMode.HALF_UP))
                .orElse(null);
        // t / (HKD / 1,000,000) = t x 1,000,000 / HKD
        BigDecimal perMillion = positiveFact(questionnaire, answers, CarbonInput.REVENUE)
                .map(revenue -> totalTonnesExact
                        .multiply(BigDecimal.valueOf(1_000_000))
                        .divide(revenue, DISPLAY_SCALE, RoundingMode.HALF_UP))
                .orElse(null);
        return new CarbonFootprint(
                factors.key(),
                lines,
                scope1,
                scope2,
                total,
                tonnes(scope1),
                tonnes(scope2),
                tonnes(total),
                perEmployee,
                perMillion,
                notes);
    }

    private static Optional<BigDecimal> positiveFact(
            Questionnaire questionnaire, Map<String, Answer> answers, CarbonInput fact) {
        return questionnaire.questionFor(fact)
                .flatMap(q -> validValue(questionnaire, answers.get(q.id())))
                .map(CarbonCalculator::decimal)
                .filter(v -> v.signum() > 0);
    }

    private static Optional<Object> validValue(Questionnaire questionnaire, Answer answer) {
        if (answer == null || answer.notApplicable() || answer.value() == null) {
            return Optional.empty();
        }
        return AnswerChecker.check(questionnaire, answer).isEmpty() ? Optional.of(answer.value()) : Optional.empty();
    }

    /** Exact: the checker has accepted the value as a number with at most three decimals. */
    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static BigDecimal tonnes(BigDecimal kg) {
        return kg.divide(THOUSAND).setScale(DISPLAY_SCALE, RoundingMode.HALF_UP);
    }
}
