package hk.esgone.badge.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;

/**
 * The expiry sweep (announces BADGE_EXPIRED once per validity period) and the outbox relay (publishes events a
 * crashed writer left in a badge's outbox). Both are safe to run on every instance at once.
 */
@Component
class BackgroundJobs implements SmartLifecycle {

    private final BadgeService badges;
    private final EventFeed events;
    private final BadgeProperties properties;
    private final List<Disposable> jobs = new ArrayList<>();

    BackgroundJobs(BadgeService badges, EventFeed events, BadgeProperties properties) {
        this.badges = badges;
        this.events = events;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        jobs.add(PeriodicJob.start("expiry sweep", properties.expirySweepInterval(), properties.expirySweepInterval(), badges::announceExpired));
        jobs.add(PeriodicJob.start("outbox relay", properties.outboxRelayInterval(), properties.outboxRelayInterval(),
                () -> events.relayStale(Duration.ofSeconds(5))));
    }

    @Override
    public synchronized void stop() {
        jobs.forEach(Disposable::dispose);
        jobs.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !jobs.isEmpty();
    }
}
