package hk.esgone.badge.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * directory-service as badge-service sees it, on a loopback port: {@code GET /api/v1/directory/companies/{id}}
 * answers the companies a test registered (with their status and registration number), 404 for any other, or —
 * when made {@link #down(boolean) down} — 503 for every request. It records the last {@code Authorization} header.
 */
public final class FakeDirectory implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Company(String status, String brNumber, String uscc) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile String lastAuthorization;

    public FakeDirectory() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/directory/companies/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A company in the directory with this status (PUBLISHED, PROVISIONING, SUSPENDED, ...). */
    public void company(String id, String status, String brNumber, String uscc) {
        companies.put(id, new Company(status, brNumber, uscc));
    }

    /** A published Hong Kong company. */
    public void published(String id, String brNumber) {
        company(id, "PUBLISHED", brNumber, null);
    }

    public void down(boolean down) {
        this.down = down;
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (down) {
                send(exchange, 503, "{\"type\":\"https://esg-one.hk/problems/unavailable\",\"status\":503}");
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/api/v1/directory/companies/".length());
            Company company = companies.get(id);
            if (company == null) {
                send(exchange, 404, "{\"type\":\"https://esg-one.hk/problems/not-found\",\"status\":404}");
                return;
            }
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("id", id);
            body.put("kind", "SUPPLIER");
            body.put("status", company.status());
            body.put("name", Map.of("en", "Company " + id, "zhHant", "公司"));
            body.put("brNumber", company.brNumber());
            body.put("uscc", company.uscc());
            send(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
