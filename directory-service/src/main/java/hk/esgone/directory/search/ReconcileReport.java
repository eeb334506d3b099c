package hk.esgone.directory.search;

import java.time.Instant;
import java.util.List;

/** What a reconcile found (companies checked, each kind of difference), repaired, and a sample of the ids. */
public record ReconcileReport(long checked, int missing, int stale, int diverged, int ahead, int orphaned,
                              long repaired, List<String> sampleIds, Instant startedAt, Instant finishedAt) {

    public int differences() {
        return missing + stale + diverged + ahead + orphaned;
    }
}
