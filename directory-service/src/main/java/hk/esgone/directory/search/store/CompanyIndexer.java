package hk.esgone.directory.search.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.CompanyChangeListener;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.search.IndexerStatus;
import hk.esgone.directory.search.SearchProperties;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Brings the index up to date with MongoDB, following the per-document change log: every company
 * write raises the document's {@code version} and sets {@code indexPending} in the same atomic write.
 *
 * <ul>
 * <li><b>Versioned, idempotent writes:</b> each company is indexed with {@code version_type=external} and
 *     its record version, so a slower, older write can never overwrite a newer one (Elasticsearch answers
 *     409, which counts as done). No global sequence exists, so there are no sequence gaps to worry about.</li>
 * <li><b>Acknowledge after the write:</b> the flag is cleared only by a conditional update on the version
 *     that was indexed; a write that happened in the meantime leaves the flag set.</li>
 * <li><b>Never in the way of a write:</b> a company write only queues the id and wakes this worker. When
 *     Elasticsearch is down the flags stay set and the periodic sweep catches up when it is back.</li>
 * </ul>
 * One worker per instance; several instances may index the same company at once, harmlessly.
 */
@Component
public class CompanyIndexer implements CompanyChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompanyIndexer.class);
    private static final int MAX_QUEUED = 200_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final CompanyRepository companies;
    private final ElasticsearchAsyncClient client;
    private final SearchIndexManager indexes;
    private final IndexDocumentMapper mapper;
    private final SearchProperties properties;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().onBackpressureBuffer(1, false);
    private final AtomicLong indexed = new AtomicLong();
    private final Scheduler scheduler = Schedulers.newSingle("company-indexer", true);
    private volatile Disposable worker;
    private volatile int consecutiveFailures;
    private volatile Instant retryAfter = Instant.EPOCH;
    private volatile Instant lastSuccessAt;
    private volatile String lastError;

    CompanyIndexer(CompanyRepository companies, ElasticsearchAsyncClient client, SearchIndexManager indexes,
                   IndexDocumentMapper mapper, SearchProperties properties) {
        this.companies = companies;
        this.client = client;
        this.indexes = indexes;
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void companiesChanged(Collection<String> companyIds) {
        if (queued.size() < MAX_QUEUED) {
            queued.addAll(companyIds);
        }
        wake();
    }

    /** Asks for a run soon (ids queued or not); cheap and safe from any thread. */
    public void wake() {
        synchronized (wakeups) {
            wakeups.tryEmitNext(Boolean.FALSE);
        }
    }

    @Override
    public void start() {
        Flux<Boolean> sweeps = Flux.interval(Duration.ZERO, properties.sweepInterval(), scheduler).map(t -> Boolean.TRUE);
        worker = Flux.merge(wakeups.asFlux(), sweeps)
                .onBackpressureLatest()
                .publishOn(scheduler, 1)
                .concatMap(this::runOnce, 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable w = worker;
        if (w != null) {
            w.dispose();
        }
        scheduler.dispose();
    }

    @Override
    public boolean isRunning() {
        return worker != null && !worker.isDisposed();
    }

    @Override
    public int getPhase() {
        // after the web server: stop taking work before the Mongo client closes
        return Integer.MAX_VALUE - 100;
    }

    private Mono<Void> runOnce(boolean sweep) {
        if (Instant.now().isBefore(retryAfter)) {
            return Mono.empty();
        }
        Mono<Void> run = indexes.isReady()
                ? drainQueue().then(sweep ? sweepPending() : Mono.empty())
                : indexes.ensureAlias().then(sweepPending());
        return run
                .doOnSuccess(v -> succeeded())
                .onErrorResume(e -> {
                    failed(e);
                    return Mono.empty();
                });
    }

    private Mono<Void> drainQueue() {
        List<String> ids = new ArrayList<>();
        Iterator<String> it = queued.iterator();
        while (it.hasNext() && ids.size() < properties.batchSize()) {
            ids.add(it.next());
            it.remove();
        }
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return companies.findAllById(ids)
                .filter(Company::indexPending)
                .collectList()
                .flatMap(this::index)
                .onErrorResume(e -> {
                    // put them back; the sweep would find them anyway
                    queued.addAll(ids);
                    return Mono.error(e);
                })
                .then(Mono.defer(() -> queued.isEmpty() ? Mono.empty() : drainQueue()));
    }

    /** Everything still pending (after a restart, after Elasticsearch was down, missed wake-ups). */
    private Mono<Void> sweepPending() {
        return companies.findIndexPending(properties.batchSize())
                .collectList()
                .flatMap(batch -> {
                    if (batch.isEmpty()) {
                        return Mono.empty();
                    }
                    return index(batch).flatMap(done -> done == 0 || batch.size() < properties.batchSize()
                            ? Mono.<Void>empty() : sweepPending());
                });
    }

    /** Indexes the batch into every write target; answers how many companies were acknowledged. */
    public Mono<Integer> index(List<Company> batch) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        List<String> targets = indexes.writeTargets();
        String alias = indexes.alias();
        List<BulkOperation> operations = new ArrayList<>(batch.size() * targets.size());
        for (Company company : batch) {
            CompanyIndexDocument document = mapper.toDocument(company);
            for (String target : targets) {
                operations.add(CompanyIndex.write(company, document, target, target.equals(alias)));
            }
        }
        BulkRequest request = BulkRequest.of(b -> b.operations(operations).timeout(t -> t.time("30s")));
        return indexes.call(() -> client.bulk(request))
                .flatMap(response -> {
                    Map<String, Integer> okPerCompany = new HashMap<>();
                    List<String> failures = new ArrayList<>();
                    for (BulkResponseItem item : response.items()) {
                        if (CompanyIndex.isDone(item)) {
                            okPerCompany.merge(item.id(), 1, Integer::sum);
                            continue;
                        }
                        if (item.error() != null && SearchIndexManager.INDEX_NOT_FOUND.equals(item.error().type())
                                && alias.equals(item.index())) {
                            indexes.aliasMissing();
                        }
                        if (failures.size() < 3) {
                            failures.add(item.id() + ": " + (item.error() == null ? item.status() : item.error().type() + " " + item.error().reason()));
                        }
                    }
                    if (!failures.isEmpty()) {
                        log.warn("Indexing failed for some companies (will retry): {}", failures);
                    }
                    return companies.markIndexed(batch.stream()
                            .filter(c -> okPerCompany.getOrDefault(c.id(), 0) == targets.size())
                            .toList());
                })
                .doOnNext(indexed::addAndGet);
    }

    private void succeeded() {
        if (consecutiveFailures > 0) {
            log.info("Elasticsearch is reachable again; the index is catching up");
        }
        consecutiveFailures = 0;
        retryAfter = Instant.EPOCH;
        lastSuccessAt = Instant.now();
    }

    private void failed(Throwable e) {
        int failures = ++consecutiveFailures;
        long delayMillis = Math.min(MAX_BACKOFF.toMillis(), properties.sweepInterval().toMillis() * (1L << Math.min(failures - 1, 5)));
        retryAfter = Instant.now().plusMillis(delayMillis);
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (failures == 1 || failures % 20 == 0) {
            log.warn("Indexing paused: Elasticsearch unavailable ({}); directory writes continue and will be indexed later", lastError);
        }
    }

    public IndexerStatus status() {
        return new IndexerStatus(indexes.isReady(), queued.size(), indexed.get(), consecutiveFailures, lastSuccessAt,
                consecutiveFailures > 0 ? lastError : null, indexes.writeTargets());
    }
}
