package hk.esgone.testsupport.mongo;

import java.net.InetSocketAddress;

import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import hk.esgone.testsupport.DockerEngine;

/**
 * The MongoDB the tests talk to through the real reactive driver: {@code MONGODB_URI} when set; a
 * Testcontainers MongoDB when a Docker engine is reachable; otherwise the embedded MongoDB-wire server
 * (in memory, loopback, one per test JVM). Each test class should use its own database name.
 */
public final class TestMongo {

    private static String uri;

    private TestMongo() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            uri = resolve();
        }
        return uri;
    }

    /** A connection string for the given database on the shared server. */
    public static String uri(String database) {
        String base = uri();
        int query = base.indexOf('?');
        String path = query < 0 ? base : base.substring(0, query);
        String params = query < 0 ? "" : base.substring(query);
        int slash = path.indexOf('/', "mongodb://".length());
        String host = slash < 0 ? path : path.substring(0, slash);
        return host + "/" + database + params;
    }

    private static String resolve() {
        String fromEnv = System.getenv("MONGODB_URI");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if (DockerEngine.available()) {
            MongoDBContainer container = new MongoDBContainer("mongo:8.0");
            container.start();
            return container.getConnectionString();
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        return "mongodb://127.0.0.1:" + address.getPort();
    }

}
