package hk.esgone.assessment.carbon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import hk.esgone.assessment.questionnaire.CarbonInput;
import hk.esgone.assessment.support.Bilingual;

/** A versioned set of emission factors, e.g. {@code hk-2025}; loaded by {@link EmissionFactorsLoader}. */
public record EmissionFactors(String key, Bilingual title, List<EmissionFactor> factors) {

    public EmissionFactors {
        factors = List.copyOf(factors);
    }

    /** The factor for an activity; for refrigerant, the one for that refrigerant code. */
    public Optional<EmissionFactor> factorFor(CarbonInput input, String refrigerant) {
        return factors.stream()
                .filter(f -> f.input() == input
                        && (input != CarbonInput.REFRIGERANT || Objects.equals(f.refrigerant(), refrigerant)))
                .findFirst();
    }
}
