package hk.esgone.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service stand-in on a loopback port: records every request it receives and answers with a small
 * JSON body naming itself and the path it saw, or with a canned answer set for a path prefix. It can
 * also be told to never answer a path (to test timeouts).
 */
final class FakeUpstream {

    /** What the service received. Header names are lower case. */
    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(", ", values);
        }
    }

    private record Canned(int status, String contentType, String body, Map<String, String> headers) {
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> failing = new ConcurrentHashMap<>();
    private final Map<String, Canned> failures = new ConcurrentHashMap<>();
    private final Map<String, java.time.Duration> slow = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeUpstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeUpstream start(String name) {
        return new FakeUpstream(name);
    }

    /** A loopback URL where nothing listens: connections are refused. */
    static String unreachableUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose path starts with {@code pathPrefix} with this status and body. */
    void answer(String pathPrefix, int status, String contentType, String body, Map<String, String> headers) {
        canned.put(pathPrefix, new Canned(status, contentType, body, headers));
    }

    /** Never answers requests whose path starts with {@code pathPrefix} (until stopped). */
    void hang(String pathPrefix) {
        hanging.put(pathPrefix, true);
    }

    /** Answers the next {@code times} requests whose path starts with {@code pathPrefix} with {@code status}, then as before. */
    void failNext(String pathPrefix, int times, int status) {
        failures.put(pathPrefix, new Canned(status, "application/json", "{\"failure\":\"" + name + "\"}", Map.of()));
        failing.put(pathPrefix, new java.util.concurrent.atomic.AtomicInteger(times));
    }

    /** Answers requests whose path starts with {@code pathPrefix} only after {@code delay}. */
    void slow(String pathPrefix, java.time.Duration delay) {
        slow.put(pathPrefix, delay);
    }

    /** Forgets recorded requests and canned answers. */
    void reset() {
        received.clear();
        canned.clear();
        hanging.clear();
        failing.clear();
        failures.clear();
        slow.clear();
    }

    /** How many requests for exactly this path (without query) were received. */
    long hits(String path) {
        return received().stream().filter(r -> r.pathAndQuery().equals(path) || r.pathAndQuery().startsWith(path + "?")).count();
    }

    /** Requests received so far (readiness checks of the gateway's health included). */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** The one request received other than health checks; fails when there is none or more than one. */
    Received onlyRequest() {
        List<Received> requests = received().stream().filter(r -> !r.pathAndQuery().startsWith("/actuator/health")).toList();
        if (requests.size() != 1) {
            throw new AssertionError(name + " received " + requests.size() + " requests, expected 1: " + requests);
        }
        return requests.getFirst();
    }

    boolean receivedNothing() {
        return received().stream().allMatch(r -> r.pathAndQuery().startsWith("/actuator/health"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(exchange.getRequestMethod(), query == null ? path : path + "?" + query, headers, body));

            if (hanging.keySet().stream().anyMatch(path::startsWith)) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            for (Map.Entry<String, java.time.Duration> delay : slow.entrySet()) {
                if (path.startsWith(delay.getKey())) {
                    try {
                        Thread.sleep(delay.getValue());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            Canned failure = failing.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()) && e.getValue().getAndDecrement() > 0)
                    .map(e -> failures.get(e.getKey()))
                    .findFirst().orElse(null);
            Canned answer = failure != null ? failure : canned.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(new Canned(200, "application/json",
                            "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}", Map.of()));
            // like the real services: echo the correlation id they were given
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
            }
            exchange.getResponseHeaders().set("X-Served-By", name);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Not AutoCloseable on purpose: JUnit closes AutoCloseable arguments of parameterized tests. */
    void stop() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
