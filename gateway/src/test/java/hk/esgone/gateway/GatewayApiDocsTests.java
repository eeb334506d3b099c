package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

/** The services' OpenAPI documents, in one place at the gateway. */
class GatewayApiDocsTests extends AbstractGatewayTests {

    @ParameterizedTest
    @ValueSource(strings = {"directory", "offers", "badge", "assessment"})
    void eachServicesDocumentIsServedAnonymouslyFromItsApiDocs(String service) {
        FakeUpstream upstream = switch (service) {
            case "directory" -> DIRECTORY;
            case "offers" -> OFFERS;
            case "assessment" -> ASSESSMENT;
            default -> BADGE;
        };
        String document = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\",\"version\":\"v0\"},"
                + "\"servers\":[{\"url\":\"http://127.0.0.1:8081\",\"description\":\"Generated server url\"}],\"paths\":{}}";
        upstream.answer("/v3/api-docs", 200, "application/json", document, Map.of());

        // the same document, except that its server is the gateway (the service's own address is internal)
        client.get().uri("/v3/api-docs/" + service).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .expectBody().json("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\",\"version\":\"v0\"},"
                        + "\"servers\":[{\"url\":\"/\",\"description\":\"ESG One gateway\"}],\"paths\":{}}", true);

        assertThat(upstream.onlyRequest().pathAndQuery()).isEqualTo("/v3/api-docs");
    }

    @Test
    void theIndexListsTheFourDocuments() {
        byte[] body = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .expectBody().returnResult().getResponseBodyContent();

        assertThat(json(body).get("urls")).isEqualTo(List.of(
                Map.of("name", "directory", "url", "/v3/api-docs/directory"),
                Map.of("name", "offers", "url", "/v3/api-docs/offers"),
                Map.of("name", "badge", "url", "/v3/api-docs/badge"),
                Map.of("name", "assessment", "url", "/v3/api-docs/assessment")));
        assertNoServiceCalled();
    }

    @Test
    void onlyTheFourDocumentsAreRoutedNotOtherPathsOfTheServices() {
        assertProblem(client.get().uri("/v3/api-docs/directory/swagger-config").exchange(),
                org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "/v3/api-docs/directory/swagger-config");
        assertNoServiceCalled();
    }
}
