package hk.esgone.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Every list and filter parameter and every id in a path gets every C0 control character and DEL, lone surrogates
 * (raw bytes), a noncharacter, long strings and regular-expression metacharacters: each answer is a result or a
 * 4xx (a problem on the API), never a 500, and nothing stored changes. (A URL over 4 kB is refused by the HTTP
 * server before the application; the longest values here fit.)
 */
class QueryParameterFuzzIntegrationTests extends BadgeServiceIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    record Fuzz(String label, byte[] raw) {
    }

    static List<Fuzz> values() {
        List<Fuzz> values = new ArrayList<>();
        for (int c = 0; c <= 0x20; c++) {
            int ch = c == 0x20 ? 0x7F : c;
            String hex = String.format("U+%04X", ch);
            values.add(new Fuzz(hex, String.valueOf((char) ch).getBytes(StandardCharsets.UTF_8)));
            values.add(new Fuzz("cmp-a" + hex + "b", ("cmp-a" + (char) ch + "b").getBytes(StandardCharsets.UTF_8)));
        }
        values.add(new Fuzz("lone high surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        values.add(new Fuzz("lone low surrogate", new byte[] {'a', (byte) 0xED, (byte) 0xB0, (byte) 0x80, 'b'}));
        values.add(new Fuzz("U+FFFE", "\ufffe".getBytes(StandardCharsets.UTF_8)));
        values.add(new Fuzz("3,000 characters", "a".repeat(3_000).getBytes(StandardCharsets.UTF_8)));
        values.add(new Fuzz("350 Chinese characters", "栗".repeat(350).getBytes(StandardCharsets.UTF_8)));
        for (String meta : List.of(".*", "^", "$", "(", "[", "\\", "|", "(a+)+$", "\\Q", "$where", "{\"$gt\":\"\"}", "'", "\"", "..")) {
            values.add(new Fuzz("metacharacters " + meta, meta.getBytes(StandardCharsets.UTF_8)));
        }
        return values;
    }

    /** A GET with the value in a query parameter ({@code parameter}) or in the path ({} in {@code path}). */
    record Slot(String path, String parameter, String token, boolean api) {
    }

    @Test
    void everyListAndFilterParameterAnswersWithResultsOrARefusalAndChangesNothing() {
        List<Slot> slots = new ArrayList<>();
        for (String p : List.of("companyId", "status", "cursor", "limit")) {
            slots.add(new Slot("/api/v1/badges/admin/badges", p, admin(), true));
        }
        for (String p : List.of("cursor", "limit", "includeArchived")) {
            slots.add(new Slot("/api/v1/badges/admin/achievements", p, admin(), true));
        }
        slots.add(new Slot("/api/v1/badges/holders", "brNumber", null, true));
        slots.add(new Slot("/internal/events", "after", admin(), true));
        slots.add(new Slot("/internal/events", "limit", admin(), true));
        for (String path : List.of("/api/v1/badges/admin/badges/{}", "/api/v1/badges/admin/achievements/{}",
                "/api/v1/badges/companies/{}/widget-settings")) {
            slots.add(new Slot(path, null, admin(), true));
        }
        for (String path : List.of("/api/v1/badges/holders/{}", "/api/v1/badges/credentials/{}", "/api/v1/badges/achievements/{}",
                "/api/v1/badges/verify/{}", "/api/v1/badges/status-lists/{}/1", "/api/v1/badges/status-lists/revocation/{}")) {
            slots.add(new Slot(path, null, null, true));
        }
        // public pages and widget variants answer in HTML, SVG or JSON: never a 500
        for (String path : List.of("/widget/badges/{}/status", "/widget/badges/{}.svg", "/widget/badges/{}/frame", "/badges/{}")) {
            slots.add(new Slot(path, null, null, false));
        }
        for (String path : List.of("/widget/badges/bdg-none.svg", "/widget/badges/bdg-none/frame", "/badges/bdg-none")) {
            slots.add(new Slot(path, "lang", null, false));
        }
        Map<String, List<Document>> before = snapshot();

        WebClient client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .build();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Flux.fromIterable(slots)
                .flatMap(slot -> Flux.fromIterable(values()).map(value -> Map.entry(slot, value)))
                .flatMap(pair -> send(client, pair.getKey(), pair.getValue()).doOnNext(problem -> {
                    if (!problem.isEmpty()) {
                        failures.add(pair.getKey().path() + " " + pair.getKey().parameter() + " <- " + pair.getValue().label() + ": " + problem);
                    }
                }), 4)
                .blockLast(Duration.ofMinutes(5));

        assertThat(failures).as("answers that were neither results nor a 4xx refusal").isEmpty();
        assertThat(snapshot()).as("stored data after the requests").isEqualTo(before);
    }

    /** "" when the answer is acceptable, else what is wrong with it. */
    private Mono<String> send(WebClient client, Slot slot, Fuzz value) {
        String encoded = percentEncode(value.raw());
        String path = slot.parameter() == null ? slot.path().replace("{}", encoded) : slot.path() + "?" + slot.parameter() + "=" + encoded;
        return client.get().uri(URI.create("http://127.0.0.1:" + port + path))
                .headers(h -> {
                    if (slot.token() != null) {
                        h.setBearerAuth(slot.token());
                    }
                })
                .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
                    int status = r.statusCode().value();
                    String type = String.valueOf(r.headers().contentType().orElse(null));
                    if (status >= 500) {
                        return status + " " + body;
                    }
                    if (status >= 400 && slot.api() && !(type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                            && body.contains("\"type\":\"https://esg-one.hk/problems/"))) {
                        return status + " without a problem body: " + type + " " + body;
                    }
                    return "";
                }))
                .timeout(Duration.ofSeconds(30), Mono.just("no answer within 30 s"))
                .onErrorResume(e -> Mono.just("connection failed: " + e));
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : mongo.getCollectionNames().collectList().block(Duration.ofSeconds(30)).stream().sorted().toList()) {
            all.put(name, mongo.getCollection(name).flatMapMany(c -> Flux.from(c.find())).collectList().block(Duration.ofSeconds(30)));
        }
        return all;
    }

    /** Every byte as it is: each one outside letters, digits and {@code . - * _} as %XX (a space too). */
    private static String percentEncode(byte[] raw) {
        return URLEncoder.encode(new String(raw, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1).replace("+", "%20");
    }
}
