package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What browsers on other websites, and on our own front end, may call. */
class GatewayCorsTests extends AbstractGatewayTests {

    static final String SOME_SITE = "https://some-company-site.example";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/v1/directory/companies/c-1001", "GET, /api/v1/directory/search?q=solar",
            "GET, /api/v1/offers/catalogue", "GET, /widget/badge.js", "GET, /badges/b-42",
            "GET, /api/v1/badges/status-lists/revocation/1", "POST, /api/v1/badges/verify", "GET, /v3/api-docs/badge"})
    void anyWebsiteMayPreflightThePublicReadsWithoutCredentials(String method, String path) {
        client.options().uri(path)
                .header(HttpHeaders.ORIGIN, SOME_SITE)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, m -> assertThat(m).contains(method));

        assertNoServiceCalled();
    }

    @Test
    void aWidgetAssetCarriesOneAllowOriginEvenWhenTheServiceSetsItsOwn() {
        BADGE.answer("/widget/badge.js", 200, "text/javascript", "/* widget */",
                Map.of("Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "ETag"));

        HttpHeaders headers = client.get().uri("/widget/badge.js")
                .header(HttpHeaders.ORIGIN, SOME_SITE)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .returnResult(String.class).getResponseHeaders();

        assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly("*");
        assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).hasSize(1);
    }

    @Test
    void ourFrontEndMayPreflightAnAuthenticatedWriteWithCredentials() {
        client.options().uri("/api/v1/offers/o-7/claims")
                .header(HttpHeaders.ORIGIN, OWN_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, OWN_ORIGIN)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        h -> assertThat(h.toLowerCase()).contains("authorization", "idempotency-key"));

        assertNoServiceCalled();
    }

    @Test
    void ourFrontEndGetsCredentialedAnswersOnPublicReadsToo() {
        client.get().uri("/api/v1/directory/companies/c-1001")
                .header(HttpHeaders.ORIGIN, OWN_ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, OWN_ORIGIN)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /api/v1/offers/o-7/claims", "GET, /api/v1/directory/me", "PUT, /api/v1/directory/companies/c-1001",
            "GET, /api/v1/badges/admin/badges"})
    void anotherWebsiteMayNotPreflightTheRest(String method, String path) {
        assertCorsRefused(client.options().uri(path)
                .header(HttpHeaders.ORIGIN, SOME_SITE)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange(), path);

        assertNoServiceCalled();
    }

    @Test
    void anotherWebsitesAuthenticatedRequestIsRefusedBeforeItReachesTheService() {
        assertCorsRefused(client.method(HttpMethod.GET).uri("/api/v1/directory/me")
                .header(HttpHeaders.ORIGIN, SOME_SITE)
                .header(HttpHeaders.AUTHORIZATION, bearer(smeToken()))
                .exchange(), "/api/v1/directory/me");

        assertNoServiceCalled();
    }

    /** A refusal is a 403 problem without any Allow-Origin. */
    private static void assertCorsRefused(WebTestClient.ResponseSpec response, String path) {
        response.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertProblem(response, HttpStatus.FORBIDDEN, "cors-refused", path);
    }
}
