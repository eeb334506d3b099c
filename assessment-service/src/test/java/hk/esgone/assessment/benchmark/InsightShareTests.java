package hk.esgone.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shares of an insight: whole percent of those who answered, half-up. */
class InsightShareTests {

    @Test
    void wholePercentRoundedHalfUp() {
        assertThat(InsightService.share(8, 11)).isEqualTo(73); // 72.73
        assertThat(InsightService.share(5, 8)).isEqualTo(63); // 62.5 → up
        assertThat(InsightService.share(1, 40)).isEqualTo(3); // 2.5 → up
        assertThat(InsightService.share(1, 200)).isEqualTo(1); // 0.5 → up
        assertThat(InsightService.share(2, 3)).isEqualTo(67);
        assertThat(InsightService.share(0, 10)).isZero();
        assertThat(InsightService.share(10, 10)).isEqualTo(100);
    }
}
