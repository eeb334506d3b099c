package hk.esgone.directory.search;

import java.time.Instant;
import java.util.List;

/** How the indexer of this instance is doing (admin status). */
public record IndexerStatus(boolean aliasReady, int queued, long indexedSinceStart, int consecutiveFailures,
                            Instant lastSuccessAt, String lastError, List<String> writeTargets) {
}
