package hk.esgone.offers.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * badge-service and directory-service as seen by offers-service, on one loopback port: holdings and
 * profiles are set per company by the test, and each can be made to fail (503), hang (slower than the
 * client's timeout) or cut the connection.
 */
public final class FakeUpstreams implements AutoCloseable {

    public enum Mode { OK, DOWN, SLOW, RESET, GARBAGE }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final Map<String, List<String>> badges = new ConcurrentHashMap<>();
    private final Map<String, String> industries = new ConcurrentHashMap<>();
    private volatile Mode badgeMode = Mode.OK;
    private volatile Mode directoryMode = Mode.OK;
    private final AtomicInteger badgeCalls = new AtomicInteger();
    private final AtomicInteger directoryCalls = new AtomicInteger();

    public FakeUpstreams() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/badges/holders/", ex -> handle(ex, badgeMode, badgeCalls, this::holdings));
        server.createContext("/api/v1/directory/companies/", ex -> handle(ex, directoryMode, directoryCalls, this::profile));
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        badges.clear();
        industries.clear();
        badgeMode = Mode.OK;
        directoryMode = Mode.OK;
        badgeCalls.set(0);
        directoryCalls.set(0);
    }

    public void badgeMode(Mode mode) {
        badgeMode = mode;
    }

    public void directoryMode(Mode mode) {
        directoryMode = mode;
    }

    public int badgeCalls() {
        return badgeCalls.get();
    }

    /** A VALID badge of an achievement (and a scorecard level, or null) for the company. */
    public void validBadge(String companyId, String achievementId, String scorecardLevel) {
        badge(companyId, achievementId, scorecardLevel, "VALID", Instant.now().minusSeconds(86_400), Instant.now().plusSeconds(86_400 * 300));
    }

    public void badge(String companyId, String achievementId, String scorecardLevel, String status, Instant from, Instant until) {
        String kind = scorecardLevel == null ? "E_BADGE" : "SCORECARD_LEVEL";
        String json = "{\"id\":\"bdg-" + badges.getOrDefault(companyId, List.of()).size() + companyId + "\",\"achievementId\":\"" + achievementId
                + "\",\"achievementKind\":\"" + kind + "\",\"scorecardLevel\":" + (scorecardLevel == null ? "null" : "\"" + scorecardLevel + "\"")
                + ",\"name\":{\"en\":\"Badge\",\"zhHant\":\"徽章\"},\"status\":\"" + status + "\",\"validFrom\":\"" + from
                + "\",\"validUntil\":\"" + until + "\",\"somethingNew\":true}";
        badges.computeIfAbsent(companyId, k -> new ArrayList<>()).add(json);
    }

    /** A published directory profile with this HSIC industry code. */
    public void profile(String companyId, String industryCode) {
        industries.put(companyId, industryCode);
    }

    private Answer holdings(String companyId) {
        List<String> list = badges.getOrDefault(companyId, List.of());
        return new Answer(200, "{\"companyId\":\"" + companyId + "\",\"badges\":[" + String.join(",", list) + "]}");
    }

    private Answer profile(String companyId) {
        String industry = industries.get(companyId);
        if (industry == null) {
            return new Answer(404, "{\"type\":\"https://esg-one.hk/problems/not-found\",\"status\":404}");
        }
        return new Answer(200, "{\"id\":\"" + companyId + "\",\"kind\":\"SUPPLIER\",\"name\":{\"en\":\"Co\",\"zhHant\":\"公司\"},"
                + "\"brNumber\":\"12345678\",\"industry\":{\"code\":\"" + industry + "\",\"label\":{\"en\":\"x\",\"zhHant\":\"x\"}},"
                // as directory-service answers: a manufacturer names its cleaner-production sector, others have none
                + "\"sector\":" + ("C".equals(industry) ? "{\"code\":\"METAL\",\"label\":{\"en\":\"Metal and metal products\",\"zhHant\":\"金屬和金屬製品業\"}}" : "null") + ","
                + "\"scorecard\":{\"level\":\"GOLD\"},\"status\":\"PUBLISHED\"}");
    }

    private record Answer(int status, String body) {
    }

    private void handle(HttpExchange ex, Mode mode, AtomicInteger calls, java.util.function.Function<String, Answer> answer) throws IOException {
        calls.incrementAndGet();
        try {
            String path = ex.getRequestURI().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            switch (mode) {
                case DOWN -> write(ex, new Answer(503, "{\"status\":503}"));
                case SLOW -> {
                    sleep(3_000);
                    write(ex, answer.apply(id));
                }
                case RESET -> {
                    // no answer at all: the connection is closed below
                }
                case GARBAGE -> write(ex, new Answer(200, "<html>not json"));
                case OK -> write(ex, answer.apply(id));
            }
        } finally {
            ex.close();
        }
    }

    private static void write(HttpExchange ex, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
