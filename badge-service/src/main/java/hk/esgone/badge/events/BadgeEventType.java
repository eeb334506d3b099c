package hk.esgone.badge.events;

/** Event types of the feed (docs/contracts.md). */
public enum BadgeEventType {
    BADGE_ISSUED, BADGE_RENEWED, BADGE_SUSPENDED, BADGE_REINSTATED, BADGE_REVOKED, BADGE_EXPIRED
}
