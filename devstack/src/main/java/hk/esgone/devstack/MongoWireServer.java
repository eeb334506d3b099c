package hk.esgone.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stack's MongoDB stand-in: the embedded MongoDB-wire server with an H2 file behind it, so
 * data survives restarts. Development only — no transactions, no TTL expiry, no $text (the services rely on
 * single-document atomicity and treat expired records as absent when they read them); set MONGODB_URI to use a
 * real MongoDB instead.
 *
 * <p>Usage: {@code java -jar devstack-exec.jar PORT DATA_FILE}
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer PORT DATA_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        MongoServer server = start(port, file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdown() closes the H2 store cleanly, so the last writes are on disk
            server.shutdown();
            stopped.countDown();
        }, "mongo-wire-stop"));
        System.out.println("MongoDB-wire server listening on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }

    static MongoServer start(int port, Path file) {
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        return server;
    }
}
