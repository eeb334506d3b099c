package hk.esgone.directory.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerBenchmarkServiceTests {

    @Test
    void thePercentileIsTheShareOfPeersBelowWithTiesCountedHalf() {
        int[] peers = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(PeerBenchmarkService.percentile(peers, 10)).isEqualTo(5);
        assertThat(PeerBenchmarkService.percentile(peers, 55)).isEqualTo(50);
        assertThat(PeerBenchmarkService.percentile(peers, 100)).isEqualTo(95);
        assertThat(PeerBenchmarkService.percentile(peers, 5)).isEqualTo(0);
        assertThat(PeerBenchmarkService.percentile(peers, 200)).isEqualTo(100);
        assertThat(PeerBenchmarkService.percentile(new int[]{50, 50, 50, 50}, 50)).isEqualTo(50);
    }
}
