package hk.esgone.directory.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import hk.esgone.directory.benchmark.PeerBenchmark.PeerGroup;
import hk.esgone.directory.benchmark.PeerBenchmark.Percentiles;
import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Peer percentiles from an in-memory snapshot of every published company's scores, sorted per peer
 * group and pillar, so a profile view costs a few binary searches. The snapshot is rebuilt from MongoDB
 * periodically (scores change rarely: when the council assesses a company).
 */
@Service
public class PeerBenchmarkService implements SmartLifecycle {

    private static final int PILLARS = 4;

    private final CompanyRepository companies;
    private final Clock clock;
    private final Duration refreshInterval;
    private final int minPeers;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), null);
    private volatile Disposable job;

    PeerBenchmarkService(CompanyRepository companies, Clock clock,
                         @Value("${esg.directory.benchmark.refresh-interval:PT5M}") Duration refreshInterval,
                         @Value("${esg.directory.benchmark.min-peers:5}") int minPeers) {
        this.companies = companies;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.minPeers = minPeers;
    }

    public Mono<Void> refresh() {
        return companies.findPublishedWithScorecards()
                .filter(c -> c.scorecard() != null && c.profile() != null && c.profile().industry() != null)
                .collectList()
                .doOnNext(list -> {
                    Map<String, List<int[]>> groups = new HashMap<>();
                    for (Company c : list) {
                        int[] scores = scores(c);
                        groups.computeIfAbsent(key(c.profile().industry(), null), k -> new ArrayList<>()).add(scores);
                        if (c.profile().sizeBand() != null) {
                            groups.computeIfAbsent(key(c.profile().industry(), c.profile().sizeBand()), k -> new ArrayList<>()).add(scores);
                        }
                    }
                    Map<String, int[][]> sorted = new HashMap<>();
                    groups.forEach((key, members) -> {
                        int[][] perPillar = new int[PILLARS][members.size()];
                        for (int i = 0; i < members.size(); i++) {
                            for (int p = 0; p < PILLARS; p++) {
                                perPillar[p][i] = members.get(i)[p];
                            }
                        }
                        for (int[] pillar : perPillar) {
                            Arrays.sort(pillar);
                        }
                        sorted.put(key, perPillar);
                    });
                    snapshot = new Snapshot(sorted, clock.instant());
                })
                .then();
    }

    public Optional<PeerBenchmark> benchmark(Company company) {
        Snapshot current = snapshot;
        if (company.scorecard() == null || company.profile() == null || current.computedAt() == null) {
            return Optional.empty();
        }
        int[] scores = scores(company);
        String industry = company.profile().industry();
        String sizeBand = company.profile().sizeBand();
        PeerGroup byIndustry = group(current, industry, null, scores);
        PeerGroup bySize = sizeBand == null ? null : group(current, industry, sizeBand, scores);
        return Optional.of(new PeerBenchmark(bySize, byIndustry, current.computedAt()));
    }

    private PeerGroup group(Snapshot current, String industry, String sizeBand, int[] scores) {
        int[][] group = current.groups().get(key(industry, sizeBand));
        int peers = group == null ? 0 : group[0].length;
        if (peers < minPeers) {
            return new PeerGroup(industry, sizeBand, peers, null);
        }
        Integer[] percentiles = new Integer[PILLARS];
        for (int p = 0; p < PILLARS; p++) {
            percentiles[p] = scores[p] < 0 ? null : percentile(group[p], scores[p]);
        }
        return new PeerGroup(industry, sizeBand, peers, new Percentiles(percentiles[0], percentiles[1], percentiles[2], percentiles[3]));
    }

    /** Share of {@code sorted} below {@code score}, ties counted half, as 0–100. */
    static int percentile(int[] sorted, int score) {
        int below = lowerBound(sorted, score);
        int equal = lowerBound(sorted, score + 1) - below;
        return (int) Math.round(100.0 * (below + 0.5 * equal) / sorted.length);
    }

    private static int lowerBound(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int[] scores(Company c) {
        var s = c.scorecard();
        return new int[]{orMissing(s.environmental()), orMissing(s.social()), orMissing(s.governance()), orMissing(s.overall())};
    }

    private static int orMissing(Integer value) {
        return value == null ? -1 : value;
    }

    private static String key(String industry, String sizeBand) {
        return industry + "|" + (sizeBand == null ? "*" : sizeBand);
    }

    @Override
    public void start() {
        job = PeriodicJob.start("peer benchmark refresh", Duration.ofSeconds(1), refreshInterval, this::refresh);
    }

    @Override
    public void stop() {
        if (job != null) {
            job.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return job != null && !job.isDisposed();
    }

    private record Snapshot(Map<String, int[][]> groups, Instant computedAt) {
    }

    Instant computedAt() {
        return snapshot.computedAt();
    }
}
