package hk.esgone.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.testsupport.web.TestWebClients;
import reactor.core.publisher.Mono;

/**
 * A request whose last step runs on another thread (here a timer, in the applications the Redis client, the
 * MongoDB driver or a WebClient) still ends on its connection's event loop, where Reactor Netty expects it: ended
 * elsewhere, Reactor Netty sometimes never read the next request on that kept-alive connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = EventLoopCompletionIntegrationTests.TestApp.class,
        // the token settings every application needs; no token is checked here
        properties = "esg.security.issuer=http://127.0.0.1:1/realms/none")
class EventLoopCompletionIntegrationTests {

    /** The thread on which the server's request handling ended, one entry a request. */
    static final List<String> ENDED_ON = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @Test
    void aRequestAnsweredOnATimerThreadEndsOnTheServersEventLoop() {
        WebTestClient web = TestWebClients.unpooled(port);
        ENDED_ON.clear();

        web.get().uri("/later").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("later");
        web.get().uri("/now").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("now");

        // the client can read a response before the server's handling has ended: wait for both ends to be recorded
        awaitSize(ENDED_ON, 2, Duration.ofSeconds(10));
        assertThat(ENDED_ON).hasSize(2).allSatisfy(thread -> assertThat(thread).as("an HTTP event loop thread, not a timer thread").contains("-http-"));
    }

    private static void awaitSize(List<String> list, int size, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @SpringBootApplication
    static class TestApp {

        @Bean
        SecurityWebFilterChain chain(ServerHttpSecurity http) {
            return http.authorizeExchange(a -> a.anyExchange().permitAll()).build();
        }

        @Bean
        HttpHandlerDecoratorFactory recordWhereRequestsEnd() {
            return handler -> (request, response) -> handler.handle(request, response)
                    .doFinally(signal -> ENDED_ON.add(Thread.currentThread().getName()));
        }

        @Bean
        LaterController laterController() {
            return new LaterController();
        }
    }

    @RestController
    static class LaterController {

        @GetMapping("/later")
        Mono<String> later() {
            // completes on Reactor's parallel (timer) threads, not on the event loop
            return Mono.delay(Duration.ofMillis(20)).thenReturn("later");
        }

        @GetMapping("/now")
        Mono<String> now() {
            return Mono.just("now");
        }
    }
}
