package hk.esgone.badge.issuing.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.issuing.Holder;
import hk.esgone.badge.issuing.IssuedBadge;
import hk.esgone.badge.support.Bilingual;

/**
 * A badge as stored. {@code outbox} holds events not yet on the feed (written in the same single-document update
 * as the change they describe, so a crash between the two cannot lose one).
 */
@Document("badges")
public record IssuedBadgeDocument(
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

    /** An event of this badge not yet on the feed; {@code type} is a {@code BadgeEventType} name. */
    public record OutboxEntry(String eventId, String type, Instant occurredAt) {
    }

    static IssuedBadgeDocument of(IssuedBadge b, List<OutboxEntry> outbox) {
        return new IssuedBadgeDocument(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(), b.name(), b.description(),
                b.holder(), b.issuedAt(), b.validFrom(), b.validUntil(), b.statusList(), b.statusIndex(), b.credentialVersion(),
                b.credentialId(), b.jwt(), b.kid(), b.suspended(), b.suspendedAt(), b.suspensionReason(), b.revokedAt(),
                b.revocationReason(), b.revokedBy(), b.expiryAnnouncedFor(), outbox, b.issuedBy(), b.updatedAt());
    }

    public IssuedBadge toBadge() {
        return new IssuedBadge(id, achievementId, achievementKind, scorecardLevel, name, description, holder, issuedAt, validFrom,
                validUntil, statusList, statusIndex, credentialVersion, credentialId, jwt, kid, suspended, suspendedAt,
                suspensionReason, revokedAt, revocationReason, revokedBy, expiryAnnouncedFor, issuedBy, updatedAt);
    }
}
