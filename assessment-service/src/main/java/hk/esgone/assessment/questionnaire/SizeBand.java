package hk.esgone.assessment.questionnaire;

import java.util.Optional;

/** Company size by headcount, as Hong Kong government SME schemes count it. */
public enum SizeBand {
    MICRO(1, 9),
    SMALL(10, 49),
    MEDIUM(50, 249);

    private final int minEmployees;
    private final int maxEmployees;

    SizeBand(int minEmployees, int maxEmployees) {
        this.minEmployees = minEmployees;
        this.maxEmployees = maxEmployees;
    }

    public int minEmployees() {
        return minEmployees;
    }

    public int maxEmployees() {
        return maxEmployees;
    }

    /** Empty for 0 or 250+ employees: the assessment is written for SMEs only. */
    public static Optional<SizeBand> forEmployees(int employees) {
        for (SizeBand band : values()) {
            if (employees >= band.minEmployees && employees <= band.maxEmployees) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }
}
