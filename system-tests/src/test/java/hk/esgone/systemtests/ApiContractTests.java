package hk.esgone.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import hk.esgone.testsupport.elasticsearch.TestElasticsearch;
import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.mongo.TestMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API contract is a reviewed file: {@code docs/openapi/<service>.json} must equal what the packaged
 * service publishes at {@code /v3/api-docs}. A change to the API shows up in review as a change to that
 * file; to accept one, run {@code ./mvnw -pl system-tests verify -Dtest=ApiContractTests -Dopenapi.update=true}
 * (with the test servers of dev/test) and commit the files it writes.
 */
class ApiContractTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final Map<String, RunningApp> APPS = new TreeMap<>();

    @BeforeAll
    static void start() {
        String issuer = TestKeycloak.issuer();
        String suffix = Long.toString(System.nanoTime());
        APPS.put("directory-service", RunningApp.start("directory-service", Map.of(
                "MONGODB_URI", TestMongo.uri(), "MONGODB_DATABASE", "directory-contract-" + suffix,
                "ELASTICSEARCH_URL", TestElasticsearch.url(), "ESG_DIRECTORY_INDEX_PREFIX", "contract" + suffix,
                "KEYCLOAK_URL", TestKeycloak.url(), "KEYCLOAK_ISSUER", issuer)));
        APPS.put("offers-service", RunningApp.start("offers-service", Map.of(
                "MONGODB_URI", TestMongo.uri(), "MONGODB_DATABASE", "offers-contract-" + suffix, "KEYCLOAK_ISSUER", issuer)));
        APPS.put("badge-service", RunningApp.start("badge-service", Map.of(
                "MONGODB_URI", TestMongo.uri(), "MONGODB_DATABASE", "badges-contract-" + suffix, "KEYCLOAK_ISSUER", issuer,
                "ESG_BADGE_KEY_DIR", tempDir())));
        APPS.put("assessment-service", RunningApp.start("assessment-service", Map.of(
                "MONGODB_URI", TestMongo.uri(), "MONGODB_DATABASE", "assessments-contract-" + suffix, "KEYCLOAK_ISSUER", issuer)));
    }

    @AfterAll
    static void stop() {
        APPS.values().forEach(RunningApp::close);
    }

    /** Benchmark baselines live in bench/, never in a packaged service: a signed-in admin finds nothing there. */
    @ParameterizedTest
    @ValueSource(strings = {"directory-service", "offers-service", "badge-service", "assessment-service"})
    void aPackagedServiceHasNoBenchmarkEndpoints(String service) throws Exception {
        String token = TestKeycloak.demoToken(TestKeycloak.ADMIN);
        for (String path : new String[] {"/bench/constant", "/bench/", "/bench/anything/else"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(APPS.get(service).url() + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s of %s", path, service).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as("GET %s of %s", path, service)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"directory-service", "offers-service", "badge-service", "assessment-service"})
    void thePublishedApiIsTheReviewedContract(String service) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(APPS.get(service).url() + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /v3/api-docs of " + service).isEqualTo(200);
        String published = normalise(response.body());

        Path file = Path.of(System.getProperty("esg.repository.root", "..")).resolve("docs/openapi/" + service + ".json");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, published, StandardCharsets.UTF_8);
        }
        assertThat(file).as("the reviewed contract of " + service + "; write it with -Dopenapi.update=true").exists();
        assertThat(published)
                .as("%s's API differs from %s: review the change and accept it with -Dopenapi.update=true", service, file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Sorted keys and no server URL (it names the random port), so the file only changes when the API does. */
    private static String normalise(String json) {
        JsonNode tree = JSON.readTree(json);
        ((ObjectNode) tree).remove("servers");
        Object sorted = JSON.treeToValue(tree, Object.class);
        return JSON.writeValueAsString(sorted) + "\n";
    }

    private static String tempDir() {
        try {
            Path dir = Files.createTempDirectory("contract-badge-keys-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
