package hk.esgone.assessment.badges;

/** The badges a submitted assessment earns; the name is part of the Idempotency-Key of its issue request. */
public enum EarnedBadge {
    /** The ESG One e-badge: the assessment was completed and submitted. */
    COMPLETION,
    /** The scorecard level reached (BRONZE, SILVER, GOLD, PLATINUM). */
    LEVEL
}
