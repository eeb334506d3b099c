package hk.esgone.badge.config;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A background job that runs every {@code interval}, one run at a time; a failed run is logged and retried next time. */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    public static Disposable every(String name, Duration interval, Supplier<Mono<?>> job) {
        return Flux.interval(interval, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(job)
                        .timeout(interval.plusSeconds(30))
                        .onErrorResume(e -> {
                            log.warn("{} failed: {}", name, e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }
}
