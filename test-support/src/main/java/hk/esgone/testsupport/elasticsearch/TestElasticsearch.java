package hk.esgone.testsupport.elasticsearch;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import hk.esgone.testsupport.DockerEngine;

/**
 * The Elasticsearch the integration tests talk to: {@code ELASTICSEARCH_URL} when set (dev/test starts a real node
 * from the integ-test-zip distribution, with the es-analysis-plugin, and sets it); otherwise, when a Docker engine is
 * reachable, the official image, started once per JVM; otherwise none. Tests should use their own index names.
 */
public final class TestElasticsearch {

    /** Keep in step with elasticsearch.version in the root pom. */
    static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.5.3";

    private static String url;

    private TestElasticsearch() {
    }

    /** The base URL, e.g. {@code http://127.0.0.1:19200}, without a trailing slash. */
    public static synchronized String url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    private static String resolve() {
        String fromEnv = System.getenv("ELASTICSEARCH_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.endsWith("/") ? fromEnv.substring(0, fromEnv.length() - 1) : fromEnv;
        }
        if (DockerEngine.available()) {
            @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=1s").forPort(9200)
                    .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));
            container.start();
            return "http://" + container.getHost() + ":" + container.getMappedPort(9200);
        }
        throw new IllegalStateException(
            "No Elasticsearch: run the tests with ./dev/test (starts one), or set ELASTICSEARCH_URL");
    }

}
