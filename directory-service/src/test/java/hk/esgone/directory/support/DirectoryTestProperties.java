package hk.esgone.directory.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.mongo.TestMongo;

/** What every @SpringBootTest of the service sets: its own database and index prefix, the fake token issuer. */
public final class DirectoryTestProperties {

    private DirectoryTestProperties() {
    }

    /** A unique, valid index prefix, e.g. {@code t-search-3f9a1c-}. */
    public static String indexPrefix(String name) {
        return "t-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    public static void register(DynamicPropertyRegistry registry, TestTokenIssuer issuer, String name,
                                String elasticsearchUrl, String indexPrefix) {
        String database = "directory-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.mongodb.uri", () -> TestMongo.uri(database));
        registry.add("spring.mongodb.database", () -> database);
        registry.add("esg.security.issuer", issuer::issuer);
        registry.add("esg.directory.search.url", () -> elasticsearchUrl);
        registry.add("esg.directory.search.index-prefix", () -> indexPrefix);
        registry.add("esg.directory.search.sweep-interval", () -> "200ms");
        registry.add("esg.directory.search.request-timeout", () -> "5s");
        registry.add("esg.directory.search.connect-timeout", () -> "1s");
        registry.add("esg.directory.search.reconcile-interval", () -> "0s");
        registry.add("esg.directory.badge-feed.enabled", () -> "false");
        registry.add("esg.directory.assessment-feed.enabled", () -> "false");
        registry.add("esg.directory.keycloak.retry-interval", () -> "1h");
        registry.add("esg.directory.benchmark.refresh-interval", () -> "1h");
        registry.add("server.address", () -> "127.0.0.1");
    }
}
