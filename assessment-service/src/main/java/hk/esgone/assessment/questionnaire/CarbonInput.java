package hk.esgone.assessment.questionnaire;

/**
 * What a question feeds into the carbon footprint, declared in the questionnaire file ({@code "carbon": "DIESEL"}) so
 * that the calculator never hard-codes question ids.
 */
public enum CarbonInput {
    DIESEL("litres"),
    PETROL("litres"),
    LPG("kg"),
    TOWNGAS("towngas-units"),
    /** Kilograms of refrigerant topped up; its kind comes from the {@link #REFRIGERANT_KIND} question. */
    REFRIGERANT("kg"),
    /** A single-choice question whose choice codes are refrigerant names (R22, R410A ...). */
    REFRIGERANT_KIND(null),
    ELECTRICITY_CLP("kWh"),
    ELECTRICITY_HK_ELECTRIC("kWh"),
    ELECTRICITY_MAINLAND("kWh"),
    EMPLOYEES("headcount"),
    REVENUE("HKD");

    private final String unit;

    CarbonInput(String unit) {
        this.unit = unit;
    }

    /** The unit the question must use; null for the refrigerant-kind choice. */
    public String unit() {
        return unit;
    }

    /** True for the inputs that are activity amounts turned into emissions. */
    public boolean isActivity() {
        return this != REFRIGERANT_KIND && this != EMPLOYEES && this != REVENUE;
    }
}
