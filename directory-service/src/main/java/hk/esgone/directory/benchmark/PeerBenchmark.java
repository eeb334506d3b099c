package hk.esgone.directory.benchmark;

import java.time.Instant;

/**
 * Where a company's ESG scores stand among its peers: the percentile rank (0–100; share of peers
 * scoring lower, ties counted half) within its industry and size band, and within its industry.
 * Percentiles are null when a group has fewer peers than the minimum (too few to compare fairly).
 */
public record PeerBenchmark(PeerGroup industryAndSizeBand, PeerGroup industry, Instant computedAt) {

    public record PeerGroup(String industry, String sizeBand, int peers, Percentiles percentiles) {
    }

    public record Percentiles(Integer environmental, Integer social, Integer governance, Integer overall) {
    }
}
