package hk.esgone.offers.claim;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company's claim on an offer, as stored: written once, when its places and code are held (see
 * {@link ReservationDocument}). Unique indexes: {@code requestId} (one claim per idempotent request)
 * and {@code codeKey} ({@code offerId|code}: no code is given to two claims of an offer).
 */
@Document(ClaimDocument.COLLECTION)
public record ClaimDocument(
        @Id String id,
        String offerId,
        String partnerId,
        String companyId,
        String requestId,
        String code,
        String codeKey,
        ClaimStatus status,
        String note,
        String claimedBy,
        Instant claimedAt,
        String claimDay,
        Instant redeemBy,
        Instant activatedAt,
        Instant redeemedAt,
        String redeemedBy,
        Instant cancelRequestedAt,
        Instant cancelledAt) {

    public static final String COLLECTION = "claims";

    /** What users see: an unredeemed claim past its offer's end is EXPIRED even before the sweep marks it. */
    public ClaimStatus effectiveStatus(Instant now) {
        return switch (status) {
            case ACTIVE -> now.isBefore(redeemBy) ? ClaimStatus.ACTIVE : ClaimStatus.EXPIRED;
            case CANCELLING -> ClaimStatus.CANCELLED;
            default -> status;
        };
    }

    public static String codeKey(String offerId, String code) {
        return offerId + "|" + code;
    }
}
