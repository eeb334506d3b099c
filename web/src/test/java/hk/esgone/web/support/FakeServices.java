package hk.esgone.web.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-ins for directory-, offers- and badge-service in the portal's page tests: one loopback HTTP server that
 * answers each path (without its query) with the JSON set for it, records every request (method, path and query,
 * Authorization header), and answers 404 problem details for anything not set. Tests set answers shaped as the
 * services' API contracts ({@code docs/openapi/*.json}); the real services are used by the system tests.
 */
public final class FakeServices implements AutoCloseable {

    /** A request the portal made (header names in lower case). */
    public record Call(String method, String pathAndQuery, String authorization, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private record Answer(int status, String contentType, String body, byte[] bytes, Map<String, String> headers) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, null, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.util.Queue<Answer>> once = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Answer fallback;

    public FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers GETs of {@code path} (any query) with 200 and {@code json}. */
    public FakeServices json(String path, String json) {
        answers.put(path, new Answer(200, "application/json", json));
        return this;
    }

    /** Answers GETs of {@code path} whose query contains {@code queryPart} with 200 and {@code json} (before {@link #json(String, String)}). */
    public FakeServices json(String path, String queryPart, String json) {
        answers.put(path + "?" + queryPart, new Answer(200, "application/json", json));
        return this;
    }

    /** Answers {@code path} with a problem body of {@code status} and {@code type} (e.g. not-found). */
    public FakeServices problem(String path, int status, String type) {
        answers.put(path, new Answer(status, "application/problem+json",
                "{\"type\":\"https://esg-one.hk/problems/" + type + "\",\"title\":\"" + type + "\",\"status\":" + status + "}"));
        return this;
    }

    /** Answers only {@code method} requests of {@code path} with a problem (other methods get the path's other answer). */
    public FakeServices problem(String method, String path, int status, String type) {
        answers.put(method + " " + path, new Answer(status, "application/problem+json",
                "{\"type\":\"https://esg-one.hk/problems/" + type + "\",\"title\":\"" + type + "\",\"status\":" + status + "}"));
        return this;
    }

    /** Answers only {@code method} requests of {@code path} with {@code status} and a JSON or problem {@code body}. */
    public FakeServices answer(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, status < 400 ? "application/json" : "application/problem+json", body));
        return this;
    }

    /** Answers GETs of {@code path} with {@code status}, these headers and the bytes as they are (a file download). */
    public FakeServices file(String path, int status, Map<String, String> headers, byte[] bytes) {
        answers.put("GET " + path, new Answer(status, headers.getOrDefault("Content-Type", "application/octet-stream"), "", bytes, headers));
        return this;
    }

    /** Answers the next {@code method} request of {@code path} so, once (before its other answers): a conflict, then success. */
    public FakeServices answerOnce(String method, String path, int status, String body) {
        once.computeIfAbsent(method + " " + path, k -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                .add(new Answer(status, status < 400 ? "application/json" : "application/problem+json", body));
        return this;
    }

    /** Answers only {@code method} requests of {@code path} with a body of any type and extra headers (a CSV download). */
    public FakeServices file(String method, String path, int status, String contentType, Map<String, String> headers, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body, null, Map.copyOf(headers)));
        return this;
    }

    /** Answers every path not set otherwise with 200 and {@code json} (instead of 404). */
    public FakeServices fallback(String json) {
        fallback = new Answer(200, "application/json", json);
        return this;
    }

    public void reset() {
        answers.clear();
        once.clear();
        calls.clear();
        fallback = null;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values)));
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
                exchange.getRequestHeaders().getFirst("Authorization"), Map.copyOf(headers), requestBody));
        Answer otherwise = fallback != null ? fallback : new Answer(404, "application/problem+json",
                "{\"type\":\"https://esg-one.hk/problems/not-found\",\"title\":\"Not found\",\"status\":404}");
        String decodedPath = java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
        String decodedQuery = query == null ? "" : java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
        java.util.Queue<Answer> queued = once.get(exchange.getRequestMethod() + " " + decodedPath);
        Answer first = queued == null ? null : queued.poll();
        Answer answer = first != null ? first : answers.entrySet().stream()
                .filter(e -> e.getKey().startsWith(decodedPath + "?") && decodedQuery.contains(e.getKey().substring(decodedPath.length() + 1)))
                .map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> answers.getOrDefault(exchange.getRequestMethod() + " " + decodedPath,
                        answers.getOrDefault(decodedPath, otherwise)));
        byte[] body = answer.bytes() != null ? answer.bytes() : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
