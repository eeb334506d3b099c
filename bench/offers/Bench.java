import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Claim throughput and latency of offers-service at a fixed concurrency, side by side with the raw
 * conditional decrement ({remaining: {$gt: 0}} + $inc) against the same embedded MongoDB-wire server.
 * Everything listens on 127.0.0.1; every phase is bounded in requests and in time.
 *
 * <p>Usage: {@code java -cp CLASSPATH Bench.java SERVICE_JAR [concurrency] [claims] [rawOps] [warmup]} (warm-up claims,
 * default 3,000; the raw decrement warms up with 5,000 unless fewer are asked for).
 */
public class Bench {

    static final int COMPANIES = 200;
    static final int PER_COMPANY = 100;
    static final Duration PHASE_LIMIT = Duration.ofSeconds(30);

    record Result(String name, int ok, int failed, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int claims = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rawOps = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        int warmup = Math.min(args.length > 4 ? Integer.parseInt(args[4]) : 3_000, COMPANIES * PER_COMPANY - claims);
        int rawWarmup = args.length > 4 ? Math.max(warmup, 100) : 5_000;

        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        TestTokenIssuer issuer = new TestTokenIssuer();
        int port = freePort();
        Path log = Files.createTempFile("offers-bench-service-", ".log");

        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m"));
        String extra = System.getenv("OFFERS_BENCH_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MONGODB_URI", mongoUri);
        pb.environment().put("MONGODB_DATABASE", "offers-bench");
        pb.environment().put("KEYCLOAK_ISSUER", issuer.issuer());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("BIND_ADDRESS", "127.0.0.1");
        pb.environment().put("BADGE_URL", "http://127.0.0.1:9");
        pb.environment().put("DIRECTORY_URL", "http://127.0.0.1:9");
        pb.environment().put("ESG_OFFERS_DEMO_DATA", "false");
        pb.environment().put("LOGGING_LEVEL_ROOT", "WARN");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        System.out.printf("starting offers-service on 127.0.0.1:%d (MongoDB-wire on %s, log %s)%n", port, mongoUri, log);
        Process service = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(service)));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            waitReady(http, base, service, log);

            String partner = token(issuer, "partner", "cmp-demo-partner");
            String admin = issuer.token().subject("bench-admin").roles(List.of("admin")).expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
            String[] smes = new String[COMPANIES];
            for (int i = 0; i < COMPANIES; i++) {
                smes[i] = token(issuer, "sme", "cmp-bench-%03d".formatted(i));
            }
            int quota = COMPANIES * PER_COMPANY;
            String offer = createOffer(http, base, partner, admin, quota);

            AtomicInteger company = new AtomicInteger();
            runClaims(http, base, offer, smes, company, concurrency, warmup);
            Result claimsResult = runClaims(http, base, offer, smes, company, concurrency, claims);

            String audit = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/offers/admin/offers/" + offer + "/audit"))
                    .header("Authorization", "Bearer " + admin).GET().build()).body();

            Result rawResult;
            try (MongoClient client = MongoClients.create(mongoUri)) {
                MongoCollection<Document> raw = client.getDatabase("bench-raw").getCollection("quota");
                Mono.from(raw.insertOne(new Document("_id", "raw").append("remaining", rawOps * 2 + 10_000))).block();
                runRaw(raw, concurrency, rawWarmup);
                rawResult = runRaw(raw, concurrency, rawOps);
            }

            System.out.println();
            System.out.printf("offers-service claims vs raw conditional decrement, concurrency %d, %d cores, %s%n",
                    concurrency, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("| measured                              |     ok | failed |   ops/s | p50 ms | p99 ms |");
            System.out.println("|---------------------------------------|-------:|-------:|--------:|-------:|-------:|");
            for (Result r : List.of(claimsResult, rawResult)) {
                System.out.printf(Locale.ROOT, "| %-37s | %6d | %6d | %7.0f | %6.2f | %6.2f |%n",
                        r.name(), r.ok(), r.failed(), r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.99));
            }
            System.out.printf(Locale.ROOT, "ratio: the service completes %.1f%% of the database's raw conditional decrements per second (1 : %.1f)%n",
                    100 * claimsResult.perSecond() / rawResult.perSecond(), rawResult.perSecond() / claimsResult.perSecond());
            System.out.println("books after the run (admin audit): " + audit);
            if (!audit.contains("\"consistent\":true") || claimsResult.failed() > 0 || claimsResult.ok() == 0
                    || rawResult.failed() > 0 || rawResult.ok() == 0) {
                System.out.println("FAILED: claims or raw decrements failed (or none completed), or the books do not balance");
                System.exit(1);
            }
        } finally {
            stop(service);
            issuer.close();
            mongo.shutdownNow();
        }
        System.exit(0);
    }

    static Result runClaims(HttpClient http, String base, String offer, String[] smes, AtomicInteger company, int concurrency, int total)
            throws InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        URI uri = URI.create(base + "/api/v1/offers/" + offer + "/claims");
        Thread[] workers = new Thread[concurrency];
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers[w] = Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                    String token = smes[company.getAndIncrement() % smes.length];
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long t = System.nanoTime() - t0;
                        if (response.statusCode() == 201) {
                            latencies[done.getAndIncrement()] = t;
                        } else {
                            if (failed.incrementAndGet() <= 3) {
                                System.out.println("claim failed: " + response.statusCode() + " " + response.body());
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result("claims through the service (HTTP)", done.get(), failed.get(), seconds, Arrays.copyOf(latencies, done.get()));
    }

    static Result runRaw(MongoCollection<Document> raw, int concurrency, int total) {
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        Flux.range(0, total)
                .flatMap(i -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return Mono.from(raw.updateOne(Filters.and(Filters.eq("_id", "raw"), Filters.gt("remaining", 0)), Updates.inc("remaining", -1)))
                            .doOnNext(r -> {
                                if (r.getModifiedCount() == 1) {
                                    latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                                } else {
                                    failed.incrementAndGet();
                                }
                            });
                }), concurrency)
                .take(PHASE_LIMIT)
                .blockLast(PHASE_LIMIT.plusSeconds(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result("raw conditional decrement (driver)", done.get(), failed.get(), seconds, Arrays.copyOf(latencies, done.get()));
    }

    static String createOffer(HttpClient http, String base, String partner, String admin, int quota) throws Exception {
        Instant now = Instant.now();
        String body = """
                {"type":"PERCENTAGE_DISCOUNT","value":10,"currency":"HKD",
                 "title":{"en":"Benchmark offer","zhHant":"基準測試優惠"},
                 "description":{"en":"Load test.","zhHant":"負載測試。"},
                 "terms":{"en":"None.","zhHant":"無。"},
                 "category":"OTHER","validFrom":"%s","validUntil":"%s",
                 "quota":%d,"perCompanyLimit":%d,"redemption":{"method":"UNIQUE_CODE"}}
                """.formatted(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), quota, PER_COMPANY);
        HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/offers/partner/offers"))
                .header("Authorization", "Bearer " + partner).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Matcher id = Pattern.compile("\"id\":\"(off-[a-z0-9-]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("could not create the offer: " + created.statusCode() + " " + created.body());
        }
        String offer = id.group(1);
        expect(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/offers/partner/offers/" + offer + "/submit"))
                .header("Authorization", "Bearer " + partner).POST(HttpRequest.BodyPublishers.noBody()).build()), 200);
        expect(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/offers/admin/offers/" + offer + "/approve"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build()), 200);
        return offer;
    }

    static String token(TestTokenIssuer issuer, String role, String company) {
        return issuer.token().subject(role + "-" + company).roles(List.of(role)).organizations(company)
                .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
    }

    static void waitReady(HttpClient http, String base, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("offers-service exited while starting; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("offers-service was not ready within 120 s; see " + log);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
    }

    static void stop(Process service) {
        if (!service.isAlive()) {
            return;
        }
        service.destroy();
        try {
            if (!service.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        } catch (InterruptedException e) {
            service.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
