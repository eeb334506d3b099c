package hk.esgone.directory.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
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
 * assessment-service's scorecard feed as docs/contracts.md describes it ({@code GET /internal/events?after=&limit=}),
 * on a loopback port: ordered SCORECARD_PUBLISHED events with increasing opaque cursors, each a whole scorecard.
 */
public final class FakeAssessmentFeed implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    public volatile boolean failing;

    public FakeAssessmentFeed() {
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
            body.put("nextCursor", page.isEmpty() ? (after == null ? "0000000000000000" : after) : page.getLast().get("cursor"));
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

    public int size() {
        return events.size();
    }

    /** The cursor of the last event so far. */
    public String lastCursor() {
        return (String) events.getLast().get("cursor");
    }

    /** Appends a SCORECARD_PUBLISHED event (scores as decimal strings: E, S, G, overall). */
    public Map<String, Object> add(String companyId, String assessmentId, int year, String level, Instant submittedAt,
                                   String... scores) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("companyId", companyId);
        card.put("assessmentId", assessmentId);
        card.put("year", year);
        card.put("questionnaireKey", "hk-sme");
        card.put("questionnaireVersion", 1);
        card.put("environmental", new BigDecimal(scores[0]));
        card.put("social", new BigDecimal(scores[1]));
        card.put("governance", new BigDecimal(scores[2]));
        card.put("overall", new BigDecimal(scores[3]));
        card.put("level", level);
        card.put("submittedAt", submittedAt.toString());
        return append("SCORECARD_PUBLISHED", "evt-" + assessmentId, submittedAt, card);
    }

    /** An event a consumer must survive: the given scorecard fields, as they come (may be wrong). */
    public Map<String, Object> addRaw(String type, Map<String, Object> scorecard) {
        return append(type, "evt-raw-" + (events.size() + 1), Instant.now(), scorecard);
    }

    private Map<String, Object> append(String type, String id, Instant occurredAt, Map<String, Object> card) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("cursor", String.format("%016d", events.size() + 1));
        event.put("id", id);
        event.put("type", type);
        event.put("occurredAt", occurredAt.toString());
        event.put("scorecard", card);
        event.put("someFutureField", Map.of("ignored", true));
        events.add(event);
        return event;
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
