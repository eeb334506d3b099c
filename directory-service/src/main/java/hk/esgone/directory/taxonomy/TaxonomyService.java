package hk.esgone.directory.taxonomy;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.taxonomy.store.TaxonomyEntryDocument;
import hk.esgone.directory.taxonomy.store.TaxonomyStore;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Taxonomies are read on every validation and every search answer, and change rarely: they are served
 * from memory, loaded from MongoDB at start, after each admin change, and every minute (for changes
 * made through another instance).
 */
@Service
public class TaxonomyService implements SmartLifecycle {

    private final TaxonomyStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Map<TaxonomyType, Map<String, TaxonomyEntry>> cache = Map.of();
    private volatile Disposable refresher;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    TaxonomyService(TaxonomyStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void start() {
        refresher = PeriodicJob.start("taxonomy refresh", Duration.ofMinutes(1), Duration.ofMinutes(1), this::refresh);
    }

    @Override
    public void stop() {
        if (refresher != null) {
            refresher.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isDisposed();
    }

    /** Inserts the seed codes that are missing; never overwrites stored ones. */
    public Mono<Void> seed() {
        return Flux.fromIterable(TaxonomySeed.all().entrySet())
                .flatMapIterable(e -> e.getValue().stream().map(entry -> Map.entry(e.getKey(), entry)).toList())
                .concatMap(e -> store.insertIfMissing(e.getKey(), e.getValue(), clock.instant()))
                .then();
    }

    public Mono<Void> refresh() {
        return store.findAll()
                .collectList()
                .doOnNext(docs -> {
                    Map<TaxonomyType, Map<String, TaxonomyEntry>> next = new EnumMap<>(TaxonomyType.class);
                    for (TaxonomyType type : TaxonomyType.values()) {
                        Map<String, TaxonomyEntry> entries = new LinkedHashMap<>();
                        docs.stream().filter(d -> d.type() == type)
                                .sorted(Comparator.comparingInt(TaxonomyEntryDocument::order).thenComparing(TaxonomyEntryDocument::code))
                                .forEach(d -> entries.put(d.code(), d.toEntry()));
                        next.put(type, Collections.unmodifiableMap(entries));
                    }
                    cache = Collections.unmodifiableMap(next);
                    generation.incrementAndGet();
                })
                .then();
    }

    /** Changes whenever the cache is reloaded: lets callers cache what they derive from it. */
    public long generation() {
        return generation.get();
    }

    public List<TaxonomyEntry> entries(TaxonomyType type) {
        return List.copyOf(cache.getOrDefault(type, Map.of()).values());
    }

    public Optional<TaxonomyEntry> entry(TaxonomyType type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.getOrDefault(type, Map.of()).get(code));
    }

    /** Known and active: may be used in new input. */
    public boolean isUsable(TaxonomyType type, String code) {
        return entry(type, code).map(TaxonomyEntry::active).orElse(false);
    }

    /** Known (active or not): may be used in a search filter. */
    public boolean isKnown(TaxonomyType type, String code) {
        return entry(type, code).isPresent();
    }

    public Bilingual label(TaxonomyType type, String code) {
        return entry(type, code).map(TaxonomyEntry::label).orElse(code == null ? null : Bilingual.of(code, code));
    }

    /** The highest scorecard level whose threshold {@code overall} reaches, or null below the lowest one. */
    public String scorecardLevelFor(int overall) {
        String level = null;
        int best = Integer.MIN_VALUE;
        for (TaxonomyEntry entry : entries(TaxonomyType.SCORECARD_LEVELS)) {
            if (entry.minOverall() != null && overall >= entry.minOverall() && entry.minOverall() > best) {
                best = entry.minOverall();
                level = entry.code();
            }
        }
        return level;
    }

    /**
     * Adds a code (extendable taxonomies only) or changes a code's label, order, activity or threshold.
     * Companies that use a changed code are indexed again (listeners of {@link TaxonomyChanged}).
     */
    public Mono<TaxonomyEntry> save(TaxonomyType type, TaxonomyEntry wanted) {
        String id = TaxonomyEntryDocument.idOf(type, wanted.code());
        return store.findById(id)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(existing -> {
                    if (existing.isEmpty() && !type.extendable()) {
                        return Mono.error(TaxonomyProblems.notExtendable(type));
                    }
                    int order = wanted.order() > 0 ? wanted.order()
                            : existing.map(TaxonomyEntryDocument::order).orElse(entries(type).size() + 1);
                    TaxonomyEntryDocument doc = new TaxonomyEntryDocument(id, type, wanted.code(), wanted.label(),
                            type == TaxonomyType.LOCATIONS ? Objects.requireNonNullElse(wanted.group(),
                                    existing.map(TaxonomyEntryDocument::group).orElse("OTHER")) : null,
                            order, wanted.active(),
                            type == TaxonomyType.SCORECARD_LEVELS ? Objects.requireNonNullElse(wanted.minOverall(),
                                    existing.map(TaxonomyEntryDocument::minOverall).orElse(null)) : null,
                            existing.map(TaxonomyEntryDocument::seeded).orElse(false), clock.instant());
                    boolean labelChanged = existing.isPresent() && !existing.get().label().equals(wanted.label());
                    return store.save(doc)
                            .flatMap(saved -> refresh().thenReturn(saved.toEntry()))
                            .doOnSuccess(saved -> {
                                if (labelChanged) {
                                    events.publishEvent(new TaxonomyChanged(type, wanted.code()));
                                }
                            });
                });
    }
}
