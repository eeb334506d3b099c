package hk.esgone.offers.claim.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.offers.claim.ClaimRecovery;
import hk.esgone.offers.offer.OfferLifecycle;
import hk.esgone.offers.sweep.LifecycleSweep;
import reactor.core.publisher.Mono;

/** Operations for admins: the books of an offer, and running the sweep (lifecycle and recovery) now. */
@RestController
class AdminClaimController {

    private final OfferLifecycle offers;
    private final ClaimRecovery recovery;
    private final LifecycleSweep sweep;

    AdminClaimController(OfferLifecycle offers, ClaimRecovery recovery, LifecycleSweep sweep) {
        this.offers = offers;
        this.recovery = recovery;
        this.sweep = sweep;
    }

    /** {@code remaining + holding == quota} at rest; {@code inFlight} claims are being made or cancelled. */
    @GetMapping("/api/v1/offers/admin/offers/{offerId}/audit")
    Mono<ClaimRecovery.Audit> audit(@PathVariable String offerId) {
        return offers.any(offerId).flatMap(o -> recovery.audit(o.id()));
    }

    @PostMapping("/api/v1/offers/admin/sweep")
    Mono<LifecycleSweep.Report> sweepNow() {
        return sweep.run();
    }
}
