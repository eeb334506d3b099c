package hk.esgone.directory.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import hk.esgone.directory.badges.CompanyBadgeHoldings;
import hk.esgone.directory.benchmark.PeerBenchmarkService;
import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.demo.store.DemoDataMarkers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo directory once: a marker in {@code meta} records that it was loaded, so restarts (and
 * the companies' later edits) are left alone. Interrupted loads resume: companies already there are skipped.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int BATCH = 1000;

    private final DemoDataProperties properties;
    private final CompanyRepository companies;
    private final DemoDataMarkers markers;
    private final CompanyBadgeHoldings badges;
    private final PeerBenchmarkService benchmarks;
    private final Clock clock;

    DemoDataLoader(DemoDataProperties properties, CompanyRepository companies, DemoDataMarkers markers,
                   CompanyBadgeHoldings badges, PeerBenchmarkService benchmarks, Clock clock) {
        this.properties = properties;
        this.companies = companies;
        this.markers = markers;
        this.badges = badges;
        this.benchmarks = benchmarks;
        this.clock = clock;
    }

    /** Loads when enabled and not loaded before; answers how many companies were inserted. */
    public Mono<Long> loadIfFirstStart() {
        if (!properties.enabled()) {
            return Mono.just(0L);
        }
        return markers.loaded()
                .flatMap(loaded -> loaded ? Mono.just(0L) : load(properties.count(), properties.seed()));
    }

    public Mono<Long> load(int count, long seed) {
        DemoCompanyGenerator generator = new DemoCompanyGenerator(seed, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        long started = System.nanoTime();
        List<Company> fixed = generator.fixed();
        int generatedCount = Math.max(0, count - fixed.size());
        Flux<List<Company>> batches = Flux.concat(
                Flux.just(fixed.subList(0, Math.min(count, fixed.size()))),
                Flux.range(0, (generatedCount + BATCH - 1) / BATCH)
                        .map(b -> IntStream.range(b * BATCH, Math.min(generatedCount, (b + 1) * BATCH))
                                .mapToObj(generator::generated).toList()));
        return batches
                .concatMap(this::insert)
                .reduce(0L, Long::sum)
                .flatMap(inserted -> markers.markLoaded(count, seed, clock.instant())
                        .then(Flux.fromIterable(fixed).concatMap(c -> badges.sync(c.id(), null)).then())
                        .then(benchmarks.refresh())
                        .thenReturn(inserted))
                .doOnSuccess(n -> log.info("Loaded {} demo companies in {} ms", n, (System.nanoTime() - started) / 1_000_000));
    }

    private Mono<Long> insert(List<Company> batch) {
        return companies.insertAll(batch)
                .onErrorResume(DuplicateKeyException.class, e -> Flux.fromIterable(batch)
                        .concatMap(c -> companies.insert(c).map(x -> 1L).onErrorResume(DuplicateKeyException.class, d -> Mono.just(0L)))
                        .reduce(0L, Long::sum));
    }
}
