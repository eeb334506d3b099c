package hk.esgone.assessment.carbon;

import java.math.BigDecimal;
import java.util.List;

import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.support.Bilingual;

/**
 * Scope 1 and 2 emissions from the answers. Kilograms are exact; tonnes and intensities are rounded half-up to three
 * decimals for display.
 *
 * @param factorSet the emission-factor set used, e.g. hk-2025
 * @param tonnesPerEmployee null when the number of employees is unanswered or zero
 * @param tonnesPerMillionHkd null when revenue is unanswered or zero
 * @param notes what was left out and why
 */
public record CarbonFootprint(
        String factorSet,
        List<Line> lines,
        BigDecimal scope1Kg,
        BigDecimal scope2Kg,
        BigDecimal totalKg,
        BigDecimal scope1Tonnes,
        BigDecimal scope2Tonnes,
        BigDecimal totalTonnes,
        BigDecimal tonnesPerEmployee,
        BigDecimal tonnesPerMillionHkd,
        List<Bilingual> notes) {

    public CarbonFootprint {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** One activity: amount × factor = kg CO2e. */
    public record Line(
            CarbonInput input,
            String questionId,
            Bilingual activity,
            int scope,
            BigDecimal amount,
            String unit,
            String factorId,
            BigDecimal kgCo2ePerUnit,
            String factorSource,
            BigDecimal kgCo2e) {}
}
