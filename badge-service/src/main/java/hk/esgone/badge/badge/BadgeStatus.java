package hk.esgone.badge.badge;

/** A badge's status now (docs/contracts.md). */
public enum BadgeStatus {
    VALID, EXPIRED, SUSPENDED, REVOKED
}
