package hk.esgone.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Percentile ranks worked by hand: 100 × (below + equal / 2) / total, one decimal, half-up. */
class PercentileTests {

    @Test
    void aloneAtTheTopOfTenIsNinetyFive() {
        // 9 below, itself the only one at its value: (9 + 0.5) / 10
        assertThat(Percentile.of(9, 1, 10)).isEqualByComparingTo("95.0");
    }

    @Test
    void lastOfTenIsFive() {
        assertThat(Percentile.of(0, 1, 10)).isEqualByComparingTo("5.0");
    }

    @Test
    void allEqualIsTheMiddle() {
        assertThat(Percentile.of(0, 12, 12)).isEqualByComparingTo("50.0");
    }

    @Test
    void tiesCountHalf() {
        // 6 below, itself and one other level: (6 + 1) / 10
        assertThat(Percentile.of(6, 2, 10)).isEqualByComparingTo("70.0");
        // 3 below, 4 level of 11: (3 + 2) / 11 = 45.4545…
        assertThat(Percentile.of(3, 4, 11)).isEqualByComparingTo("45.5");
    }

    @Test
    void roundsHalfUpOnceAtTheEnd() {
        // (1 + 0.5) / 16 = 9.375 → 9.4 ; (0 + 0.5) / 80 = 0.625 → 0.6 ; (2 + 0.5) / 80 = 3.125 → 3.1 ; 10.5 / 12 = 87.5
        assertThat(Percentile.of(1, 1, 16)).isEqualByComparingTo("9.4");
        assertThat(Percentile.of(0, 1, 80)).isEqualByComparingTo("0.6");
        assertThat(Percentile.of(2, 1, 80)).isEqualByComparingTo("3.1");
        assertThat(Percentile.of(10, 1, 12)).isEqualByComparingTo("87.5");
        assertThat(Percentile.of(10, 1, 12).scale()).isEqualTo(1);
    }

    @Test
    void lowerIsBetterIsCountedByTheCallerAsTheHigherOnes() {
        // intensities 1, 2, 2, 3, 4, 5, 6, 7, 8, 9 t/employee; ours is 2: worse (higher) 7, equal 2 → (7 + 1) / 10
        long higher = 7;
        assertThat(Percentile.of(higher, 2, 10)).isEqualByComparingTo(new BigDecimal("80.0"));
    }

    @Test
    void refusesCountsThatAreNoGroup() {
        assertThatThrownBy(() -> Percentile.of(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentile.of(5, 6, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentile.of(-1, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
