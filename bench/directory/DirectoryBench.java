import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Directory benchmark driver (see bench/directory/README.md). Starts the service jar against the given
 * MongoDB and Elasticsearch with N demo companies, then measures, all on loopback and bounded:
 * indexing throughput, search latency through the service vs the same request sent straight to
 * Elasticsearch, and the lag from a profile write to it being searchable.
 *
 * Args: N JAR MONGODB_URI ELASTICSEARCH_URL OUT_FILE
 */
public class DirectoryBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The queries measured: label, words, filters. "mixed" is a buyer across the Greater Bay Area: a city and a word
     * in Simplified Chinese against Traditional profiles, and an English word with one typo.
     */
    static final String[][] QUERIES = {
        {"filtered", "ISO 14001 觀塘 metal", "&kind=SUPPLIER&industry=C&location=KWUN_TONG,SHENZHEN,DONGGUAN"
                + "&certification=ISO_14001&level=BRONZE,SILVER,GOLD,PLATINUM"},
        {"mixed", "东莞 环保 packging", ""}};
    /** Requests that failed or timed out (10 s): reported, not counted in the latencies. */
    static final java.util.concurrent.atomic.AtomicInteger ERRORS = new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String jar = args[1];
        String mongo = args[2];
        String elasticsearch = args[3].replaceAll("/+$", "");
        Path out = Path.of(args[4]);
        // smoke: the same steps with a few requests each, to show that the benchmark still works
        boolean smoke = args.length > 5 && args[5].equals("smoke");
        // warm-up by time, not by count: after 200 requests the service's JIT was still compiling (a quarter of a core
        // for minutes on two cores) while the long-running Elasticsearch node was warm, so the ratio measured warm-up
        Duration warmService = Duration.ofSeconds(smoke ? 2 : 60);
        Duration warmDirect = Duration.ofSeconds(smoke ? 1 : 15);
        String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        StringBuilder report = new StringBuilder();

        try (TestTokenIssuer issuer = new TestTokenIssuer()) {
            String admin = issuer.token().subject("bench-admin").roles(List.of("admin")).organizations().sign();
            String sme = issuer.token().subject("bench-sme").roles(List.of("sme")).organizations("cmp-demo-supplier")
                    .expiresAt(Instant.now().plus(Duration.ofHours(3))).sign();
            String adminLong = issuer.token().subject("bench-admin").roles(List.of("admin")).organizations()
                    .expiresAt(Instant.now().plus(Duration.ofHours(3))).sign();

            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms512m", "-Xmx1g", "-XX:+UseG1GC", "-jar", jar);
            Map<String, String> env = pb.environment();
            env.put("PORT", Integer.toString(port));
            env.put("BIND_ADDRESS", "127.0.0.1");
            env.put("MONGODB_URI", mongo);
            env.put("MONGODB_DATABASE", "directory-bench");
            env.put("ELASTICSEARCH_URL", elasticsearch);
            env.put("ESG_DIRECTORY_INDEX_PREFIX", prefix);
            env.put("KEYCLOAK_ISSUER", issuer.issuer());
            env.put("ESG_DIRECTORY_DEMO_DATA", "true");
            env.put("ESG_DIRECTORY_DEMO_COUNT", Integer.toString(n));
            env.put("ESG_DIRECTORY_BADGE_FEED", "false");
            env.put("ESG_DIRECTORY_RECONCILE_INTERVAL", "0s");
            pb.redirectErrorStream(true).redirectOutput(out.resolveSibling("service.log").toFile());
            long startNanos = System.nanoTime();
            Process service = pb.start();
            // also when the run is interrupted: stop the service, remove this run's indexes
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.destroy();
                deleteIndexes(elasticsearch, prefix);
            }));
            System.out.println("service pid " + service.pid() + " on " + base + " (log " + out.resolveSibling("service.log") + ")");
            try {
                waitFor(base + "/actuator/health/readiness", Duration.ofMinutes(3), service);
                double readySeconds = seconds(startNanos);
                System.out.printf(Locale.ROOT, "ready after %.1f s; loading %,d companies and indexing them%n", readySeconds, n);

                // 1. load → searchable: demo data written to MongoDB while the indexer follows
                long pending;
                Instant lastPrint = Instant.now();
                while (true) {
                    JsonNode status = getJson(base + "/api/v1/directory/admin/search/status", admin);
                    pending = status.path("recordsPendingIndex").asLong();
                    long inIndex = count(elasticsearch, prefix + "companies");
                    if (Duration.between(lastPrint, Instant.now()).toSeconds() >= 10) {
                        System.out.printf(Locale.ROOT, "  %.0f s: %,d in the index, %,d pending%n", seconds(startNanos), inIndex, pending);
                        lastPrint = Instant.now();
                    }
                    if (inIndex >= n && pending == 0) {
                        break;
                    }
                    if (seconds(startNanos) > 3600) {
                        throw new IllegalStateException("not indexed within an hour");
                    }
                    Thread.sleep(500);
                }
                double loadSeconds = seconds(startNanos) - readySeconds;
                JsonNode kinds = getJson(base + "/api/v1/directory/search?limit=1", null).path("facets").path("kind");
                long published = 0;
                for (JsonNode kind : kinds) {
                    published += kind.path("count").asLong();
                }
                report.append(String.format(Locale.ROOT, "companies: %,d (published %,d)%n", n, published));
                report.append(String.format(Locale.ROOT, "load + index (MongoDB inserts and indexer together): %.1f s = %,.0f companies/s%n",
                        loadSeconds, n / loadSeconds));
                System.out.print(report);

                // 2. zero-downtime rebuild: bulk copy from MongoDB into a new index, then alias swap
                long t0 = System.nanoTime();
                post(base + "/api/v1/directory/admin/search/reindex", adminLong, "{}");
                JsonNode rebuild;
                while (true) {
                    rebuild = getJson(base + "/api/v1/directory/admin/search/status", adminLong).path("lastReindex");
                    if (!"RUNNING".equals(rebuild.path("state").asString())) {
                        break;
                    }
                    Thread.sleep(250);
                }
                double reindexSeconds = seconds(t0);
                report.append(String.format(Locale.ROOT, "reindex (copy %,d + verify + alias swap): %.1f s = %,.0f companies/s (%s)%n",
                        rebuild.path("copied").asLong(), reindexSeconds, rebuild.path("copied").asLong() / reindexSeconds,
                        rebuild.path("state").asString()));
                System.out.print(report.substring(report.lastIndexOf("reindex")));

                // 3. search latency, service vs Elasticsearch directly, same request body, for each query
                for (String[] query : QUERIES) {
                    String params = "q=" + enc(query[1]) + query[2] + "&limit=20";
                    JsonNode esRequest = getJson(base + "/api/v1/directory/admin/search/request?" + params, adminLong);
                    String esBody = esRequest.path("body").toString();
                    String esUrl = elasticsearch + "/" + esRequest.path("index").asString() + "/_search";
                    JsonNode sample = getJson(base + "/api/v1/directory/search?" + params, null);
                    report.append(String.format(Locale.ROOT, "search %s \"%s\"%s: %,d hits%n", query[0], query[1],
                            query[2].isEmpty() ? "" : " + 5 facet filters (8 facets counted)", sample.path("total").path("value").asLong()));
                    System.out.print(report.substring(report.lastIndexOf("search ")));
                    HttpRequest viaService = HttpRequest.newBuilder(URI.create(base + "/api/v1/directory/search?" + params))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    HttpRequest direct = HttpRequest.newBuilder(URI.create(esUrl)).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(esBody)).build();
                    measure(viaService, 1_000_000, 2, warmService);
                    measure(direct, 1_000_000, 2, warmDirect);
                    report.append(String.format(Locale.ROOT, "  after a warm-up of %d s (service) and %d s (direct), two connections%n",
                            warmService.toSeconds(), warmDirect.toSeconds()));
                    for (int concurrency : new int[]{1, 4}) {
                        int requests = (concurrency == 1 ? 1000 : 2000) / (smoke ? 25 : 1);
                        // alternate rounds so that background load hits both sides alike
                        List<long[]> viaRounds = new ArrayList<>();
                        List<long[]> directRounds = new ArrayList<>();
                        for (int round = 0; round < 4; round++) {
                            viaRounds.add(measure(viaService, requests / 4, concurrency, Duration.ofSeconds(60)));
                            directRounds.add(measure(direct, requests / 4, concurrency, Duration.ofSeconds(60)));
                        }
                        long[] s = merge(viaRounds);
                        long[] d = merge(directRounds);
                        String line = String.format(Locale.ROOT,
                                "  concurrency %d, %,d + %,d requests: service p50 %.1f ms p99 %.1f ms | Elasticsearch direct p50 %.1f ms p99 %.1f ms | ratio p50 %.2f p99 %.2f%n",
                                concurrency, s.length, d.length, ms(pct(s, 50)), ms(pct(s, 99)), ms(pct(d, 50)), ms(pct(d, 99)),
                                (double) pct(s, 50) / pct(d, 50), (double) pct(s, 99) / pct(d, 99));
                        report.append(line);
                        System.out.print(line);
                    }
                }
                report.append(String.format(Locale.ROOT, "  failed or timed-out requests: %d%n", ERRORS.get()));

                // 4. write → searchable lag
                JsonNode company = getJson(base + "/api/v1/directory/companies/cmp-demo-supplier", sme);
                ObjectNode profile = profileOf(company);
                int writes = smoke ? 5 : 60;
                long[] lags = new long[writes];
                long[] indexedLags = new long[writes];
                long[] writeLatency = new long[writes];
                String docUrl = elasticsearch + "/" + prefix + "companies/_doc/cmp-demo-supplier?_source=false";
                java.util.Random jitter = new java.util.Random(7);
                for (int i = 0; i < writes; i++) {
                    // a random pause, so that writes do not fall into step with the index's 1 s refresh
                    Thread.sleep(jitter.nextInt(1000));
                    String marker = "lagmark" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                    profile.putObject("description").put("en", "Recycled cartons " + marker).put("zhHant", "綠色包裝");
                    long w0 = System.nanoTime();
                    HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/directory/companies/cmp-demo-supplier"))
                            .header("Authorization", "Bearer " + sme).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(profile.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    writeLatency[i] = System.nanoTime() - w0;
                    if (put.statusCode() != 200) {
                        throw new IllegalStateException("write failed: " + put.statusCode() + " " + put.body());
                    }
                    long version = Long.parseLong(put.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                    while (true) {
                        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(docUrl)).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (doc.statusCode() == 200 && JSON.readTree(doc.body()).path("_version").asLong() >= version) {
                            indexedLags[i] = System.nanoTime() - w0;
                            break;
                        }
                        Thread.sleep(2);
                    }
                    while (true) {
                        JsonNode found = getJson(base + "/api/v1/directory/search?limit=1&q=" + marker, null);
                        if (found.path("total").path("value").asLong() > 0) {
                            lags[i] = System.nanoTime() - w0;
                            break;
                        }
                        if (System.nanoTime() - w0 > Duration.ofSeconds(60).toNanos()) {
                            throw new IllegalStateException("write not searchable within 60 s");
                        }
                        Thread.sleep(10);
                    }
                }
                Arrays.sort(lags);
                Arrays.sort(indexedLags);
                Arrays.sort(writeLatency);
                report.append(String.format(Locale.ROOT, "write → in the index (real-time GET of the new version): p50 %.0f ms p99 %.0f ms%n",
                        ms(pct(indexedLags, 50)), ms(pct(indexedLags, 99))));
                report.append(String.format(Locale.ROOT, "profile write (PUT) latency: p50 %.1f ms p99 %.1f ms (%d writes)%n",
                        ms(pct(writeLatency, 50)), ms(pct(writeLatency, 99)), writes));
                report.append(String.format(Locale.ROOT, "write → searchable lag: p50 %.0f ms p99 %.0f ms max %.0f ms (index refresh_interval 1s)%n",
                        ms(pct(lags, 50)), ms(pct(lags, 99)), ms(lags[lags.length - 1])));
            } finally {
                service.destroy();
                if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
                deleteIndexes(elasticsearch, prefix);
            }
        }
        String header = String.format(Locale.ROOT, "# directory benchmark, %s, %s, %d CPUs%n", Instant.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Files.writeString(out, header + report);
        System.out.println();
        System.out.print(header + report);
        if (ERRORS.get() > 0) {
            System.out.println("FAILED: " + ERRORS.get() + " search requests failed or timed out");
            System.exit(1);
        }
    }

    static ObjectNode profileOf(JsonNode c) {
        ObjectNode p = JSON.createObjectNode();
        p.set("name", c.path("name"));
        p.put("industry", c.path("industry").path("code").asString());
        p.put("sector", c.path("sector").path("code").asString());
        var locations = p.putArray("locations");
        c.path("locations").forEach(l -> locations.add(l.path("code").asString()));
        var certs = p.putArray("certifications");
        c.path("certifications").forEach(x -> certs.addObject().put("code", x.path("code").asString())
                .put("number", x.path("number").asString()).put("issuer", x.path("issuer").asString())
                .put("validUntil", x.path("validUntil").asString()));
        p.put("sizeBand", c.path("sizeBand").path("code").asString());
        return p;
    }

    static long[] merge(List<long[]> rounds) {
        long[] all = rounds.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** Latencies in ns, sorted; stops early (fewer samples) when {@code budget} is spent. */
    static long[] measure(HttpRequest request, int total, int concurrency, Duration budget) throws Exception {
        long deadline = System.nanoTime() + budget.toNanos();
        long[] latencies = new long[total];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            int perWorker = total / concurrency;
            for (int w = 0; w < concurrency; w++) {
                int from = w * perWorker;
                workers.add(pool.submit(() -> {
                    for (int i = from; i < from + perWorker && System.nanoTime() < deadline; i++) {
                        long t = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            latencies[i] = System.nanoTime() - t;
                            done.incrementAndGet();
                            if (r.statusCode() != 200) {
                                ERRORS.incrementAndGet();
                                latencies[i] = 0;
                            }
                        } catch (java.net.http.HttpTimeoutException e) {
                            ERRORS.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return measured;
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static JsonNode getJson(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = null;
        for (int attempt = 1; r == null; attempt++) {
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                System.out.println("  (timed out, attempt " + attempt + "): " + url);
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static void post(String url, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
    }

    static long count(String elasticsearch, String alias) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + alias + "/_count")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("count").asLong() : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    static void deleteIndexes(String elasticsearch, String prefix) {
        try {
            HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_cat/indices/" + prefix + "*?h=index")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String index : list.body().split("\\s+")) {
                if (index.startsWith(prefix)) {
                    HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
                }
            }
        } catch (Exception e) {
            System.err.println("could not delete the benchmark indexes " + prefix + "*: " + e);
        }
    }

    static void waitFor(String url, Duration timeout, Process process) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited while starting; see service.log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("not ready: " + url);
    }

    static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
