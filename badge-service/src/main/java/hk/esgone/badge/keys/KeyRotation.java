package hk.esgone.badge.keys;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reads the key folder again every {@code esg.badge.keys.reload-interval}, so a rotated Secret takes effect. */
@Component
class KeyRotation implements SmartLifecycle {

    private final SigningKeyRing keyRing;
    private final BadgeProperties properties;
    private Disposable job;

    KeyRotation(SigningKeyRing keyRing, BadgeProperties properties) {
        this.keyRing = keyRing;
        this.properties = properties;
    }

    @Override
    public void start() {
        job = PeriodicJob.start("key reload", properties.keys().reloadInterval(), properties.keys().reloadInterval(),
                () -> Mono.fromRunnable(keyRing::reload).subscribeOn(Schedulers.boundedElastic()));
    }

    @Override
    public void stop() {
        if (job != null) {
            job.dispose();
            job = null;
        }
    }

    @Override
    public boolean isRunning() {
        return job != null;
    }
}
