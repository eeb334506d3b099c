package hk.esgone.offers.support;

import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.testsupport.mongo.TestMongo;

/** What the store tests ({@code @DataMongoTest} of one store) share: the test MongoDB and a bound on each call. */
public abstract class StoreMongoTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void testMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("offers-store-tests"));
        registry.add("spring.mongodb.database", () -> "offers-store-tests");
    }
}
