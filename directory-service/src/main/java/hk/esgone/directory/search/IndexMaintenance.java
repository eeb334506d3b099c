package hk.esgone.directory.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.search.store.CompanyIndexDocument;
import hk.esgone.directory.search.store.CompanyIndexer;
import hk.esgone.directory.search.store.IndexDocumentMapper;
import hk.esgone.directory.search.store.SearchIndexManager;
import hk.esgone.directory.taxonomy.TaxonomyChanged;
import hk.esgone.platform.jobs.PeriodicJob;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds and checks the index.
 *
 * <p><b>Rebuild without downtime:</b> a new index is created, the indexer starts writing every change to
 * it as well as to the alias, all companies are copied from MongoDB (the record, not the old index) with
 * their versions, a reconcile pass fixes what raced with the copy, and one atomic alias update puts the new
 * index live. Searches keep using the old index until that moment; it is deleted a little later.
 *
 * <p><b>Reconcile:</b> compares every company's version and content hash with the index and repairs the
 * differences through the normal indexer path: missing or older in the index → indexed again; same
 * version with other content (e.g. a taxonomy label changed) or newer in the index than in the record
 * (a restored database) → the record's version is raised past the index's and it is indexed again;
 * in the index but not in the record → deleted.
 */
@Component
public class IndexMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
    private static final int SCAN_PAGE = 1000;

    private final ElasticsearchAsyncClient client;
    private final SearchIndexManager indexes;
    private final CompanyRepository companies;
    private final IndexDocumentMapper mapper;
    private final CompanyIndexer indexer;
    private final SearchProperties properties;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> lastRebuild = new AtomicReference<>();
    private final AtomicReference<ReconcileReport> lastReconcile = new AtomicReference<>();
    private volatile List<Disposable> jobs = List.of();

    IndexMaintenance(ElasticsearchAsyncClient client, SearchIndexManager indexes, CompanyRepository companies,
                     IndexDocumentMapper mapper, CompanyIndexer indexer, SearchProperties properties) {
        this.client = client;
        this.indexes = indexes;
        this.companies = companies;
        this.mapper = mapper;
        this.indexer = indexer;
        this.properties = properties;
    }

    // ---------- rebuild ----------

    /** Starts a rebuild in the background; 409 problem when one is already running. */
    public RebuildStatus startRebuild(String reason) {
        if (!rebuilding.compareAndSet(false, true)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "reindex-in-progress", "Conflict",
                    "A reindex is already running; see GET /api/v1/directory/admin/search/status.");
        }
        String target = indexes.newIndexName();
        RebuildStatus started = RebuildStatus.started(target, reason, indexes.now());
        lastRebuild.set(started);
        rebuild(target)
                .doFinally(s -> rebuilding.set(false))
                .subscribe(done -> lastRebuild.set(done), e -> {
                    log.error("Reindex into {} failed: {}", target, e.toString());
                    lastRebuild.set(lastRebuild.get().failed(e, indexes.now()));
                });
        return started;
    }

    Mono<RebuildStatus> rebuild(String target) {
        AtomicLong copied = new AtomicLong();
        log.info("Reindex: building {} behind alias {}", target, indexes.alias());
        return indexes.ensureAlias()
                .then(indexes.createIndex(target, false))
                .doOnSuccess(v -> indexes.startDualWrite(target))
                .then(companies.streamAll()
                        .buffer(properties.batchSize())
                        .concatMap(batch -> copy(batch, target))
                        .doOnNext(copied::addAndGet)
                        .then())
                .then(indexes.refresh(target))
                .then(Mono.defer(() -> reconcile(target, true)))
                .flatMap(report -> indexes.refresh(target)
                        .then(indexes.swapAlias(target))
                        .flatMap(old -> {
                            indexes.stopDualWrite();
                            log.info("Reindex: alias {} now points at {} ({} copied, {} repaired); old: {}",
                                    indexes.alias(), target, copied.get(), report.repaired(), old);
                            // searches that started on the old index finish first
                            Flux.fromIterable(old).delayElements(Duration.ofSeconds(30))
                                    .concatMap(o -> indexes.deleteIndex(o).onErrorResume(e -> Mono.empty()))
                                    .subscribe();
                            return Mono.just(lastRebuild.get().finished(copied.get(), report.repaired(), old, indexes.now()));
                        }))
                .doOnError(e -> {
                    indexes.stopDualWrite();
                    indexes.deleteIndex(target).onErrorResume(x -> Mono.empty()).subscribe();
                });
    }

    private Mono<Long> copy(List<Company> batch, String target) {
        List<BulkOperation> ops = batch.stream().map(c -> BulkOperation.of(op -> op.index(i -> i
                .index(target).id(c.id()).version(c.version()).versionType(VersionType.External)
                .document(mapper.toDocument(c))))).toList();
        return indexes.call(() -> client.bulk(BulkRequest.of(b -> b.operations(ops))))
                .map(r -> r.items().stream().filter(CompanyIndexer::isDone).count());
    }

    // ---------- reconcile ----------

    /** Compares the alias's index with MongoDB and repairs it through the indexer. */
    public Mono<ReconcileReport> reconcile() {
        return indexes.ensureAlias().then(Mono.defer(() -> reconcile(indexes.alias(), false)))
                .doOnNext(lastReconcile::set);
    }

    /**
     * @param direct write fixes straight into {@code target} (a rebuild's new index) instead of asking
     *               the indexer (the alias)
     */
    Mono<ReconcileReport> reconcile(String target, boolean direct) {
        Instant started = indexes.now();
        return indexes.refresh(target)
                .then(scan(target))
                .flatMap(inIndex -> {
                    Diff diff = new Diff();
                    return companies.streamAll()
                            .doOnNext(company -> diff.compare(company, mapper.toDocument(company), inIndex.remove(company.id())))
                            .then(Mono.fromCallable(() -> {
                                diff.orphans.addAll(inIndex.keySet());
                                return diff;
                            }));
                })
                .flatMap(diff -> repair(diff, target, direct).map(repaired -> diff.report(repaired, started, indexes.now())))
                .doOnNext(report -> {
                    if (report.differences() > 0) {
                        log.warn("Reconcile of {} found {} differences: {}", target, report.differences(), report);
                    }
                });
    }

    private Mono<Long> repair(Diff diff, String target, boolean direct) {
        if (direct) {
            List<String> toIndex = new ArrayList<>(diff.missing);
            toIndex.addAll(diff.stale);
            toIndex.addAll(diff.diverged);
            toIndex.addAll(diff.ahead);
            Mono<Long> indexed = Flux.fromIterable(toIndex).buffer(properties.batchSize())
                    .concatMap(ids -> companies.findAllById(ids).collectList())
                    .concatMap(batch -> copy(batch, target))
                    .reduce(0L, Long::sum);
            return indexed.flatMap(n -> deleteOrphans(diff.orphans, target).map(d -> n + d));
        }
        Mono<Long> pending = companies.markIndexPending(diff.stale);
        Mono<Long> raised = Flux.fromIterable(diff.raise.entrySet())
                .concatMap(e -> companies.raiseVersion(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .filter(Boolean::booleanValue).count();
        return pending.flatMap(p -> raised.map(r -> p + r))
                .flatMap(n -> deleteOrphans(diff.orphans, target).map(d -> n + d))
                .doOnSuccess(n -> indexer.wake());
    }

    private Mono<Long> deleteOrphans(List<String> ids, String target) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        List<BulkOperation> ops = ids.stream().map(id -> BulkOperation.of(op -> op.delete(d -> d.index(target).id(id)))).toList();
        return indexes.call(() -> client.bulk(BulkRequest.of(b -> b.operations(ops)))).map(r -> (long) ids.size());
    }

    /** id → [version, sourceHash] of every document in {@code target}. */
    private Mono<Map<String, Object[]>> scan(String target) {
        Map<String, Object[]> all = new HashMap<>();
        return scanPage(target, null, all).then(Mono.just(all));
    }

    private Mono<Void> scanPage(String target, List<FieldValue> after, Map<String, Object[]> into) {
        return indexes.call(() -> client.search(s -> {
                    s.index(target).size(SCAN_PAGE).version(true).trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes("sourceHash")))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (after != null) {
                        s.searchAfter(after);
                    }
                    return s;
                }, Map.class))
                .flatMap(response -> {
                    List<Hit<Map>> hits = response.hits().hits();
                    for (Hit<Map> hit : hits) {
                        Object hash = hit.source() == null ? null : hit.source().get("sourceHash");
                        into.put(hit.id(), new Object[]{hit.version(), hash});
                    }
                    if (hits.size() < SCAN_PAGE) {
                        return Mono.empty();
                    }
                    return scanPage(target, hits.get(hits.size() - 1).sort(), into);
                });
    }

    // ---------- taxonomy changes ----------

    /** A label shows in the index documents of every company using the code: give those a new version. */
    @EventListener
    public void onTaxonomyChanged(TaxonomyChanged change) {
        String field = switch (change.type()) {
            case INDUSTRIES -> "profile.industry";
            case SECTORS -> "profile.sector";
            case LOCATIONS -> "profile.locations";
            case CERTIFICATIONS -> "profile.certifications.code";
            case SOLUTION_CATEGORIES -> "profile.solutions.category";
            case SCORECARD_LEVELS -> "scorecard.level";
            case SIZE_BANDS -> null;
        };
        if (field != null) {
            companies.bumpVersions(where(field).is(change.code()))
                    .doOnSuccess(n -> {
                        log.info("Taxonomy {}:{} changed: {} companies to reindex", change.type().path(), change.code(), n);
                        indexer.wake();
                    })
                    .subscribe();
        }
    }

    // ---------- lifecycle: first index, mapping upgrades, periodic reconcile ----------

    @Override
    public void start() {
        List<Disposable> started = new ArrayList<>();
        AtomicBoolean checkedMapping = new AtomicBoolean();
        started.add(PeriodicJob.start("search index bootstrap", Duration.ofMillis(200), Duration.ofSeconds(5), () ->
                checkedMapping.get() ? Mono.empty() : indexes.ensureAlias().onErrorResume(e -> {
                    // the indexer reports Elasticsearch being unavailable; this job just tries again
                    log.debug("Search index bootstrap: {}", e.toString());
                    return Mono.empty();
                }).doOnNext(version -> {
                    checkedMapping.set(true);
                    if (version < indexes.mappingVersion() && properties.autoReindex() && !rebuilding.get()) {
                        log.info("Index behind {} has mapping version {}, the code has {}: rebuilding", indexes.alias(),
                                version, indexes.mappingVersion());
                        startRebuild("mapping version " + version + " -> " + indexes.mappingVersion());
                    }
                })));
        if (!properties.reconcileInterval().isZero()) {
            started.add(PeriodicJob.start("search reconcile", properties.reconcileInterval(), properties.reconcileInterval(),
                    () -> rebuilding.get() ? Mono.empty() : reconcile().subscribeOn(Schedulers.boundedElastic())));
        }
        jobs = started;
    }

    @Override
    public void stop() {
        jobs.forEach(Disposable::dispose);
        jobs = List.of();
    }

    @Override
    public boolean isRunning() {
        return !jobs.isEmpty();
    }

    public RebuildStatus lastRebuild() {
        return lastRebuild.get();
    }

    public ReconcileReport lastReconcile() {
        return lastReconcile.get();
    }

    private static final class Diff {
        long checked;
        final List<String> missing = new ArrayList<>();
        final List<String> stale = new ArrayList<>();
        final List<String> diverged = new ArrayList<>();
        final List<String> ahead = new ArrayList<>();
        final List<String> orphans = new ArrayList<>();
        /** id → [current record version, version to raise it to] */
        final Map<String, long[]> raise = new HashMap<>();

        void compare(Company company, CompanyIndexDocument expected, Object[] inIndex) {
            checked++;
            if (inIndex == null) {
                missing.add(company.id());
                // a document deleted in Elasticsearch leaves a tombstone one version above it: go past it
                raise.put(company.id(), new long[]{company.version(), company.version() + 2});
                return;
            }
            long indexVersion = inIndex[0] == null ? -1 : (Long) inIndex[0];
            if (indexVersion < company.version()) {
                stale.add(company.id());
            } else if (indexVersion > company.version()) {
                ahead.add(company.id());
                raise.put(company.id(), new long[]{company.version(), indexVersion + 1});
            } else if (!expected.sourceHash().equals(inIndex[1])) {
                diverged.add(company.id());
                raise.put(company.id(), new long[]{company.version(), company.version() + 1});
            }
        }

        ReconcileReport report(long repaired, Instant started, Instant finished) {
            return new ReconcileReport(checked, missing.size(), stale.size(), diverged.size(), ahead.size(), orphans.size(),
                    repaired, sample(), started, finished);
        }

        private List<String> sample() {
            List<String> sample = new ArrayList<>();
            for (List<String> list : List.of(missing, stale, diverged, ahead, orphans)) {
                list.stream().limit(5).forEach(sample::add);
            }
            return sample;
        }
    }

    public record ReconcileReport(long checked, int missing, int stale, int diverged, int ahead, int orphaned,
                                  long repaired, List<String> sampleIds, Instant startedAt, Instant finishedAt) {
        public int differences() {
            return missing + stale + diverged + ahead + orphaned;
        }
    }

    public record RebuildStatus(String state, String index, String reason, Instant startedAt, Instant finishedAt,
                                long copied, long repaired, List<String> replaced, String error) {
        static RebuildStatus started(String index, String reason, Instant at) {
            return new RebuildStatus("RUNNING", index, reason, at, null, 0, 0, List.of(), null);
        }

        RebuildStatus finished(long copied, long repaired, List<String> replaced, Instant at) {
            return new RebuildStatus("DONE", index, reason, startedAt, at, copied, repaired, replaced, null);
        }

        RebuildStatus failed(Throwable e, Instant at) {
            return new RebuildStatus("FAILED", index, reason, startedAt, at, copied, repaired, replaced,
                    e.getClass().getSimpleName());
        }
    }
}
