package hk.esgone.directory.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.search.store.CompanyIndex;
import hk.esgone.directory.search.store.CompanyIndex.Indexed;
import hk.esgone.directory.search.store.CompanyIndexDocument;
import hk.esgone.directory.search.store.CompanyIndexer;
import hk.esgone.directory.search.store.IndexDocumentMapper;
import hk.esgone.directory.search.store.SearchIndexManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares every company's version and content hash with the index and repairs the differences through
 * the normal indexer path: missing or older in the index → indexed again; same version with other content
 * (e.g. a taxonomy label changed) or newer in the index than in the record (a restored database) → the
 * record's version is raised past the index's and it is indexed again; in the index but not in the record
 * → deleted.
 */
@Component
public class IndexReconcile {

    private static final Logger log = LoggerFactory.getLogger(IndexReconcile.class);

    private final SearchIndexManager indexes;
    private final CompanyIndex index;
    private final CompanyRepository companies;
    private final IndexDocumentMapper mapper;
    private final CompanyIndexer indexer;
    private final SearchProperties properties;
    private final AtomicReference<ReconcileReport> lastReconcile = new AtomicReference<>();

    IndexReconcile(SearchIndexManager indexes, CompanyIndex index, CompanyRepository companies, IndexDocumentMapper mapper,
                   CompanyIndexer indexer, SearchProperties properties) {
        this.indexes = indexes;
        this.index = index;
        this.companies = companies;
        this.mapper = mapper;
        this.indexer = indexer;
        this.properties = properties;
    }

    /** Compares the alias's index with MongoDB and repairs it through the indexer. */
    public Mono<ReconcileReport> reconcile() {
        return indexes.ensureAlias().then(Mono.defer(() -> reconcile(indexes.alias(), false)))
                .doOnNext(lastReconcile::set);
    }

    public ReconcileReport lastReconcile() {
        return lastReconcile.get();
    }

    /**
     * @param direct write fixes straight into {@code target} (a rebuild's new index) instead of asking
     *               the indexer (the alias)
     */
    Mono<ReconcileReport> reconcile(String target, boolean direct) {
        Instant started = indexes.now();
        return indexes.refresh(target)
                .then(index.scan(target))
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
                    .concatMap(batch -> index.copy(batch, target))
                    .reduce(0L, Long::sum);
            return indexed.flatMap(n -> index.delete(diff.orphans, target).map(d -> n + d));
        }
        Mono<Long> pending = companies.markIndexPending(diff.stale);
        Mono<Long> raised = Flux.fromIterable(diff.raise.entrySet())
                .concatMap(e -> companies.raiseVersion(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .filter(Boolean::booleanValue).count();
        return pending.flatMap(p -> raised.map(r -> p + r))
                .flatMap(n -> index.delete(diff.orphans, target).map(d -> n + d))
                .doOnSuccess(n -> indexer.wake());
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

        void compare(Company company, CompanyIndexDocument expected, Indexed inIndex) {
            checked++;
            if (inIndex == null) {
                missing.add(company.id());
                // a document deleted in Elasticsearch leaves a tombstone one version above it: go past it
                raise.put(company.id(), new long[]{company.version(), company.version() + 2});
                return;
            }
            long indexVersion = inIndex.version() == null ? -1 : inIndex.version();
            if (indexVersion < company.version()) {
                stale.add(company.id());
            } else if (indexVersion > company.version()) {
                ahead.add(company.id());
                raise.put(company.id(), new long[]{company.version(), indexVersion + 1});
            } else if (!expected.sourceHash().equals(inIndex.sourceHash())) {
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
}
