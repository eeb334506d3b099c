package hk.esgone.platform.observability;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Replaces Spring Boot's MongoDB health check (a {@code hello} the embedded server rejects) with
 * {@link MongoPingHealthIndicator}, under the same name, so {@code /actuator/health} shows {@code mongo}
 * as before. The bean name {@code mongoHealthIndicator} makes Boot's own back off; hence this runs after
 * the Mongo template exists and before Boot's health contributor.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration")
@ConditionalOnClass({ReactiveMongoTemplate.class, AbstractReactiveHealthIndicator.class})
public class MongoHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo, Environment environment) {
        return new MongoPingHealthIndicator(mongo,
                environment.getProperty("esg.health.mongo-timeout", Duration.class, Duration.ofSeconds(3)));
    }
}
