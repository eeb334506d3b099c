package hk.esgone.offers.claim;

import reactor.core.publisher.Mono;

/**
 * Points in the claim and cancel protocols where a test can make the process "die": an error raised
 * here is not compensated inline (as a crash would not be), so only recovery can repair it. The
 * production bean does nothing.
 */
public interface ClaimFaults {

    enum Stage {
        /** The offer's place and the company's place are taken; the claim is not finished. */
        PLACE_TAKEN,
        /** For a code pool: the code is taken too; the claim is still not finished. */
        CODE_TAKEN,
        /** The claim is marked CANCELLING; no place has been returned yet. */
        CANCEL_MARKED
    }

    Mono<Void> at(Stage stage, String claimId);

    ClaimFaults NONE = (stage, claimId) -> Mono.empty();
}
