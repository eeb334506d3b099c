import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for loopback only: CONCURRENCY workers each send GETs back to back for a fixed time
 * (after a warm-up) and record every latency. Prints one table row per endpoint and the share of the first one
 * (the constant-bytes baseline). Usage: java Load.java BASE_URL CONCURRENCY WARMUP_S MEASURE_S PATH...
 */
public class Load {

    record Result(String path, long requests, long errors, double seconds, long[] latenciesNanos) {
        double rps() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1_000_000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!URI.create(base).getHost().equals("127.0.0.1") && !URI.create(base).getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only");
        }
        int concurrency = Integer.parseInt(args[1]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[3]));
        List<Result> results = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        // warm every path first (JIT, connection pool, caches), then measure each in turn
        for (int i = 4; i < args.length; i++) {
            run(client, base + args[i], concurrency, warmup);
        }
        for (int i = 4; i < args.length; i++) {
            results.add(run(client, base + args[i], concurrency, measure));
        }
        double baseline = results.getFirst().rps();
        System.out.printf("%n%-58s %10s %8s %10s %9s %9s %9s%n", "endpoint (concurrency " + concurrency + ")", "requests", "errors",
                "req/s", "p50 ms", "p99 ms", "share");
        for (Result r : results) {
            System.out.printf("%-58s %10d %8d %10.0f %9.2f %9.2f %8.0f%%%n", r.path(), r.requests(), r.errors(), r.rps(),
                    r.percentileMillis(50), r.percentileMillis(99), 100 * r.rps() / baseline);
        }
        List<Result> failed = results.stream().filter(r -> r.errors() > 0 || r.requests() == 0).toList();
        if (!failed.isEmpty()) {
            System.out.println("FAILED: errors or no answers on " + failed.stream().map(Result::path).toList());
            System.exit(1);
        }
        System.exit(0);
    }

    static Result run(HttpClient client, String url, int concurrency, Duration duration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build();
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        long[][] perWorker = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                int worker = w;
                workers.submit(() -> {
                    long[] latencies = new long[1 << 14];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200 && errors.incrementAndGet() <= 3) {
                                System.out.println("error on " + url + ": HTTP " + response.statusCode());
                            }
                        } catch (Exception e) {
                            if (errors.incrementAndGet() <= 3) {
                                System.out.println("error on " + url + ": " + e);
                            }
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                    perWorker[worker] = latencies;
                    counts[worker] = n;
                    done.countDown();
                });
            }
            done.await();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(perWorker[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Result(URI.create(url).getPath(), total, errors.get(), seconds, all);
    }
}
