package hk.esgone.assessment.carbon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireCatalog;

/**
 * Hand-worked footprints on the shipped questionnaire with {@code emission-factors/fixed-for-tests.json}, a frozen
 * copy of hk-2025 (kg CO2e per unit: CLP 0.39, HK Electric 0.66, mainland southern grid 0.4367, diesel 2.614,
 * petrol 2.360, LPG 3.017, towngas 2.549; GWP R-410A 1924), so that updating the shipped factors does not change
 * these figures.
 */
class CarbonCalculatorTests {

    private final Questionnaire questionnaire = QuestionnaireCatalog.shipped().latest("hk-sme").orElseThrow();
    private final EmissionFactors factors = EmissionFactorsLoader.fromClasspath("emission-factors/fixed-for-tests.json");
    private final Map<String, Answer> answers = new HashMap<>();

    private String id(CarbonInput input) {
        return questionnaire.questionFor(input).map(Question::id).orElseThrow();
    }

    private void amount(CarbonInput input, String value) {
        String id = id(input);
        Question question = questionnaire.question(id).orElseThrow();
        answers.put(id, Answer.number(id, new BigDecimal(value), question.unit()));
    }

    private CarbonFootprint calculate() {
        return CarbonCalculator.calculate(questionnaire, factors, answers);
    }

    private void everyActivity() {
        amount(CarbonInput.ELECTRICITY_CLP, "10000");
        amount(CarbonInput.ELECTRICITY_HK_ELECTRIC, "2000");
        amount(CarbonInput.ELECTRICITY_MAINLAND, "5000");
        amount(CarbonInput.DIESEL, "1000");
        amount(CarbonInput.PETROL, "500");
        amount(CarbonInput.LPG, "98");
        amount(CarbonInput.TOWNGAS, "1200");
        answers.put(id(CarbonInput.REFRIGERANT_KIND), Answer.of(id(CarbonInput.REFRIGERANT_KIND), "R410A"));
        amount(CarbonInput.REFRIGERANT, "2.5");
    }

    @Test
    void addsUpScopeOneAndTwo() {
        everyActivity();
        amount(CarbonInput.EMPLOYEES, "12");
        amount(CarbonInput.REVENUE, "8500000");

        CarbonFootprint footprint = calculate();

        // Scope 2: CLP 10,000 kWh x 0.39 = 3,900 kg; HK Electric 2,000 x 0.66 = 1,320 kg;
        // mainland 5,000 x 0.4367 = 2,183.5 kg; sum 7,403.5 kg = 7.4035 t -> 7.404 t.
        assertThat(footprint.scope2Kg()).isEqualByComparingTo("7403.5");
        assertThat(footprint.scope2Tonnes()).isEqualByComparingTo("7.404");
        // Scope 1: diesel 1,000 l x 2.614 = 2,614 kg; petrol 500 l x 2.360 = 1,180 kg; LPG 98 kg x 3.017 = 295.666 kg;
        // towngas 1,200 units x 2.549 = 3,058.8 kg; R-410A 2.5 kg x 1,924 = 4,810 kg;
        // sum 11,958.466 kg -> 11.958 t.
        assertThat(footprint.scope1Kg()).isEqualByComparingTo("11958.466");
        assertThat(footprint.scope1Tonnes()).isEqualByComparingTo("11.958");
        // Total 19,361.966 kg -> 19.362 t.
        assertThat(footprint.totalKg()).isEqualByComparingTo("19361.966");
        assertThat(footprint.totalTonnes()).isEqualByComparingTo("19.362");
        // Per employee: 19.361966 t / 12 = 1.61349... -> 1.613 t.
        assertThat(footprint.tonnesPerEmployee()).isEqualByComparingTo("1.613");
        // Per HK$ million: 19.361966 t / 8.5 = 2.27787... -> 2.278 t.
        assertThat(footprint.tonnesPerMillionHkd()).isEqualByComparingTo("2.278");
        assertThat(footprint.notes()).isEmpty();
    }

