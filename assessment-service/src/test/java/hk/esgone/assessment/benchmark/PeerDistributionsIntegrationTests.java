package hk.esgone.assessment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import hk.esgone.assessment.benchmark.store.PeerStore;
import hk.esgone.assessment.config.AssessmentProperties;
import tools.jackson.databind.JsonNode;

/**
 * Percentiles are worked out from each group's figures held for a minute: a peer submitted meanwhile joins when
 * they are read again, but a company's own submission is always in its group.
 */
class PeerDistributionsIntegrationTests extends PeerGroupIntegrationTest {

    @Autowired
    PeerStore peerStore;

    @Test
    void aGroupIsReadAgainOnceItsFiguresAreAMinuteOld() {
        int year = 2011;
        String group = PeerFigures.group("hk-sme", year, "C", "SMALL");
        for (String overall : new String[] {"10.0", "20.0", "30.0", "40.0", "50.0", "50.0", "60.0", "70.0", "80.0", "90.0"}) {
            submitted(year, "C", "SMALL", peer(overall, "50.0", "50.0", "50.0", null), Map.of());
        }
        Instant start = Instant.parse("2026-12-05T10:00:00Z");
        Clock[] now = {Clock.fixed(start, ZoneOffset.UTC)};
        PeerDistributions held = new PeerDistributions(peerStore, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        }, new AssessmentProperties(false, null, Duration.ofMinutes(1)));

        PeerDistributions.Distribution first = held.of(group).block();
        // stored as tenths: 50.0 is 500; 4 peers below it, 2 equal, none has an intensity
        assertThat(first.size(Figure.OVERALL)).isEqualTo(10);
        assertThat(first.worse(Figure.OVERALL, 500)).isEqualTo(4);
        assertThat(first.equal(Figure.OVERALL, 500)).isEqualTo(2);
        assertThat(first.size(Figure.CARBON_INTENSITY)).isZero();

        submitted(year, "C", "SMALL", peer("5.0", "50.0", "50.0", "50.0", "1.000"), Map.of());
        assertThat(held.of(group).block().size(Figure.OVERALL)).as("held for a minute").isEqualTo(10);
        now[0] = Clock.fixed(start.plusSeconds(61), ZoneOffset.UTC);
        PeerDistributions.Distribution later = held.of(group).block();
        assertThat(later.size(Figure.OVERALL)).isEqualTo(11);
        assertThat(later.worse(Figure.OVERALL, 500)).isEqualTo(5);
        assertThat(later.size(Figure.CARBON_INTENSITY)).isEqualTo(1);
        // lower is better: 2.000 t is worse than... nobody has more; the one peer at 1.000 does better
        assertThat(later.worse(Figure.CARBON_INTENSITY, 2000)).isZero();
        assertThat(later.worse(Figure.CARBON_INTENSITY, 500)).isEqualTo(1);
    }

    @Test
    void aCompanysOwnSubmissionCountsAtOnceEvenWhenItsGroupIsHeld() {
        int year = 2012;
        String first = company("first");
        String firstAssessment = submitted(first, year, "C", "SMALL", peer("50.0", "50.0", "50.0", "50.0", null), Map.of(), null);
        for (int i = 0; i < 9; i++) {
            submitted(year, "C", "SMALL", peer("40.0", "50.0", "50.0", "50.0", null), Map.of());
        }
        // the group of 10 is read and held
        assertThat(group(benchmark(sme(first), firstAssessment), "INDUSTRY_AND_SIZE").path("enoughPeers").asBoolean()).isTrue();

        String me = company("late");
        String mine = submitted(me, year, "C", "SMALL", peer("60.0", "50.0", "50.0", "50.0", null), Map.of(), null);
        JsonNode sized = group(benchmark(sme(me), mine), "INDUSTRY_AND_SIZE");

        // read again because 60.0 was not among the held figures: 10 below of 11, (10 + 1/2) / 11 = 95.5
        assertThat(sized.path("figures").get(3).path("figure").asText()).isEqualTo("OVERALL");
        assertThat(sized.path("figures").get(3).path("percentile").decimalValue()).isEqualByComparingTo("95.5");
    }
}
