package hk.esgone.offers.claim;

import java.util.Map;

import org.springframework.http.HttpStatus;

import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.platform.problem.ApiProblem;

/** The problems a claim can end in; each {@code type} is stable. */
final class ClaimProblems {

    private ClaimProblems() {
    }

    static ApiProblem quotaExhausted() {
        return new ApiProblem(HttpStatus.CONFLICT, "quota-exhausted", "No places left", "All places of this offer have been claimed.");
    }

    static ApiProblem companyLimitReached(int limit) {
        return new ApiProblem(HttpStatus.CONFLICT, "company-limit-reached", "Company limit reached",
                "Your company already holds the most claims this offer allows per company (" + limit + ").");
    }

    static ApiProblem codesExhausted() {
        return new ApiProblem(HttpStatus.CONFLICT, "codes-exhausted", "No codes left",
                "The partner's code pool for this offer is empty. Nothing was claimed; try again later.");
    }

    static ApiProblem notAvailable(OfferStatus status) {
        return new ApiProblem(HttpStatus.CONFLICT, "offer-not-available", "Offer not available",
                "This offer cannot be claimed now (it is " + status + ").", Map.of("offerStatus", status.name()));
    }

    static ApiProblem interrupted() {
        return ApiProblem.unavailable("claim-interrupted",
                "The claim could not be completed and was rolled back. Retry with the same Idempotency-Key.", 1);
    }

    static ApiProblem notCancellable(ClaimStatus status) {
        return new ApiProblem(HttpStatus.CONFLICT, "claim-not-cancellable", "Claim cannot be cancelled",
                "Only an unredeemed, unexpired claim can be cancelled; this one is " + status + ".", Map.of("claimStatus", status.name()));
    }

    static ApiProblem notRedeemable(ClaimStatus status) {
        String kind = switch (status) {
            case REDEEMED -> "already-redeemed";
            case CANCELLED -> "claim-cancelled";
            default -> "claim-expired";
        };
        return new ApiProblem(HttpStatus.CONFLICT, kind, "Code cannot be redeemed",
                "This code's claim is " + status + ".", Map.of("claimStatus", status.name()));
    }
}
