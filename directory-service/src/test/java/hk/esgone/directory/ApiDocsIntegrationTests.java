package hk.esgone.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import hk.esgone.directory.support.DirectoryTestProperties;
import hk.esgone.directory.support.FakeKeycloakConfig;
import hk.esgone.directory.support.TcpProxy;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published API is the reviewed file {@code docs/openapi/directory-service.json}, normalised as system-tests'
 * ApiContractTests does (which checks the packaged service against the same file); this catches a change at module
 * build time. Accept a reviewed change with {@code -Dopenapi.update=true}. No Elasticsearch is needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FakeKeycloakConfig.class)
class ApiDocsIntegrationTests {

    static final TestTokenIssuer issuer = new TestTokenIssuer();
    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DirectoryTestProperties.register(registry, issuer, "apidocs", "http://127.0.0.1:" + TcpProxy.freePort(),
                DirectoryTestProperties.indexPrefix("apidocs"));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Test
    void thePublishedApiIsTheReviewedContract() throws Exception {
        String body = new String(TestWebClients.unpooled(port).get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        JsonNode tree = SORTED.readTree(body);
        ((ObjectNode) tree).remove("servers");
        String published = SORTED.writeValueAsString(SORTED.treeToValue(tree, Object.class)) + "\n";

        Path file = Path.of(System.getProperty("esg.repository.root", "..")).resolve("docs/openapi/directory-service.json");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(file, published, StandardCharsets.UTF_8);
        }
        assertThat(file).as("the reviewed contract; write it with -Dopenapi.update=true").exists();
        assertThat(published).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