    @Test
    void showsEachLineWithItsFactorAndSource() {
        amount(CarbonInput.ELECTRICITY_CLP, "10000");

        CarbonFootprint footprint = calculate();

        assertThat(footprint.lines()).hasSize(1);
        CarbonFootprint.Line line = footprint.lines().getFirst();
        assertThat(line.activity().en()).isEqualTo("Electricity from CLP");
        assertThat(line.activity().zhHant()).isEqualTo("中電電力");
        assertThat(line.scope()).isEqualTo(2);
        assertThat(line.amount()).isEqualByComparingTo("10000");
        assertThat(line.unit()).isEqualTo("kWh");
        assertThat(line.kgCo2ePerUnit()).isEqualByComparingTo("0.39");
        assertThat(line.factorSource()).contains("CLP");
        // 10,000 kWh x 0.39 = 3,900 kg
        assertThat(line.kgCo2e()).isEqualByComparingTo("3900");
        assertThat(footprint.totalTonnes()).isEqualByComparingTo("3.900");
    }

    @Test
    void usesTheGwpOfTheRefrigerantChosen() {
        answers.put(id(CarbonInput.REFRIGERANT_KIND), Answer.of(id(CarbonInput.REFRIGERANT_KIND), "R32"));
        amount(CarbonInput.REFRIGERANT, "3");

        // 3 kg R-32 x 677 = 2,031 kg
        assertThat(calculate().scope1Kg()).isEqualByComparingTo("2031");

        answers.put(id(CarbonInput.REFRIGERANT_KIND), Answer.of(id(CarbonInput.REFRIGERANT_KIND), "R22"));
        // 3 kg R-22 x 1,760 = 5,280 kg
        assertThat(calculate().scope1Kg()).isEqualByComparingTo("5280");
    }

    @Test
    void leavesOutRefrigerantOfUnknownKindAndSaysSo() {
        amount(CarbonInput.REFRIGERANT, "3");

        CarbonFootprint footprint = calculate();

        assertThat(footprint.lines()).isEmpty();
        assertThat(footprint.totalKg()).isEqualByComparingTo("0");
        assertThat(footprint.notes()).singleElement().extracting(n -> n.en()).asString().contains("which refrigerant");
    }

    @Test
    void hasNoIntensityWithoutEmployeesOrRevenue() {
        everyActivity();
        amount(CarbonInput.EMPLOYEES, "0");

        CarbonFootprint footprint = calculate();

        assertThat(footprint.totalTonnes()).isEqualByComparingTo("19.362");
        assertThat(footprint.tonnesPerEmployee()).isNull();
        assertThat(footprint.tonnesPerMillionHkd()).isNull();
    }

    @Test
    void skipsNotApplicableAndInvalidAnswers() {
        amount(CarbonInput.ELECTRICITY_CLP, "10000");
        answers.put(
                id(CarbonInput.ELECTRICITY_HK_ELECTRIC),
                Answer.notApplicable(id(CarbonInput.ELECTRICITY_HK_ELECTRIC), "Our shop is in Kowloon, on CLP."));
        amount(CarbonInput.DIESEL, "-50");
        answers.put(id(CarbonInput.PETROL), Answer.number(id(CarbonInput.PETROL), new BigDecimal("300"), "kg"));

        CarbonFootprint footprint = calculate();

        // Only CLP counts: 3,900 kg. Negative diesel and petrol in the wrong unit are not valid answers.
        assertThat(footprint.lines()).extracting(CarbonFootprint.Line::input).containsExactly(CarbonInput.ELECTRICITY_CLP);
        assertThat(footprint.totalKg()).isEqualByComparingTo("3900");
    }

    @Test
    void keepsSmallAmountsExactUntilDisplay() {
        amount(CarbonInput.LPG, "0.001");
        amount(CarbonInput.EMPLOYEES, "3");

        CarbonFootprint footprint = calculate();

        // 0.001 kg x 3.017 = 0.003017 kg exactly; 0.000003017 t shows as 0.000.
        assertThat(footprint.totalKg()).isEqualByComparingTo("0.003017");
        assertThat(footprint.totalTonnes()).isEqualByComparingTo("0.000");
        assertThat(footprint.tonnesPerEmployee()).isEqualByComparingTo("0.000");
    }
}
