package hk.esgone.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published API is the reviewed file {@code docs/openapi/assessment-service.json}, normalised as system-tests'
 * ApiContractTests does (which checks the packaged service against the same file); this catches a change at module
 * build time. Accept a reviewed change with {@code -Dopenapi.update=true}.
 */
class ApiDocsIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Test
    void thePublishedApiIsTheReviewedContract() throws Exception {
        String body = new String(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody(), StandardCharsets.UTF_8);
        JsonNode tree = SORTED.readTree(body);
        ((ObjectNode) tree).remove("servers");
        String published = SORTED.writeValueAsString(SORTED.treeToValue(tree, Object.class)) + "\n";

        Path file = Path.of(System.getProperty("esg.repository.root", "..")).resolve("docs/openapi/assessment-service.json");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(file, published, StandardCharsets.UTF_8);
        }
        assertThat(file).as("the reviewed contract; write it with -Dopenapi.update=true").exists();
        assertThat(published).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
