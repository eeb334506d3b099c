package hk.esgone.directory.search;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.search.store.CompanyIndexer;
import hk.esgone.directory.search.store.SearchIndexManager;
import hk.esgone.directory.taxonomy.TaxonomyChanged;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What starts index work without a request: the first index and mapping upgrades at start (a rebuild when
 * the index's mapping version is older than the code's), filling a new index behind the alias, the periodic
 * reconcile, and taxonomy label changes.
 */
@Component
class IndexJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexJobs.class);

    private final SearchIndexManager indexes;
    private final IndexRebuild rebuild;
    private final IndexReconcile reconcile;
    private final CompanyRepository companies;
    private final CompanyIndexer indexer;
    private final SearchProperties properties;
    private volatile List<Disposable> jobs = List.of();

    IndexJobs(SearchIndexManager indexes, IndexRebuild rebuild, IndexReconcile reconcile, CompanyRepository companies,
              CompanyIndexer indexer, SearchProperties properties) {
        this.indexes = indexes;
        this.rebuild = rebuild;
        this.reconcile = reconcile;
        this.companies = companies;
        this.indexer = indexer;
        this.properties = properties;
    }

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

    /**
     * A new, empty index behind the alias: on a first start nothing is lost, but after Elasticsearch lost its data
     * (a new cluster, a deleted index) every company in MongoDB is indexed again, at its own version.
     */
    @EventListener
    public void onAliasCreated(SearchIndexManager.AliasCreated created) {
        companies.markAllIndexPending()
                .doOnSuccess(n -> {
                    if (n > 0) {
                        log.info("New index {} behind '{}': indexing {} companies from MongoDB", created.index(), created.alias(), n);
                    }
                    indexer.wake();
                })
                .subscribe(n -> { }, e -> log.warn("Could not queue the companies for the new index {} ({}); the next reconcile will",
                        created.index(), e.toString()));
    }

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
                    if (version < indexes.mappingVersion() && properties.autoReindex() && !rebuild.isRunning()) {
                        log.info("Index behind {} has mapping version {}, the code has {}: rebuilding", indexes.alias(),
                                version, indexes.mappingVersion());
                        rebuild.startRebuild("mapping version " + version + " -> " + indexes.mappingVersion());
                    }
                })));
        if (!properties.reconcileInterval().isZero()) {
            started.add(PeriodicJob.start("search reconcile", properties.reconcileInterval(), properties.reconcileInterval(),
                    () -> rebuild.isRunning() ? Mono.empty() : reconcile.reconcile().subscribeOn(Schedulers.boundedElastic())));
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
}
