package hk.esgone.badge.issuing;

/** A badge's status now (docs/contracts.md). */
public enum BadgeStatus {
    VALID, EXPIRED, SUSPENDED, REVOKED
}
