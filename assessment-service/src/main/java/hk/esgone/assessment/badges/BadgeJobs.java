package hk.esgone.assessment.badges;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.config.BadgeIssuingProperties;
import hk.esgone.platform.jobs.PeriodicJob;
import reactor.core.Disposable;

/** Runs {@link BadgeIssuing#runOnce()} every {@code esg.assessment.badges.interval} (safe on every instance at once). */
@Component
class BadgeJobs implements SmartLifecycle {

    private final BadgeIssuing issuing;
    private final BadgeIssuingProperties properties;
    private Disposable job;

    BadgeJobs(BadgeIssuing issuing, BadgeIssuingProperties properties) {
        this.issuing = issuing;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (properties.enabled() && job == null) {
            // a run abandoned at its timeout leaves only the assessment in hand, taken up again when its lease ends
            job = PeriodicJob.start("badge issuing", properties.interval(), properties.interval(), properties.lease(),
                    issuing::runOnce);
        }
    }

    @Override
    public synchronized void stop() {
        if (job != null) {
            job.dispose();
            job = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return job != null;
    }
}
