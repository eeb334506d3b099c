package hk.esgone.platform.observability;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * MongoDB's health as a {@code ping} to the application's database. Spring Boot's own check sends
 * {@code hello}, which the embedded MongoDB-wire server used in development rejects, so every service
 * reported DOWN while it worked; {@code ping} is answered by that server and by a real MongoDB alike.
 * DOWN when the database does not answer within {@code timeout} (the driver alone would wait its
 * 30 s server-selection timeout, longer than a probe waits).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo, Duration timeout) {
        super("MongoDB health check failed");
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(database -> Mono.from(database.runCommand(new Document("ping", 1)))
                        .map(answer -> builder.up().withDetail("database", database.getName()).build()))
                .timeout(timeout);
    }
}
