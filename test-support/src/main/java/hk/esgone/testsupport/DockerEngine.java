package hk.esgone.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can be used: a Docker engine is configured and answers. */
public final class DockerEngine {

    private static Boolean available;

    private DockerEngine() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = probe();
        }
        return available;
    }

    private static boolean probe() {
        // Asking Testcontainers costs seconds on a machine without Docker; look for an engine first.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
