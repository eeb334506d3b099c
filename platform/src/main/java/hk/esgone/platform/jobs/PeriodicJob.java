package hk.esgone.platform.jobs;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way a service runs background work on a timer: every {@code period} after {@code initialDelay},
 * never two runs at once (a tick that arrives while a run is going is dropped), each run bounded by a
 * timeout, and a failed run logged and tried again at the next tick. Dispose the result to stop it.
 */
public final class PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private PeriodicJob() {
    }

    /** Starts {@code task}; a run that takes longer than the period plus 30 s is abandoned. */
    public static Disposable start(String name, Duration initialDelay, Duration period, Supplier<Mono<?>> task) {
        return start(name, initialDelay, period, period.plusSeconds(30), task);
    }

    public static Disposable start(String name, Duration initialDelay, Duration period, Duration timeout, Supplier<Mono<?>> task) {
        return Flux.interval(initialDelay, period, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(task)
                        .timeout(timeout)
                        .onErrorResume(e -> {
                            log.warn("{} failed: {}", name, e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }
}
