package hk.esgone.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class PeerFiguresTests {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void readsTheFiguresOfAStoredScorecardAsExactWholeNumbers() {
        PeerFigures figures = PeerFigures.fromScorecard(JSON.readTree("""
                {"year":2025,"score":{"overall":72.5,"pillars":[{"pillar":"E","score":80.0},{"pillar":"S","score":61.3},
                 {"pillar":"G","score":0.0}]},"carbon":{"tonnesPerEmployee":1.234}}"""));

        assertThat(figures.stored(Figure.OVERALL)).isEqualTo(725L);
        assertThat(figures.stored(Figure.E)).isEqualTo(800L);
        assertThat(figures.stored(Figure.S)).isEqualTo(613L);
        assertThat(figures.stored(Figure.G)).isZero();
        assertThat(figures.stored(Figure.CARBON_INTENSITY)).isEqualTo(1234L);
        assertThat(figures.fields("hk-sme", 2025, "C", "SMALL")).containsEntry("groups", List.of("hk-sme|2025|C", "hk-sme|2025|C|SMALL"))
                .containsEntry("overall", 725L).containsEntry("intensity", 1234L);
    }

    @Test
    void aFootprintWithoutAFigurePerEmployeeHasNoIntensity() {
        PeerFigures figures = PeerFigures.fromScorecard(JSON.readTree("""
                {"score":{"overall":50.0,"pillars":[]},"carbon":{"tonnesPerEmployee":null}}"""));

        assertThat(figures.stored(Figure.CARBON_INTENSITY)).isNull();
        assertThat(figures.fields("hk-sme", 2025, "C", "SMALL")).doesNotContainKey("intensity");
        assertThat((Map<String, Object>) figures.fields("hk-sme", 2025, "C", "SMALL")).containsEntry("overall", 500L);
    }
}
