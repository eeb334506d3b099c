package hk.esgone.badge.issuing;

import java.time.Instant;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.support.Bilingual;

/**
 * An issued badge: who holds which achievement, the current signed credential, its place in the status lists, and
 * its lifecycle.
 */
public record IssuedBadge(
        String id,
        String achievementId,
        AchievementKind achievementKind,
        ScorecardLevel scorecardLevel,
        Bilingual name,
        Bilingual description,
        Holder holder,
        Instant issuedAt,
        Instant validFrom,
        Instant validUntil,
        int statusList,
        int statusIndex,
        int credentialVersion,
        String credentialId,
        String jwt,
        String kid,
        boolean suspended,
        Instant suspendedAt,
        String suspensionReason,
        Instant revokedAt,
        String revocationReason,
        String revokedBy,
        Instant expiryAnnouncedFor,
        String issuedBy,
        Instant updatedAt) {

    public BadgeStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return BadgeStatus.REVOKED;
        }
        // an expired badge stays expired whether or not it is also suspended: reinstating it would not make it valid
        if (!now.isBefore(validUntil)) {
            return BadgeStatus.EXPIRED;
        }
        if (suspended) {
            return BadgeStatus.SUSPENDED;
        }
        return BadgeStatus.VALID;
    }
}
