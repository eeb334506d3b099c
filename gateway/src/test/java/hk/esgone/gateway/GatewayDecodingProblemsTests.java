package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.web.RawHttp;

/**
 * Requests the gateway refuses before any filter runs — Netty's decoder limits, malformed headers, a URI that
 * is not a URI — answered with a problem body of a stable type (they had empty bodies), and never forwarded.
 */
class GatewayDecodingProblemsTests extends AbstractGatewayTests {

    @Test
    void aUriOverTheLimitIs414WithAProblem() {
        assertProblem(RawHttp.send(port, "GET /api/v1/directory/companies?q=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost"),
                414, "uri-too-long");
    }

    @Test
    void headersOverTheLimitAre431WithAProblem() {
        assertProblem(RawHttp.send(port, "GET /api/v1/directory/companies HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(20_000)),
                431, "header-fields-too-large");
    }

    @Test
    void badPercentEncodingIs400WithAProblem() {
        assertProblem(RawHttp.send(port, "GET /api/v1/offers/catalogue?q=%ZZ HTTP/1.1\r\nHost: localhost"), 400, "malformed-uri");
        assertProblem(RawHttp.send(port, "GET /api/v1/directory/companies/%G1 HTTP/1.1\r\nHost: localhost"), 400, "malformed-uri");
    }

    @Test
    void aMalformedHeaderIs400WithAProblem() {
        assertProblem(RawHttp.send(port, "GET /api/v1/directory/companies HTTP/1.1\r\nHost: localhost\r\nBad Header: x"),
                400, "malformed-request");
        assertProblem(RawHttp.send(port, "GET /api/v1/directory/companies HTTP/1.1\r\nHost: localhost\r\nNoColonHere"),
                400, "malformed-request");
    }

    @Test
    void aWellFormedRequestStillGoesThrough() {
        assertThat(RawHttp.send(port, "GET /robots.txt?q=%41 HTTP/1.1\r\nHost: localhost").status()).isEqualTo(200);
    }

    private static void assertProblem(RawHttp.Response response, int status, String kind) {
        assertThat(response.status()).as(kind).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(json(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .containsEntry("type", PROBLEM_BASE + kind)
                .containsEntry("status", status)
                .containsKeys("title", "detail");
        assertNoServiceCalled();
    }
}
