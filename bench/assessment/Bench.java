import java.io.IOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import hk.esgone.assessment.benchmark.Figure;
import hk.esgone.assessment.benchmark.Percentile;
import hk.esgone.assessment.benchmark.PeerDistributions;
import hk.esgone.assessment.benchmark.store.PeerStore;
import hk.esgone.assessment.config.AssessmentProperties;
import hk.esgone.assessment.carbon.CarbonCalculator;
import hk.esgone.assessment.carbon.EmissionFactors;
import hk.esgone.assessment.carbon.EmissionFactorsLoader;
import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.Question;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.QuestionnaireLoader;
import hk.esgone.assessment.questionnaire.SizeBand;
import hk.esgone.assessment.scoring.Scorer;
import hk.esgone.assessment.scoring.ScoringInput;
import hk.esgone.assessment.scoring.ScoringRules;
import hk.esgone.assessment.scoring.ScoringRulesLoader;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import reactor.core.publisher.Mono;

/**
 * assessment-service: (a) scoring one complete submission (the shipped questionnaire: scorecard and carbon footprint,
 * in process); (b) one figure's peer percentile as the service computes it (from the group's figures its
 * PeerDistributions holds) side by side with a single indexed count of the same peer group, plus the read of the
 * group's figures that happens once a minute and the whole benchmark endpoint over HTTP; (c) answer autosave through the service at a fixed concurrency side by side with the raw conditional
 * single-document update. Peers are submitted assessments inserted directly into MongoDB (the embedded
 * MongoDB-wire server, or MONGODB_URI). Everything is on 127.0.0.1 and every phase is bounded in count and time.
 *
 * <p>Usage: {@code java -cp CLASSPATH Bench.java SERVICE_JAR [peers] [samples] [concurrency] [saves] [smoke]}.
 */
public class Bench {

    static final Duration PHASE_LIMIT = Duration.ofSeconds(30);
    static final String DB = "assessment-bench";
    static final String[] INDUSTRIES = {"C", "F", "G", "H", "I", "J", "K", "M", "N", "S"};
    static final String[] SIZES = {"MICRO", "SMALL", "MEDIUM"};
    static final int YEAR = Year.now().getValue() - 1;

    record Result(String name, int ok, int failed, double seconds, long[] latenciesNanos) {
        double perSecond() {
            return ok / seconds;
        }

        double p(double q) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int saves = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        boolean smoke = args.length > 5 && args[5].equals("smoke");

