package hk.esgone.offers.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import hk.esgone.offers.claim.ClaimRecovery;
import hk.esgone.offers.claim.store.ClaimStore;
import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.platform.idempotency.IdempotencyStore;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The periodic sweep: persists what the clock already decided (offers past their window become
 * EXPIRED, unredeemed claims of ended offers become EXPIRED — reads apply the same rules without
 * waiting for it), runs claim recovery and code-upload recovery, and removes expired idempotency keys
 * (which a real MongoDB's TTL index would do, and the embedded server never does). Every step is a conditional,
 * repeatable write, so replicas may sweep at the same time.
 */
@Component
public class LifecycleSweep implements SmartLifecycle {

    private static final Duration STALE_UPLOAD = Duration.ofMinutes(10);

    private final OfferStore offers;
    private final ClaimStore claims;
    private final ClaimRecovery recovery;
    private final CodePool codePool;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final OffersProperties.Sweep settings;
    private volatile Disposable running;

    LifecycleSweep(OfferStore offers, ClaimStore claims, ClaimRecovery recovery, CodePool codePool, IdempotencyStore idempotency, Clock clock,
                   OffersProperties properties) {
        this.offers = offers;
        this.claims = claims;
        this.recovery = recovery;
        this.codePool = codePool;
        this.idempotency = idempotency;
        this.clock = clock;
        this.settings = properties.sweep();
    }

    public record Report(long offersExpired, long claimsExpired, ClaimRecovery.Report recovery, long uploadsRepaired,
                         long idempotencyKeysPurged) {
    }

    public Mono<Report> run() {
        Instant now = clock.instant();
        return offers.expireEnded(now).flatMap(o -> claims.expireEnded(now).flatMap(c -> recovery.recover()
                .flatMap(r -> codePool.recoverBatches(STALE_UPLOAD)
                        .flatMap(u -> idempotency.purgeExpired().map(k -> new Report(o, c, r, u, k))))));
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = PeriodicJob.start("Lifecycle sweep", settings.interval(), settings.interval(), this::run);
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

}
