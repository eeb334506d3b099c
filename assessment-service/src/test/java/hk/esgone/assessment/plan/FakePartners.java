package hk.esgone.assessment.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake directory-service search and offers-service catalogue on a loopback port: answers per solution or offer
 * category, records the queries, and can be made to fail (503) or to hang (never answer until closed).
 */
public final class FakePartners implements AutoCloseable {

    public enum Mode {
        UP,
        FAILING,
        HANGING
    }

    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    public final List<String> queries = new CopyOnWriteArrayList<>();
    public volatile Mode directory = Mode.UP;
    public volatile Mode offers = Mode.UP;

    public FakePartners() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/directory/search", exchange -> answer(exchange, directory, """
                {"items":[
                  {"id":"cmp-green-one","kind":"SERVICE_PROVIDER","name":{"en":"Green One for %1$s","zhHant":"綠一 %1$s"}},
                  {"id":"cmp-green-two","kind":"SERVICE_PROVIDER","name":{"en":"Green Two","zhHant":"綠二"}},
                  {"id":"cmp-green-three","kind":"SERVICE_PROVIDER","name":{"en":"Green Three","zhHant":"綠三"}},
                  {"id":"cmp-green-four","kind":"SERVICE_PROVIDER","name":{"en":"Green Four","zhHant":"綠四"}}],
                 "total":{"value":4,"relation":"eq"}}""", "solution"));
        server.createContext("/api/v1/offers/catalogue", exchange -> answer(exchange, offers, """
                {"items":[
                  {"id":"off-sold-out","partnerId":"cmp-p","type":"DISCOUNT","value":10,"currency":"HKD",
                   "title":{"en":"Gone","zhHant":"已售罄"},"category":"%1$s","soldOut":true},
                  {"id":"off-live","partnerId":"cmp-demo-partner","type":"DISCOUNT","value":500.00,"currency":"HKD",
                   "title":{"en":"HK$500 off for %1$s","zhHant":"減HK$500 %1$s"},"category":"%1$s","soldOut":false}],
                 "nextCursor":null}""", "category"));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, Mode mode, String template, String parameter) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        queries.add(exchange.getRequestURI().getPath() + "?" + query);
        try (exchange) {
            if (mode == Mode.HANGING) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            String value = "";
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith(parameter + "=")) {
                    value = pair.substring(parameter.length() + 1);
                }
            }
            byte[] body = mode == Mode.FAILING ? "{\"status\":503}".getBytes(StandardCharsets.UTF_8)
                    : template.formatted(value).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", mode == Mode.FAILING ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(mode == Mode.FAILING ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
