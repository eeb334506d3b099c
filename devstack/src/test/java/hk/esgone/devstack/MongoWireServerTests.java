package hk.esgone.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;

class MongoWireServerTests {

    @TempDir
    Path dir;

    @Test
    void aRecordWrittenBeforeARestartIsThereAfterIt() throws Exception {
        Path file = dir.resolve("mongo.mv");
        int port = freePort();

        MongoServer first = MongoWireServer.start(port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("directory").getCollection("companies")
                    .insertOne(new Document("_id", "cmp-1").append("name", "綠色包裝有限公司"));
        }
        first.shutdown();

        MongoServer second = MongoWireServer.start(port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Document found = client.getDatabase("directory").getCollection("companies")
                    .find(new Document("_id", "cmp-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("綠色包裝有限公司");
        } finally {
            second.shutdown();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
