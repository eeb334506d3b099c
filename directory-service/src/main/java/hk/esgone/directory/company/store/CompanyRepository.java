package hk.esgone.directory.company.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.mongodb.bulk.BulkWriteResult;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.CompanyChangeListener;
import hk.esgone.directory.company.CompanyStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps {@link Company} records in the {@code companies} collection. Every company write goes through here, so
 * every write does the same two things atomically on the one document: {@code version + 1} (conditional on the
 * version read) and {@code indexPending = true}.
 */
@Repository
public class CompanyRepository {

    static final String COLLECTION = "companies";
    private static final int MAX_ATTEMPTS = 8;

    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<CompanyChangeListener> listeners;
    private final Clock clock;

    public CompanyRepository(ReactiveMongoTemplate mongo, ObjectProvider<CompanyChangeListener> listeners, Clock clock) {
        this.mongo = mongo;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Creates the indexes this repository's queries rely on (idempotent). */
    public Mono<Void> ensureIndexes() {
        var ops = mongo.indexOps(COLLECTION);
        return Flux.concat(
                ops.createIndex(new Index().on("registration.key", Sort.Direction.ASC).unique().sparse()
                        .named("registration_key_unique")),
                // serves the conditional writes ({_id, version}); MongoDB would use _id alone, but the embedded
                // development server only uses an index whose keys match the query's exactly
                ops.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                        .named("id_version")),
                ops.createIndex(new Index().on("indexPending", Sort.Direction.ASC).named("index_pending")),
                ops.createIndex(new Index().on("status", Sort.Direction.ASC).named("status")),
                ops.createIndex(new Index().on("applicant.subject", Sort.Direction.ASC).named("applicant")))
                .then();
    }

    public Mono<Company> findById(String id) {
        return mongo.findById(id, Company.class, COLLECTION);
    }

    public Flux<Company> findAllById(Collection<String> ids) {
        return mongo.find(query(where("_id").in(ids)), Company.class, COLLECTION);
    }

    /** Inserts a new company (version 1, index pending); a duplicate registration fails with DuplicateKeyException. */
    public Mono<Company> insert(Company company) {
        Company first = company.toBuilder().version(1).indexPending(true).indexedVersion(0).build();
        return mongo.insert(first, COLLECTION).doOnSuccess(saved -> notifyChanged(List.of(saved.id())));
    }

    /** Bulk insert for demo data and benchmarks: duplicates are skipped, not fatal. */
    public Mono<Long> insertAll(List<Company> companies) {
        List<Company> first = companies.stream()
                .map(c -> c.toBuilder().version(Math.max(1, c.version())).indexPending(true).indexedVersion(0).build())
                .toList();
        return mongo.insert(first, COLLECTION).count()
                .doOnSuccess(n -> notifyChanged(first.stream().map(Company::id).toList()));
    }

