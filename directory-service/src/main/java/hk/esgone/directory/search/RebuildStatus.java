package hk.esgone.directory.search;

import java.time.Instant;
import java.util.List;

/** A rebuild of the index behind the alias: RUNNING, DONE or FAILED, and what it did. */
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