        String fromEnv = System.getenv("MONGODB_URI");
        MongoServer embedded = null;
        String mongoUri;
        if (fromEnv != null && !fromEnv.isBlank()) {
            mongoUri = fromEnv;
        } else {
            embedded = new MongoServer(new MemoryBackend());
            embedded.bind("127.0.0.1", 0);
            mongoUri = "mongodb://127.0.0.1:" + embedded.getLocalAddress().getPort();
        }
        TestTokenIssuer issuer = new TestTokenIssuer();
        MongoClient client = MongoClients.create(mongoUri);
        Process service = null;
        try {
            MongoCollection<Document> assessments = client.getDatabase(DB).getCollection("assessments");
            Mono.from(client.getDatabase(DB).drop()).block();
            long t0 = System.nanoTime();
            String me = insertPeers(assessments, peers);
            System.out.printf(Locale.ROOT, "inserted %,d submitted assessments in %.1f s (%s)%n", peers, (System.nanoTime() - t0) / 1e9,
                    embedded == null ? "MONGODB_URI" : "embedded MongoDB-wire server");

            // the service creates its indexes (the peer-count ones included) at start, as in production
            int port = freePort();
            Path log = Files.createTempFile("assessment-bench-service-", ".log");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms256m", "-Xmx512m", "-jar", jar.toString());
            pb.environment().put("MONGODB_URI", mongoUri);
            pb.environment().put("MONGODB_DATABASE", DB);
            pb.environment().put("KEYCLOAK_ISSUER", issuer.issuer());
            pb.environment().put("PORT", Integer.toString(port));
            pb.environment().put("BIND_ADDRESS", "127.0.0.1");
            pb.environment().put("DIRECTORY_URL", "http://127.0.0.1:9");
            pb.environment().put("OFFERS_URL", "http://127.0.0.1:9");
            pb.environment().put("ESG_ASSESSMENT_DEMO_DATA", "false");
            pb.environment().put("LOGGING_LEVEL_ROOT", "WARN");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            System.out.printf("starting assessment-service on 127.0.0.1:%d (log %s)%n", port, log);
            service = pb.start();
            Process started = service;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            waitReady(http, base, service, log);

            Result scoring = scoring(samples);

            // (b) one figure of the size-band group of "me" (industry C, SMALL), as BenchmarkService works it out: from
            // the group's figures held by PeerDistributions (read again once a minute per group and instance, and at
            // once when the company's own figure is not among them) — and, for information, that read of the group
            ReactiveMongoTemplate template = new ReactiveMongoTemplate(client, DB);
            Constructor<PeerStore> storeConstructor = PeerStore.class.getDeclaredConstructor(ReactiveMongoTemplate.class);
            storeConstructor.setAccessible(true);
            PeerStore store = storeConstructor.newInstance(template);
            Constructor<PeerDistributions> heldConstructor = PeerDistributions.class.getDeclaredConstructor(PeerStore.class,
                    Clock.class, AssessmentProperties.class);
            heldConstructor.setAccessible(true);
            PeerDistributions distributions = heldConstructor.newInstance(store, Clock.systemUTC(),
                    new AssessmentProperties(false, null, Duration.ofMinutes(1)));
            String group = "hk-sme|" + YEAR + "|C|SMALL";
            long mine = 650;
            timed(samples / 4, () -> percentile(distributions.of(group), mine));
            timed(samples / 4, () -> singleCount(assessments, group));
            Result lookup = named("percentile of one figure (group held)", timed(samples, () -> percentile(distributions.of(group), mine)));
            Result count = named("single indexed count (driver)", timed(samples, () -> singleCount(assessments, group)));
            Result groupRead = named("read of the group's figures (once a minute)",
                    timed(Math.max(20, samples / 20), () -> percentile(distributions.fresh(group), mine)));
            long groupSize = singleCount(assessments, group);
            String adminToken = issuer.token().subject("bench-admin").roles(List.of("admin"))
                    .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
            HttpRequest benchmarkRequest = HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments/" + me + "/benchmark"))
                    .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30)).build();
            String benchmarkBody = send(http, benchmarkRequest).body();
            timed(Math.max(10, samples / 20), () -> expect(send(http, benchmarkRequest), 200));
            Result endpoint = named("whole benchmark endpoint (HTTP, 2 groups)",
                    timed(Math.max(20, samples / 4), () -> expect(send(http, benchmarkRequest), 200)));

