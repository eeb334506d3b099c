package hk.esgone.testsupport.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis ({@code redis-server} from the Debian package) on a free loopback port, without persistence, for
 * one test class: {@link #start()} in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}. Where
 * {@code redis-server} is not installed the test is skipped — except under {@code CI=true}, where that fails it
 * ({@code .ci/run} installs it).
 */
public final class TestRedis implements AutoCloseable {

    private static final Path SERVER = Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")
            .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);

    private final int port;
    private Process process;

    public TestRedis() {
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it accepts connections. */
    public TestRedis start() {
        if (SERVER == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("redis-server is not installed (apt-get install redis-server): CI must run this test");
            }
            Assumptions.abort("redis-server is not installed (apt-get install redis-server); CI installs it and runs this test");
        }
        try {
            process = new ProcessBuilder(SERVER.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "yes")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return this;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("redis-server did not start on port " + port);
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server; what it held is gone. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
