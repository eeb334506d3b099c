package hk.esgone.directory.common;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a reactive task every {@code period} in the background: never two runs at once (a tick that
 * arrives while a run is going is dropped), a failed run is logged and the next tick tries again.
 */
public final class PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(PeriodicJob.class);

    private PeriodicJob() {
    }

    public static Disposable start(String name, Duration initialDelay, Duration period, Supplier<Mono<?>> task) {
        return Flux.interval(initialDelay, period, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(task)
                        .onErrorResume(e -> {
                            log.warn("{} failed: {}", name, e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }
}