    /**
     * Read-modify-write: applies {@code change} to the current document and writes the result if nobody
     * wrote in between, retrying with the fresh document otherwise. When {@code change} returns the very
     * same instance nothing is written (an idempotent no-op). Errors thrown by {@code change} propagate.
     */
    public Mono<Company> update(String id, Function<Company, Company> change) {
        return Mono.defer(() -> findById(id)
                        .flatMap(current -> {
                            Company changed = change.apply(current);
                            if (changed == current) {
                                return Mono.just(current);
                            }
                            Company next = changed.toBuilder()
                                    .version(current.version() + 1)
                                    .indexPending(true)
                                    .indexedVersion(current.indexedVersion())
                                    .updatedAt(clock.instant())
                                    .build();
                            return replace(next, current.version())
                                    .flatMap(ok -> ok ? Mono.just(next) : Mono.error(new WriteConflictException(id)))
                                    .doOnSuccess(saved -> notifyChanged(List.of(id)));
                        }))
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(200))
                        .filter(WriteConflictException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Boolean> replace(Company next, long expectedVersion) {
        Query current = sameVersion(next.id(), expectedVersion);
        return mongo.replace(current, next, COLLECTION).map(result -> result.getMatchedCount() == 1);
    }

    // ---- the indexer's side of the change log ----

    public Flux<Company> findIndexPending(int limit) {
        return mongo.find(query(where("indexPending").is(true)).limit(limit), Company.class, COLLECTION);
    }

    public Mono<Long> countIndexPending() {
        return mongo.count(query(where("indexPending").is(true)), Company.class, COLLECTION);
    }

    /** Clears the flag only if the document is still at the version that was indexed. */
    public Mono<Boolean> markIndexed(String id, long version) {
        return mongo.updateFirst(sameVersion(id, version), indexed(version), COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /** {@link #markIndexed(String, long)} for many companies in one round trip; answers how many were cleared. */
    public Mono<Integer> markIndexed(Collection<Company> indexed) {
        if (indexed.isEmpty()) {
            return Mono.just(0);
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        indexed.forEach(c -> bulk.updateOne(sameVersion(c.id(), c.version()), indexed(c.version())));
        return bulk.execute().map(BulkWriteResult::getModifiedCount);
    }

    private static Query sameVersion(String id, long version) {
        return query(where("_id").is(id).and("version").is(version));
    }

    private static Update indexed(long version) {
        return new Update().set("indexPending", false).set("indexedVersion", version);
    }

    /** Every company to be indexed again (a new, empty index behind the alias); versions stay as they are. */
    public Mono<Long> markAllIndexPending() {
        return mongo.updateMulti(new Query(), new Update().set("indexPending", true), COLLECTION).map(r -> r.getModifiedCount());
    }

    /** Asks the indexer to index these companies again at their current version. */
    public Mono<Long> markIndexPending(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        return mongo.updateMulti(query(where("_id").in(ids)), new Update().set("indexPending", true), COLLECTION)
                .map(r -> r.getModifiedCount())
                .doOnSuccess(n -> notifyChanged(ids));
    }

    /**
     * A new version for every company matching {@code criteria} without changing its data: used when
     * what the index shows for it changed elsewhere (a taxonomy label, a reconcile that found the index
     * newer than the record).
     */
    public Mono<Long> bumpVersions(Criteria criteria) {
        return mongo.updateMulti(query(criteria), new Update().inc("version", 1).set("indexPending", true)
                .set("updatedAt", clock.instant()), COLLECTION).map(r -> r.getModifiedCount());
    }

    /** Sets the version to {@code atLeast} for one company (reconcile: index ahead of the record). */
    public Mono<Boolean> raiseVersion(String id, long currentVersion, long atLeast) {
        return mongo.updateFirst(sameVersion(id, currentVersion), new Update().set("version", atLeast).set("indexPending", true), COLLECTION)
                .map(r -> r.getModifiedCount() == 1)
                .doOnSuccess(ok -> notifyChanged(List.of(id)));
    }

    /** All companies in id order, for reindex and reconcile. */
    public Flux<Company> streamAll() {
        return mongo.find(new Query().with(Sort.by("_id")), Company.class, COLLECTION);
    }

    public Mono<Long> count() {
        return mongo.count(new Query(), Company.class, COLLECTION);
    }

    /**
     * Companies in {@code status}: those waiting for staff (submitted, being set up) oldest first, as a queue is worked
     * through; decided ones (listed, suspended, rejected) newest first, so the latest decisions are on top.
     */
    public Flux<Company> findByStatus(CompanyStatus status, int limit) {
        boolean waiting = status == CompanyStatus.SUBMITTED || status == CompanyStatus.PROVISIONING;
        Sort order = waiting ? Sort.by("createdAt", "_id") : Sort.by(Sort.Direction.DESC, "createdAt", "_id");
        return mongo.find(query(where("status").is(status)).with(order).limit(limit), Company.class, COLLECTION);
    }

    public Flux<Company> findByApplicant(String subject) {
        return mongo.find(query(where("applicant.subject").is(subject)).with(Sort.by("createdAt")).limit(50),
                Company.class, COLLECTION);
    }

    /** Approved companies whose Keycloak provisioning is due for another attempt. */
    public Flux<Company> findProvisioningDue(java.time.Instant now, int limit) {
        return mongo.find(query(where("status").is(CompanyStatus.PROVISIONING)
                        .orOperator(where("provisioning.nextAttemptAt").lte(now), where("provisioning.nextAttemptAt").exists(false)))
                        .limit(limit), Company.class, COLLECTION);
    }

    /** Published companies with a scorecard, only the fields the peer benchmark needs. */
    public Flux<Company> findPublishedWithScorecards() {
        Query q = query(where("status").is(CompanyStatus.PUBLISHED).and("scorecard").exists(true));
        q.fields().include("_id", "kind", "status", "profile.industry", "profile.sizeBand", "scorecard", "version",
                "indexPending", "indexedVersion");
        return mongo.find(q, Company.class, COLLECTION);
    }

    private void notifyChanged(Collection<String> ids) {
        listeners.forEach(l -> l.companiesChanged(ids));
    }
}
