package hk.esgone.offers.offer;

/**
 * DRAFT → SUBMITTED → PUBLISHED (admin approval) ⇄ PAUSED → EXPIRED or WITHDRAWN. SCHEDULED is not
 * stored: it is an approved offer whose validity window has not begun. EXPIRED is reached by the clock
 * alone (evaluated on every read and persisted by the sweep).
 */
public enum OfferStatus {
    DRAFT, SUBMITTED, SCHEDULED, PUBLISHED, PAUSED, EXPIRED, WITHDRAWN
}
