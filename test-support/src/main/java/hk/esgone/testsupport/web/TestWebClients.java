package hk.esgone.testsupport.web;

import java.time.Duration;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A {@link WebTestClient} for an application on a loopback port that opens a new connection per request.
 * The auto-configured client pools connections, and a response whose body a test never reads keeps its
 * connection busy (spring-framework#29817): after enough of those a later request waits for a connection
 * until it times out — a failure that depends on test order, not on the code under test.
 */
public final class TestWebClients {

    private TestWebClients() {
    }

    public static WebTestClient unpooled(int port) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }
}
