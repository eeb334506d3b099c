package hk.esgone.badge.config;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import hk.esgone.badge.events.store.EventStore;
import hk.esgone.badge.issuing.store.BadgeStore;
import hk.esgone.platform.idempotency.IdempotencyStore;
import reactor.core.publisher.Mono;

/** Creates the indexes the design relies on (unique status positions, unique event ids) before requests are served. */
@Component
class DatabaseSetup implements InitializingBean {

    private final BadgeStore badges;
    private final EventStore events;
    private final IdempotencyStore idempotency;

    DatabaseSetup(BadgeStore badges, EventStore events, IdempotencyStore idempotency) {
        this.badges = badges;
        this.events = events;
        this.idempotency = idempotency;
    }

    @Override
    public void afterPropertiesSet() {
        // start-up, not a request path: waiting here keeps the service from serving without its unique indexes
        Mono.when(badges.createIndexes(), events.createIndexes(), idempotency.ensureIndexes()).block(Duration.ofSeconds(60));
    }
}
