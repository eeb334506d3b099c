package hk.esgone.offers.support;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import hk.esgone.offers.claim.ClaimFaults;
import reactor.core.publisher.Mono;

/** Lets a test make the claim protocol "crash" (or stall) at a chosen step. */
public final class TestFaults implements ClaimFaults {

    /** What a crash looks like to the protocol: an error nobody compensates inline. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private final AtomicReference<BiFunction<Stage, String, Mono<Void>>> behaviour = new AtomicReference<>((s, id) -> Mono.empty());

    public void set(BiFunction<Stage, String, Mono<Void>> fault) {
        behaviour.set(fault);
    }

    /** Crashes once at {@code stage}, then behaves. */
    public void crashOnceAt(Stage stage) {
        set((s, id) -> {
            if (s == stage) {
                reset();
                return Mono.error(new SimulatedCrash());
            }
            return Mono.empty();
        });
    }

    public void reset() {
        behaviour.set((s, id) -> Mono.empty());
    }

    @Override
    public Mono<Void> at(Stage stage, String claimId) {
        return Mono.defer(() -> behaviour.get().apply(stage, claimId));
    }
}
