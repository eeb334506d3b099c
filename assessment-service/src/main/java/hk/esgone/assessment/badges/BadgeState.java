package hk.esgone.assessment.badges;

import java.time.Instant;
import java.util.List;

/**
 * Where the badges of a submitted assessment stand.
 *
 * @param state         PENDING (not yet all issued; tried again at {@code nextAttemptAt}), ISSUED, FAILED (badge-service
 *                      refused for good: {@code lastError} says why), SKIPPED (a newer assessment of the company came first)
 * @param attempts      how many times the job took it up
 * @param lastError     why the last attempt did not finish (null once issued)
 */
public record BadgeState(State state, List<Issued> issued, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
        String lastError) {

    public enum State {
        PENDING, ISSUED, FAILED, SKIPPED
    }

    /** One badge badge-service issued for the assessment. */
    public record Issued(EarnedBadge kind, String achievementId, String badgeId, Instant issuedAt) {
    }

    public BadgeState {
        issued = issued == null ? List.of() : List.copyOf(issued);
    }

    /** A submitted assessment the job has not taken up yet. */
    public static BadgeState notStarted() {
        return new BadgeState(State.PENDING, List.of(), 0, null, null, null);
    }

    public boolean hasIssued(EarnedBadge kind) {
        return issued.stream().anyMatch(i -> i.kind() == kind);
    }

    /** Whether this very badge was issued (a re-scored assessment's new level is another achievement). */
    public boolean hasIssued(EarnedBadge kind, String achievementId) {
        return issued.stream().anyMatch(i -> i.kind() == kind && i.achievementId().equals(achievementId));
    }
}