            // (c) autosave: one draft per worker, each saving its own answer again and again from the revision it holds
            String[] tokens = new String[concurrency];
            String[] drafts = new String[concurrency];
            for (int w = 0; w < concurrency; w++) {
                String company = "cmp-bench-w%03d".formatted(w);
                tokens[w] = issuer.token().subject("sme-" + company).roles(List.of("sme")).organizations(company)
                        .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
                HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments"))
                        .header("Authorization", "Bearer " + tokens[w]).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"companyId\":\"%s\",\"year\":%d,\"industry\":\"C\",\"sizeBand\":\"SMALL\"}"
                                .formatted(company, YEAR))).build());
                Matcher id = Pattern.compile("\"id\":\"(asm-[a-z0-9-]+)\"").matcher(created.body());
                if (created.statusCode() != 201 || !id.find()) {
                    throw new IllegalStateException("could not start a draft: " + created.statusCode() + " " + created.body());
                }
                drafts[w] = id.group(1);
            }
            long[] revisions = new long[concurrency];
            autosave(http, base, tokens, drafts, revisions, Math.min(saves / 5 + concurrency, 2_000));
            Result autosave = autosave(http, base, tokens, drafts, revisions, saves);
            // the raw drafts live in the same collection as the service's (100,000 documents and the same indexes)
            MongoCollection<Document> rawCollection = assessments;
            for (int w = 0; w < concurrency; w++) {
                Mono.from(rawCollection.insertOne(new Document("_id", "raw-" + w).append("companyId", "cmp-bench-raw-" + w)
                        .append("year", YEAR).append("status", "DRAFT").append("answers", new Document())
                        .append("answersVersion", 0L))).block();
            }
            long[] rawRevisions = new long[concurrency];
            raw(rawCollection, concurrency, rawRevisions, Math.min(saves / 5 + concurrency, 2_000));
            Result raw = raw(rawCollection, concurrency, rawRevisions, saves);

            System.out.println();
            System.out.printf(Locale.ROOT, "assessment-service, %,d submitted assessments (peer group %s: %,d), %d cores, Java %s%n",
                    peers, group, groupSize, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.println("| measured                                    |     ok | failed |   ops/s | p50 ms | p99 ms |");
            System.out.println("|---------------------------------------------|-------:|-------:|--------:|-------:|-------:|");
            for (Result r : List.of(scoring, lookup, count, groupRead, endpoint, autosave, raw)) {
                System.out.printf(Locale.ROOT, "| %-43s | %6d | %6d | %7.0f | %6.3f | %6.3f |%n", r.name(), r.ok(), r.failed(), r.perSecond(),
                        r.p(0.50), r.p(0.99));
            }
            double p50Ratio = lookup.p(0.50) / count.p(0.50);
            double p99Ratio = lookup.p(0.99) / count.p(0.99);
            double saveRatio = autosave.perSecond() / raw.perSecond();
            System.out.println();
            System.out.println("| target                                                        | measured       | met |");
            System.out.println("|---------------------------------------------------------------|----------------|-----|");
            System.out.printf(Locale.ROOT, "| (a) scoring one submission (%d questions), p50 / p99            | %.3f / %.3f ms | —   |%n",
                    QUESTIONS, scoring.p(0.50), scoring.p(0.99));
            System.out.printf(Locale.ROOT, "| (b) percentile lookup ≤ 2× a single indexed count, p50       | %.3f×         | %s |%n", p50Ratio,
                    p50Ratio <= 2 ? "yes" : "NO ");
            System.out.printf(Locale.ROOT, "| (b) percentile lookup ≤ 2× a single indexed count, p99       | %.3f×         | %s |%n", p99Ratio,
                    p99Ratio <= 2 ? "yes" : "NO ");
            System.out.printf(Locale.ROOT, "| (b) for information: reading the group again, p50 / p99       | %.2f× / %.2f×  | —   |%n",
                    groupRead.p(0.50) / count.p(0.50), groupRead.p(0.99) / count.p(0.99));
            System.out.printf(Locale.ROOT, "| (c) autosave ≥ 0.3× the raw single-document update, at %2d    | %.2f×          | %s |%n",
                    concurrency, saveRatio, saveRatio >= 0.3 ? "yes" : "NO ");
            System.out.println("benchmark answer of the measured assessment: " + benchmarkBody.substring(0, Math.min(400, benchmarkBody.length()))
                    + (benchmarkBody.length() > 400 ? "…" : ""));
            boolean broken = scoring.ok() == 0 || lookup.ok() == 0 || count.ok() == 0 || endpoint.ok() == 0 || autosave.ok() == 0
                    || raw.ok() == 0 || groupRead.ok() == 0 || lookup.failed() + count.failed() + groupRead.failed() + endpoint.failed() + autosave.failed() + raw.failed() > 0
                    || !benchmarkBody.contains("\"enoughPeers\":true");
            if (broken) {
                System.out.println("FAILED: an operation failed, none completed, or the measured assessment had no peer figures");
                System.exit(1);
            }
            if (smoke) {
                System.out.println("smoke run: the phases work (targets are for the full run)");
            }
        } finally {
            stop(service);
            client.close();
            issuer.close();
            if (embedded != null) {
                embedded.shutdownNow();
            }
        }
        System.exit(0);
    }

    static int QUESTIONS;

    /** Peers spread over 10 industries and 3 size bands; returns the id of one in industry C, size SMALL. */
    static String insertPeers(MongoCollection<Document> assessments, int peers) {
        Random random = new Random(42);
        Instant now = Instant.now();
        List<Document> batch = new ArrayList<>();
        String me = "asm-bench-me0000";
        for (int i = 0; i < peers; i++) {
            boolean isMe = i == 0;
            String industry = isMe ? "C" : INDUSTRIES[random.nextInt(INDUSTRIES.length)];
            String size = isMe ? "SMALL" : SIZES[random.nextInt(SIZES.length)];
            long e = random.nextInt(1001);
            long s = random.nextInt(1001);
            long g = random.nextInt(1001);
            long overall = isMe ? 650 : (e + s + g) / 3;
            long intensity = random.nextInt(20_000);
            String scorecard = ("{\"year\":%d,\"score\":{\"overall\":%s,\"pillars\":[{\"pillar\":\"E\",\"score\":%s},{\"pillar\":\"S\",\"score\":%s},"
                    + "{\"pillar\":\"G\",\"score\":%s}],\"topics\":[],\"questions\":[]},\"carbon\":{\"tonnesPerEmployee\":%s}}")
                    .formatted(YEAR, tenths(overall), tenths(e), tenths(s), tenths(g), BigDecimal.valueOf(intensity, 3).toPlainString());
            Document answers = new Document();
            answers.put("G04", new Document("valueJson", random.nextBoolean() ? "true" : "false").append("notApplicable", false)
                    .append("revision", 1L).append("cleared", false));
            batch.add(new Document("_id", isMe ? me : "asm-bench-" + i).append("companyId", "cmp-bench-" + i).append("year", YEAR)
                    .append("industry", industry).append("sizeBand", size).append("questionnaireKey", "hk-sme")
                    .append("questionnaireVersion", 1).append("status", "SUBMITTED").append("answers", answers)
                    .append("answersVersion", 1L).append("createdAt", now).append("updatedAt", now).append("submittedAt", now)
                    .append("scorecardJson", scorecard).append("scoreRevision", 1)
                    // as a submission stores them now (no evidence here), so that no start-up backfill runs during the run
                    .append("evidenceCounts", new Document("PENDING", 0).append("ACCEPTED", 0).append("REJECTED", 0))
                    .append("peer", new Document("groups", List.of("hk-sme|" + YEAR + "|" + industry, "hk-sme|" + YEAR + "|" + industry + "|" + size))
                            .append("e", e).append("s", s).append("g", g).append("overall", overall).append("intensity", intensity)));
            if (batch.size() == 1_000 || i == peers - 1) {
                Mono.from(assessments.insertMany(batch)).block(Duration.ofSeconds(120));
                batch = new ArrayList<>();
            }
        }
        return me;
    }

    static String tenths(long value) {
        return BigDecimal.valueOf(value, 1).toPlainString();
    }

    /** Scorecard and footprint of a complete answer set of the shipped questionnaire, in process. */
    static Result scoring(int samples) {
        Questionnaire questionnaire = QuestionnaireLoader.fromClasspath("questionnaires/hk-sme-v1.json");
        ScoringRules rules = ScoringRulesLoader.forQuestionnaire(questionnaire);
        EmissionFactors factors = EmissionFactorsLoader.shipped();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Question q : questionnaire.applicableQuestions("C", SizeBand.SMALL)) {
            Answer answer = switch (q.type()) {
                case YES_NO -> Answer.of(q.id(), Boolean.TRUE);
                case SINGLE_CHOICE -> Answer.of(q.id(), q.choices().getLast().code());
                case MULTIPLE_CHOICE -> Answer.of(q.id(), List.of(q.choices().getFirst().code()));
                case PERCENTAGE -> Answer.of(q.id(), new BigDecimal("40"));
                case NUMBER -> Answer.number(q.id(), new BigDecimal("1200"), q.unit());
                case TEXT -> Answer.of(q.id(), "We recycle paper and review suppliers every year.");
            };
            answers.put(q.id(), answer);
        }
        QUESTIONS = answers.size();
        ScoringInput input = new ScoringInput("C", SizeBand.SMALL, answers, Set.of());
        Task once = () -> List.of(Scorer.score(questionnaire, rules, input), CarbonCalculator.calculate(questionnaire, factors, answers));
        timed(Math.max(200, samples), once);
        return named("(a) scoring one submission (in process)", timed(samples, once));
    }

    static BigDecimal percentile(Mono<PeerDistributions.Distribution> group, long value) {
        return group.map(d -> Percentile.of(d.worse(Figure.OVERALL, value), d.equal(Figure.OVERALL, value), d.size(Figure.OVERALL)))
                .block(Duration.ofSeconds(30));
    }

    static long singleCount(MongoCollection<Document> assessments, String group) {
        return Mono.from(assessments.countDocuments(Filters.and(Filters.eq("peer.groups", group), Filters.gte("peer.overall", 0L))))
                .block(Duration.ofSeconds(30));
    }

    interface Task {
        Object run() throws Exception;
    }

    static Result named(String name, Result r) {
        return new Result(name, r.ok(), r.failed(), r.seconds(), r.latenciesNanos());
    }

    /** One after the other, at most PHASE_LIMIT. */
    static Result timed(int n, Task task) {
        long[] latencies = new long[n];
        int ok = 0;
        int failed = 0;
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        long start = System.nanoTime();
        for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
            long t0 = System.nanoTime();
            try {
                task.run();
                latencies[ok++] = System.nanoTime() - t0;
            } catch (Exception | AssertionError e) {
                if (failed++ < 3) {
                    System.out.println("failed: " + e);
                }
            }
        }
        return new Result("", ok, failed, (System.nanoTime() - start) / 1e9, Arrays.copyOf(latencies, ok));
    }

    /** Each worker saves its own draft's answer E01 from the revision it last stored (so a save never conflicts). */
    static Result autosave(HttpClient http, String base, String[] tokens, String[] drafts, long[] revisions, int total)
            throws InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        Thread[] workers = new Thread[tokens.length];
        long start = System.nanoTime();
        for (int w = 0; w < tokens.length; w++) {
            int worker = w;
            URI uri = URI.create(base + "/api/v1/assessments/" + drafts[w] + "/answers/E01");
            workers[w] = Thread.ofPlatform().start(() -> {
                while (next.getAndIncrement() < total && System.nanoTime() < deadline) {
                    long revision = revisions[worker];
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tokens[worker]).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":" + (revision % 2 == 0) + ",\"baseRevision\":" + revision + "}"))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long t = System.nanoTime() - t0;
                        if (response.statusCode() == 200) {
                            latencies[done.getAndIncrement()] = t;
                            revisions[worker] = revision + 1;
                        } else if (failed.incrementAndGet() <= 3) {
                            System.out.println("save failed: " + response.statusCode() + " " + response.body());
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
        return new Result("(c) autosave through the service (HTTP)", done.get(), failed.get(), (System.nanoTime() - start) / 1e9,
                Arrays.copyOf(latencies, done.get()));
    }

    /** The same conditional single-document update the store makes, straight through the driver. */
    static Result raw(MongoCollection<Document> drafts, int concurrency, long[] revisions, int total) throws InterruptedException {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        Thread[] workers = new Thread[concurrency];
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers[w] = Thread.ofPlatform().start(() -> {
                while (next.getAndIncrement() < total && System.nanoTime() < deadline) {
                    long revision = revisions[worker];
                    var condition = Filters.and(Filters.eq("_id", "raw-" + worker), Filters.eq("status", "DRAFT"),
                            revision == 0 ? Filters.exists("answers.E01", false) : Filters.eq("answers.E01.revision", revision));
                    var update = Updates.combine(Updates.set("answers.E01", new Document("valueJson", Boolean.toString(revision % 2 == 0))
                            .append("notApplicable", false).append("revision", revision + 1).append("cleared", false)
                            .append("updatedAt", Instant.now()).append("updatedBy", "bench")), Updates.set("updatedAt", Instant.now()),
                            Updates.inc("answersVersion", 1L));
                    long t0 = System.nanoTime();
                    try {
                        var result = Mono.from(drafts.updateOne(condition, update)).block(Duration.ofSeconds(30));
                        if (result != null && result.getModifiedCount() == 1) {
                            latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                            revisions[worker] = revision + 1;
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
        return new Result("(c) raw conditional update (driver)", done.get(), failed.get(), (System.nanoTime() - start) / 1e9,
                Arrays.copyOf(latencies, done.get()));
    }

    static void waitReady(HttpClient http, String base, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("assessment-service exited while starting; see " + log);
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
        throw new IllegalStateException("assessment-service was not ready within 180 s; see " + log);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Object expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    static void stop(Process service) {
        if (service == null || !service.isAlive()) {
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
