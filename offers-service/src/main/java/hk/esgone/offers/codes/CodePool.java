package hk.esgone.offers.codes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.offers.codes.store.PoolCodeStore;
import hk.esgone.offers.support.MongoErrors;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * The codes partners upload for CODE_POOL offers (stored by {@link PoolCodeStore}: a code once per offer,
 * at most one per claim, never to two claims).
 *
 * <p>Uploads are all-or-nothing without transactions: rows are inserted as STAGED under a batch, the
 * batch is marked COMMITTED, then its rows become AVAILABLE. A batch that never reached COMMITTED is
 * deleted by {@link #recoverBatches}; one that did is finished by it.
 */
@Component
public class CodePool {

    private static final Logger log = LoggerFactory.getLogger(CodePool.class);

    private final PoolCodeStore store;
    private final Clock clock;

    public CodePool(PoolCodeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Counts per state, and whether the pool is running low against the places still open. */
    public record Stock(long available, long assigned, long voided, boolean lowStock, long shortfall) {
    }

    public Mono<Stock> stock(String offerId, int quota, int remaining, int lowStockThreshold) {
        return store.countsByStatus(offerId).map(counts -> {
            long available = counts.getOrDefault(PoolCodeStore.AVAILABLE, 0L);
            long threshold = Math.max(lowStockThreshold, (quota + 9) / 10);
            boolean low = remaining > 0 && available < remaining && available <= threshold;
            return new Stock(available, counts.getOrDefault(PoolCodeStore.ASSIGNED, 0L), counts.getOrDefault(PoolCodeStore.VOID, 0L), low,
                    Math.max(0, remaining - available));
        });
    }

    public Mono<Long> available(String offerId) {
        return store.countAvailable(offerId);
    }

    /**
     * Imports all rows or none. Codes already in this offer's pool are reported by line (422); a code
     * uploaded concurrently by another request aborts this batch (409), leaving nothing behind.
     */
    public Mono<Integer> importAll(String offerId, List<CodeCsv.Row> rows) {
        return store.existing(offerId, rows.stream().map(CodeCsv.Row::code).toList())
                .flatMap(existing -> {
                    if (!existing.isEmpty()) {
                        return Mono.error(CodeCsv.invalid("Some codes are already in this offer's pool; nothing was imported.",
                                rows.stream().filter(r -> existing.contains(r.code()))
                                        .<Map<String, Object>>map(r -> CodeCsv.error(r.line(), "already-in-pool", "Already in this offer's pool.")).toList()));
                    }
                    return stageAndCommit(offerId, rows);
                });
    }

    private Mono<Integer> stageAndCommit(String offerId, List<CodeCsv.Row> rows) {
        String batchId = "bat-" + Ids.random(16);
        Mono<Void> commit = store.commit(batchId)
                .flatMap(committed -> committed ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("batch " + batchId + " was aborted while importing")))
                .then(store.publish(batchId))
                .then();
        return store.stage(batchId, offerId, rows.stream().map(CodeCsv.Row::code).toList(), clock.instant())
                .onErrorResume(e -> store.abort(batchId).then(Mono.error(MongoErrors.isDuplicateKey(e)
                        ? ApiProblem.conflict("concurrent-upload", "Some of these codes were uploaded at the same time by another request; nothing was imported. Retry.")
                        : e)))
                .then(commit)
                .thenReturn(rows.size());
    }

    /** Finishes committed batches and removes the rows of batches abandoned before committing. */
    public Mono<Long> recoverBatches(Duration olderThan) {
        Mono<Long> finishCommitted = store.committedBatches().concatMap(store::publish).reduce(0L, Long::sum);
        Mono<Long> abortStale = store.stagingBatchesCreatedBefore(clock.instant().minus(olderThan))
                .concatMap(batchId -> store.abort(batchId).thenReturn(1L))
                .reduce(0L, Long::sum);
        return finishCommitted.zipWith(abortStale, Long::sum)
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Code pool recovery repaired {} staged code(s)/batch(es)", n);
                    }
                });
    }

    /** The code held by this claim, taking an AVAILABLE one if it holds none yet; empty when none is left. */
    public Mono<String> take(String offerId, String claimId) {
        return store.take(offerId, claimId, clock.instant());
    }

    /** Returns a code that was never shown to anyone (its claim was abandoned) to the pool. */
    public Mono<Void> putBack(String offerId, String claimId) {
        return store.putBack(offerId, claimId);
    }

    /** Retires the code of a cancelled claim: it was shown to the claimant, so it never goes to anyone else. */
    public Mono<Void> retire(String offerId, String claimId) {
        return store.retire(offerId, claimId, clock.instant());
    }
}
