package hk.esgone.assessment.benchmark;

/**
 * The figures compared with peers. Each is stored with the submitted assessment as a whole number of its smallest
 * shown unit (score tenths, intensity thousandths of a tonne), so that equality and order are exact on any server.
 */
public enum Figure {
    E("e", 1, false),
    S("s", 1, false),
    G("g", 1, false),
    OVERALL("overall", 1, false),
    /** Tonnes CO₂e (scopes 1 and 2) per employee. */
    CARBON_INTENSITY("intensity", 3, true);

    private final String field;
    private final int scale;
    private final boolean lowerIsBetter;

    Figure(String field, int scale, boolean lowerIsBetter) {
        this.field = field;
        this.scale = scale;
        this.lowerIsBetter = lowerIsBetter;
    }

    /** The field under {@code peer} in the assessment document. */
    public String field() {
        return field;
    }

    /** Decimals of the stored whole number (1: tenths). */
    public int scale() {
        return scale;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }
}
