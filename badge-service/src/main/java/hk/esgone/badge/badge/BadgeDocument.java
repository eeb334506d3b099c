package hk.esgone.badge.badge;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.common.Bilingual;

/**
 * A badge as stored: who holds which achievement, the current signed credential, its place in the status lists,
 * and its lifecycle. {@code outbox} holds events not yet on the feed (written in the same single-document update
 * as the change they describe, so a crash between the two cannot lose one).
 */
@Document("badges")
public record BadgeDocument(
        @Id String id,
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
        List<OutboxEntry> outbox,
        String issuedBy,
        Instant updatedAt) {

    public record OutboxEntry(String eventId, String type, Instant occurredAt) {
    }

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
