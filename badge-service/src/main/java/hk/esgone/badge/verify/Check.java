package hk.esgone.badge.verify;

/** One step of a verification and how it went; {@code detail} says why, in words a person can act on. */
public record Check(String check, Outcome outcome, String detail) {

    public enum Outcome {
        PASSED, FAILED, SKIPPED
    }

    public static Check passed(String check, String detail) {
        return new Check(check, Outcome.PASSED, detail);
    }

    public static Check failed(String check, String detail) {
        return new Check(check, Outcome.FAILED, detail);
    }

    public static Check skipped(String check, String detail) {
        return new Check(check, Outcome.SKIPPED, detail);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
