package hk.esgone.assessment.support;

import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import com.mongodb.reactivestreams.client.MongoClient;

/**
 * A test class's own database on the shared test server, as a {@code ReactiveMongoDatabaseFactory} bean of its
 * {@code @TestConfiguration} (Boot's own then steps aside). A subclass's {@code @DynamicPropertySource} cannot do this:
 * the base class's {@code spring.mongodb.*} values win over a subclass's.
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    public static SimpleReactiveMongoDatabaseFactory named(MongoClient client, String database) {
        return new SimpleReactiveMongoDatabaseFactory(client, database);
    }
}
