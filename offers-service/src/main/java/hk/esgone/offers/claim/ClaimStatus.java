package hk.esgone.offers.claim;

/**
 * ACTIVE, REDEEMED, CANCELLED and EXPIRED are what users see. CANCELLING (the place is being returned)
 * is an internal step of the cancel protocol and reads as CANCELLED. Claims being made are not claims
 * yet: they are {@link ReservationDocument reservations}.
 */
public enum ClaimStatus {
    ACTIVE, REDEEMED, CANCELLING, CANCELLED, EXPIRED;

    /** A claim in this state holds one place of the offer's quota and one of the company's limit. */
    public boolean holdsPlace() {
        return this == ACTIVE || this == REDEEMED || this == EXPIRED;
    }
}
