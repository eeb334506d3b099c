package hk.esgone.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * One of our packaged applications ({@code <module>/target/<module>-*-exec.jar}) running as its own
 * process on a free loopback port, exactly as {@code dev/stack} runs it. Stopped by {@link #close()}
 * and, as a safety net, when the test JVM exits.
 */
final class RunningApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String module;
    final int port;
    final Path log;
    private final Process process;

    private RunningApp(String module, int port, Path log, Process process) {
        this.module = module;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static RunningApp start(String module, Map<String, String> env) {
        try {
            return start(module, freePort(), env, Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        }
    }

    /**
     * Starts several applications at once, each on the port given with it (so that their URLs can be passed to
     * each other before any of them runs), and waits until all are ready; if one fails, the others are stopped.
     * Startup is slower when they compete for the CPU, hence the longer wait.
     */
    static Map<String, RunningApp> startAll(Map<String, Integer> ports, Map<String, Map<String, String>> envs) {
        Map<String, CompletableFuture<RunningApp>> starting = new LinkedHashMap<>();
        ports.forEach((module, port) -> starting.put(module, CompletableFuture.supplyAsync(
                () -> start(module, port, envs.getOrDefault(module, Map.of()), Duration.ofSeconds(300)),
                runnable -> Thread.ofPlatform().name("start-" + module).start(runnable))));
        Map<String, RunningApp> started = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (var entry : starting.entrySet()) {
            try {
                started.put(entry.getKey(), entry.getValue().join());
            } catch (CompletionException e) {
                failure = failure == null ? new IllegalStateException("could not start " + entry.getKey(), e.getCause()) : failure;
            }
        }
        if (failure != null) {
            started.values().forEach(RunningApp::close);
            throw failure;
        }
        return started;
    }

    private static RunningApp start(String module, int port, Map<String, String> env, Duration readiness) {
        try {
            Path root = Path.of(System.getProperty("esg.repository.root", "..")).toAbsolutePath().normalize();
            Path jar;
            try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
                jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no -exec.jar of " + module + "; build it first (mvnw package)"));
            }
            Path log = root.resolve("system-tests/target/" + module + "-" + port + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("BIND_ADDRESS", "127.0.0.1");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            RunningApp app = new RunningApp(module, port, log, process);
            app.awaitReady(readiness);
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited while starting; its log: " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(module + " was not ready within " + timeout + "; its log: " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
