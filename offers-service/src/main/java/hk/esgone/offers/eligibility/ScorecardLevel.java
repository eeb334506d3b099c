package hk.esgone.offers.eligibility;

/** ESG scorecard levels, in order (contracts.md). */
public enum ScorecardLevel {
    BRONZE, SILVER, GOLD, PLATINUM;

    public int rank() {
        return ordinal() + 1;
    }

    public static ScorecardLevel parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
