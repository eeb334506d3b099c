package hk.esgone.offers.claim.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.ClaimStatus;

/**
 * A claim being made: it exists from before the first place is taken until the claim is written, so
 * that a crash anywhere in between leaves a record of what was (maybe) taken. The collection only
 * holds attempts in flight, so it stays small. Unique {@code requestId} (sparse: cleared when an attempt
 * is abandoned): one attempt per idempotent request.
 *
 * <p>PENDING → CONFIRMED (places and code held; the claim is as good as written) → deleted once the
 * claim is written. PENDING → ABANDONED (by recovery, after the lease) → places given back → deleted.
 */
@Document(ReservationDocument.COLLECTION)
public record ReservationDocument(
        @Id String id,
        String offerId,
        String partnerId,
        String companyId,
        String requestId,
        String code,
        Status status,
        String note,
        String claimedBy,
        Instant createdAt,
        String claimDay,
        Instant redeemBy,
        Instant leaseUntil,
        Instant confirmedAt) {

    public static final String COLLECTION = "claim_reservations";

    public enum Status {
        PENDING, CONFIRMED, ABANDONED
    }

    public ReservationDocument withCode(String newCode, Status newStatus, Instant at) {
        return new ReservationDocument(id, offerId, partnerId, companyId, requestId, newCode, newStatus, note, claimedBy, createdAt,
                claimDay, redeemBy, leaseUntil, at);
    }

    /** The claim this reservation becomes. */
    public ClaimDocument toClaim(Instant activatedAt) {
        return new ClaimDocument(id, offerId, partnerId, companyId, requestId, code, ClaimDocument.codeKey(offerId, code),
                ClaimStatus.ACTIVE, note, claimedBy, createdAt, claimDay, redeemBy, activatedAt, null, null, null, null);
    }
}
