package hk.esgone.assessment.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeBandTests {

    @Test
    void bandsFollowTheHeadcountLimits() {
        assertThat(SizeBand.forEmployees(1)).contains(SizeBand.MICRO);
        assertThat(SizeBand.forEmployees(9)).contains(SizeBand.MICRO);
        assertThat(SizeBand.forEmployees(10)).contains(SizeBand.SMALL);
        assertThat(SizeBand.forEmployees(49)).contains(SizeBand.SMALL);
        assertThat(SizeBand.forEmployees(50)).contains(SizeBand.MEDIUM);
        assertThat(SizeBand.forEmployees(249)).contains(SizeBand.MEDIUM);
    }

    @Test
    void noBandOutsideTheSmeRange() {
        assertThat(SizeBand.forEmployees(0)).isEmpty();
        assertThat(SizeBand.forEmployees(250)).isEmpty();
    }
}
