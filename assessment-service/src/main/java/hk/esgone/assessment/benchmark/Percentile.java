package hk.esgone.assessment.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Where one company stands in its peer group, from three counts. */
public final class Percentile {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Percentile() {
    }

    /**
     * The percentile rank of a company in a group of {@code total} companies (the company itself included):
     * the percent of the group that does <em>worse</em> than it, plus half of those that do exactly as well
     * (itself included), i.e. {@code 100 × (below + equal / 2) / total}, from 0 to 100 with one decimal, rounded
     * half-up once at the end. "Worse" is a lower score, or for a lower-is-better figure such as carbon intensity a
     * <em>higher</em> value — the caller counts accordingly. Examples: alone at the top of 10 (9 below, 1 equal)
     * is 95.0; all 10 equal is 50.0; last of 10 (0 below, 1 equal) is 5.0.
     *
     * @param below companies strictly worse than this one
     * @param equal companies with exactly the same value, this one included (so at least 1 when it is in the group)
     * @param total the group's size
     */
    public static BigDecimal of(long below, long equal, long total) {
        if (total <= 0 || below < 0 || equal < 0 || below + equal > total) {
            throw new IllegalArgumentException("counts below=" + below + " equal=" + equal + " total=" + total
                    + " do not describe a group");
        }
        BigDecimal rank = BigDecimal.valueOf(below).add(BigDecimal.valueOf(equal).divide(TWO));
        return rank.multiply(HUNDRED).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }
}
