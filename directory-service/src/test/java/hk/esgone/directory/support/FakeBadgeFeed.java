package hk.esgone.directory.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * badge-service's event feed as docs/contracts.md describes it ({@code GET /internal/events?after=&limit=}),
 * on a loopback port: ordered events with increasing opaque cursors, each carrying the badge's full state.
 */
public final class FakeBadgeFeed implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Events happen one second apart, from a minute ago. */
    private static final Instant START = Instant.now().minusSeconds(60);

    private final HttpServer server;
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    public volatile boolean failing;

    public FakeBadgeFeed() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/events", exchange -> {
            requests.incrementAndGet();
            if (failing) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String after = query.get("after");
            int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
            List<Map<String, Object>> page = new ArrayList<>();
            for (Map<String, Object> event : events) {
                if ((after == null || ((String) event.get("cursor")).compareTo(after) > 0) && page.size() < limit) {
                    page.add(event);
                }
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("events", page);
            body.put("nextCursor", page.isEmpty() ? after : page.getLast().get("cursor"));
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Appends an event; its cursor is the next in order. */
    public Map<String, Object> add(String type, String badgeId, String companyId, String achievementId, String status,
                                   Instant validFrom, Instant validUntil) {
        Map<String, Object> badge = new LinkedHashMap<>();
        badge.put("id", badgeId);
        badge.put("achievementId", achievementId);
        badge.put("achievementKind", achievementId.contains("scorecard") ? "SCORECARD_LEVEL" : "E_BADGE");
        badge.put("scorecardLevel", achievementId.contains("gold") ? "GOLD" : null);
        badge.put("name", Map.of("en", "Badge " + achievementId, "zhHant", "徽章 " + achievementId));
        badge.put("status", status);
        badge.put("validFrom", validFrom.toString());
        badge.put("validUntil", validUntil == null ? null : validUntil.toString());
        badge.put("companyId", companyId);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("cursor", String.format("c%08d", events.size() + 1));
        event.put("id", "evt-" + (events.size() + 1));
        event.put("type", type);
        event.put("occurredAt", START.plusSeconds(events.size()).toString());
        event.put("badge", badge);
        event.put("someFutureField", Map.of("ignored", true));
        events.add(event);
        return event;
    }

    /** An event a consumer must survive: no badge. */
    public void addMalformed() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("cursor", String.format("c%08d", events.size() + 1));
        event.put("id", "evt-" + (events.size() + 1));
        event.put("type", "BADGE_ISSUED");
        event.put("occurredAt", Instant.now().toString());
        events.add(event);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return map;
    }
}
