package hk.esgone.assessment.carbon;

import java.math.BigDecimal;

import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.support.Bilingual;

/**
 * kg CO2e per unit of one activity, with the citation shown next to every footprint line.
 *
 * @param refrigerant the refrigerant choice code (R22, R410A ...) for {@link CarbonInput#REFRIGERANT}, else null
 * @param scope 1 (fuels burnt, refrigerant leaks) or 2 (electricity bought)
 * @param year the year the figure describes
 */
public record EmissionFactor(
        String id,
        CarbonInput input,
        String refrigerant,
        int scope,
        String unit,
        BigDecimal kgCo2ePerUnit,
        int year,
        Bilingual activity,
        String source) {}
