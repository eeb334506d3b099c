package hk.esgone.directory.search;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.search.store.CompanyIndex;
import hk.esgone.directory.search.store.SearchIndexManager;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds the index without downtime: a new index is created, the indexer starts writing every change to
 * it as well as to the alias, all companies are copied from MongoDB (the record, not the old index) with
 * their versions, a reconcile pass fixes what raced with the copy, and one atomic alias update puts the new
 * index live. Searches keep using the old index until that moment; it is deleted a little later.
 */
@Component
public class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

    private final SearchIndexManager indexes;
    private final CompanyIndex index;
    private final CompanyRepository companies;
    private final IndexReconcile reconcile;
    private final SearchProperties properties;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicReference<RebuildStatus> lastRebuild = new AtomicReference<>();

    IndexRebuild(SearchIndexManager indexes, CompanyIndex index, CompanyRepository companies, IndexReconcile reconcile,
                 SearchProperties properties) {
        this.indexes = indexes;
        this.index = index;
        this.companies = companies;
        this.reconcile = reconcile;
        this.properties = properties;
    }

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

    public boolean isRunning() {
        return rebuilding.get();
    }

    public RebuildStatus lastRebuild() {
        return lastRebuild.get();
    }

    Mono<RebuildStatus> rebuild(String target) {
        AtomicLong copied = new AtomicLong();
        log.info("Reindex: building {} behind alias {}", target, indexes.alias());
        return indexes.ensureAlias()
                .then(indexes.createIndex(target, false))
                .doOnSuccess(v -> indexes.startDualWrite(target))
                .then(companies.streamAll()
                        .buffer(properties.batchSize())
                        .concatMap(batch -> index.copy(batch, target))
                        .doOnNext(copied::addAndGet)
                        .then())
                .then(indexes.refresh(target))
                .then(Mono.defer(() -> reconcile.reconcile(target, true)))
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
}
