package hk.esgone.testsupport.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of a real server (Keycloak, say) that counts the requests it forwards per
 * path, and can be stopped and started again on the same port: a test points an application at it to see
 * how often that application calls the server, or stops it to make the server unreachable without
 * touching the shared server.
 */
public final class CountingHttpProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-authenticate", "host", "content-length", "expect");

    private final URI target;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private HttpServer server;

    /** Starts a proxy on a free loopback port forwarding to {@code targetUrl} (scheme, host and port). */
    public CountingHttpProxy(String targetUrl) {
        URI uri = URI.create(targetUrl);
        this.target = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
        this.port = freePort();
        start();
    }

    /** The proxy's base URL; the target's paths work under it unchanged. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How many requests for {@code path} (without the query) were forwarded. */
    public int requests(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            created.createContext("/", this::forward);
            created.start();
            server = created;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port, e);
        }
    }

    /** Refuses connections from now on, until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void forward(HttpExchange exchange) throws IOException {
        counts.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            HttpResponse<byte[]> response;
            try {
                response = client.send(request(exchange), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | InterruptedException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private HttpRequest request(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
