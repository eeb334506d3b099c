package hk.esgone.badge.issuing.web;

import java.time.Instant;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.issuing.Holder;
import hk.esgone.badge.support.Bilingual;

/** A badge as admins see it, with the signed credential. */
public record BadgeView(
        String id,
        String achievementId,
        AchievementKind achievementKind,
        ScorecardLevel scorecardLevel,
        Bilingual name,
        Holder holder,
        BadgeStatus status,
        Instant issuedAt,
        Instant validFrom,
        Instant validUntil,
        Instant suspendedAt,
        String suspensionReason,
        Instant revokedAt,
        String revocationReason,
        int credentialVersion,
        String credentialId,
        String credential,
        String kid,
        StatusPosition statusPosition,
        Links links) {

    public record StatusPosition(int list, int index) {
    }

    public record Links(String verificationPage, String verification, String credential, String widgetImage) {
    }
}
