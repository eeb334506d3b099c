package hk.esgone.assessment.badges;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * badge-service's {@code POST /internal/badges/earned} and Keycloak's token endpoint as assessment-service sees them, on
 * a loopback port. The token endpoint grants client-credentials tokens (signed by the test issuer) to the
 * assessment-service client only; the badge endpoint wants one of those tokens, replays an Idempotency-Key it has seen
 * (as badge-service's idempotency does) and issues a new badge id for a new key. It can be made {@link #down} (503),
 * {@link #loseResponses lose answers} (the badge is issued, then the connection is dropped before any answer) or
 * {@link #refuse} an achievement (422, as badge-service answers an unknown one).
 */
final class FakeBadgeService implements AutoCloseable {

    static final String CLIENT_SECRET = "assessment-service-test-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request to the badge endpoint. */
    record Call(String key, String achievementId, String companyId, String reason, int status) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final TestTokenIssuer keycloak;
    private final Set<String> grantedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> badgeByKey = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger responsesToLose = new AtomicInteger();
    private final AtomicInteger tokenGrants = new AtomicInteger();
    private volatile boolean down;

    FakeBadgeService(TestTokenIssuer keycloak) {
        this.keycloak = keycloak;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/esg-one/protocol/openid-connect/token", this::token);
        server.createContext("/internal/badges/earned", this::earned);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUri() {
        return url() + "/realms/esg-one/protocol/openid-connect/token";
    }

    void down(boolean down) {
        this.down = down;
    }

    void loseResponses(int count) {
        responsesToLose.set(count);
    }

    void refuse(String achievementId) {
        refused.add(achievementId);
    }

    void accept(String achievementId) {
        refused.remove(achievementId);
    }

    /** Every request for the company, in order. */
    List<Call> callsFor(String companyId) {
        return calls.stream().filter(c -> companyId.equals(c.companyId())).toList();
    }

    /** The badge issued under {@code key}, or null. */
    String badgeOf(String key) {
        return badgeByKey.get(key);
    }

    /** How many badges were issued for the company (one per distinct key that got through). */
    long issuedFor(String companyId) {
        return callsFor(companyId).stream().filter(c -> c.status() == 201).map(Call::key).distinct().count();
    }

    int tokenGrants() {
        return tokenGrants.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!"client_credentials".equals(form.get("grant_type")) || !"assessment-service".equals(form.get("client_id"))
                    || !CLIENT_SECRET.equals(form.get("client_secret"))) {
                send(exchange, 401, "{\"error\":\"unauthorized_client\"}");
                return;
            }
            String token = keycloak.token().subject("service-account-assessment-service").roles(List.of("badge-issuer"))
                    .claim("azp", "assessment-service").sign();
            grantedTokens.add(token);
            tokenGrants.incrementAndGet();
            send(exchange, 200, JSON.writeValueAsString(Map.of("access_token", token, "expires_in", 300, "token_type", "Bearer")));
        }
    }

    private void earned(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String achievementId = body.path("achievementId").asString();
            String companyId = body.path("companyId").asString();
            String reason = body.path("reason").asString(null);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int status;
            String answer;
            if (down) {
                status = 503;
                answer = problem("unavailable", "badge-service is unavailable");
            } else if (authorization == null || !grantedTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
                status = 401;
                answer = problem("unauthorized", "A valid bearer token is required.");
            } else if (key == null) {
                status = 400;
                answer = problem("idempotency-key-missing", "Idempotency-Key required");
            } else if (refused.contains(achievementId)) {
                status = 422;
                answer = problem("unknown-achievement", "Achievement '" + achievementId + "' does not exist or is archived.");
            } else {
                status = 201;
                String badgeId = badgeByKey.computeIfAbsent(key, k -> "bdg-" + UUID.randomUUID().toString().substring(0, 16));
                answer = JSON.writeValueAsString(Map.of("badge", Map.of("id", badgeId, "achievementId", achievementId,
                        "holder", Map.of("companyId", companyId)), "superseded", List.of()));
            }
            calls.add(new Call(key, achievementId, companyId, reason, status));
            if (status == 201 && responsesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // issued, but the answer never reaches the caller: close without a status line
                return;
            }
            send(exchange, status, answer);
        }
    }

    private static String problem(String kind, String detail) {
        return JSON.writeValueAsString(Map.of("type", "https://esg-one.hk/problems/" + kind, "title", kind, "detail", detail));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
