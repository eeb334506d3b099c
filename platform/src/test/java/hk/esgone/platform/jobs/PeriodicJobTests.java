package hk.esgone.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class PeriodicJobTests {

    @Test
    void keepsRunningAfterAFailedRunAndNeverOverlaps() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        Disposable job = PeriodicJob.start("test", Duration.ZERO, Duration.ofMillis(10), () -> Mono.defer(() -> {
            int n = runs.incrementAndGet();
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            Mono<Object> work = n == 1 ? Mono.error(new IllegalStateException("first run fails")) : Mono.delay(Duration.ofMillis(30)).cast(Object.class);
            return work.doOnTerminate(running::decrementAndGet);
        }));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (runs.get() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            job.dispose();
        }
        assertThat(runs.get()).as("runs after the failed first one").isGreaterThanOrEqualTo(4);
        assertThat(maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void abandonsARunThatOutlivesItsTimeout() throws InterruptedException {
        AtomicInteger starts = new AtomicInteger();
        Disposable job = PeriodicJob.start("hanging", Duration.ZERO, Duration.ofMillis(10), Duration.ofMillis(50),
                () -> Mono.fromRunnable(starts::incrementAndGet).then(Mono.never()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (starts.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            job.dispose();
        }
        assertThat(starts.get()).as("a hanging run does not block the next").isGreaterThanOrEqualTo(2);
    }
}
