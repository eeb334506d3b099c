package hk.esgone.directory.demo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import hk.esgone.directory.badges.BadgeHoldings;
import hk.esgone.directory.benchmark.PeerBenchmarkService;
import hk.esgone.directory.company.domain.CompanyDocument;
import hk.esgone.directory.company.domain.CompanyRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the demo directory once: a marker in {@code meta} records that it was loaded, so restarts (and
 * the companies' later edits) are left alone. Interrupted loads resume: companies already there are skipped.
 */
@Component
public class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String MARKER = "demo-data";
    private static final int BATCH = 1000;

    @Document("meta")
    record Marker(@Id String id, int count, long seed, Instant loadedAt) {
    }

    private final DemoDataProperties properties;
    private final CompanyRepository companies;
    private final ReactiveMongoTemplate mongo;
    private final BadgeHoldings badges;
    private final PeerBenchmarkService benchmarks;
    private final Clock clock;

    DemoDataLoader(DemoDataProperties properties, CompanyRepository companies, ReactiveMongoTemplate mongo,
                   BadgeHoldings badges, PeerBenchmarkService benchmarks, Clock clock) {
        this.properties = properties;
        this.companies = companies;
        this.mongo = mongo;
        this.badges = badges;
        this.benchmarks = benchmarks;
        this.clock = clock;
    }

    /** Loads when enabled and not loaded before; answers how many companies were inserted. */
    public Mono<Long> loadIfFirstStart() {
        if (!properties.enabled()) {
            return Mono.just(0L);
        }
        return mongo.exists(query(where("_id").is(MARKER)), Marker.class)
                .flatMap(loaded -> loaded ? Mono.just(0L) : load(properties.count(), properties.seed()));
    }

    public Mono<Long> load(int count, long seed) {
        DemoCompanyGenerator generator = new DemoCompanyGenerator(seed, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        long started = System.nanoTime();
        List<CompanyDocument> fixed = generator.fixed();
        int generatedCount = Math.max(0, count - fixed.size());
        Flux<List<CompanyDocument>> batches = Flux.concat(
                Flux.just(fixed.subList(0, Math.min(count, fixed.size()))),
                Flux.range(0, (generatedCount + BATCH - 1) / BATCH)
                        .map(b -> IntStream.range(b * BATCH, Math.min(generatedCount, (b + 1) * BATCH))
                                .mapToObj(generator::generated).toList()));
        return batches
                .concatMap(this::insert)
                .reduce(0L, Long::sum)
                .flatMap(inserted -> mongo.save(new Marker(MARKER, count, seed, clock.instant()))
                        .then(Flux.fromIterable(fixed).concatMap(c -> badges.sync(c.id(), null)).then())
                        .then(benchmarks.refresh())
                        .thenReturn(inserted))
                .doOnSuccess(n -> log.info("Loaded {} demo companies in {} ms", n, (System.nanoTime() - started) / 1_000_000));
    }

    private Mono<Long> insert(List<CompanyDocument> batch) {
        return companies.insertAll(batch)
                .onErrorResume(DuplicateKeyException.class, e -> Flux.fromIterable(batch)
                        .concatMap(c -> companies.insert(c).map(x -> 1L).onErrorResume(DuplicateKeyException.class, d -> Mono.just(0L)))
                        .reduce(0L, Long::sum));
    }
}
