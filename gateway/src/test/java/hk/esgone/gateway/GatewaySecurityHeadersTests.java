package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Headers that protect browsers viewing the badge pages, and the widget iframe that other sites embed. */
class GatewaySecurityHeadersTests extends AbstractGatewayTests {

    static final String HTML = "text/html;charset=utf-8";

    @Test
    void whoeverOpensTheGatewayInABrowserGetsTheBilingualLandingPageNotAProblem() {
        String page = client.get().uri("/").accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'none'"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("ESG One Marketplace", "綠色市場", "href=\"/api/v1/directory/search", "href=\"/v3/api-docs\"");
        assertThat(DIRECTORY.received()).as("the page is the gateway's own").noneMatch(r -> r.pathAndQuery().equals("/"));
    }

    @Test
    void aBadgePageGetsAScriptFreePolicyAndMayNotBeFramed() {
        BADGE.answer("/badges/", 200, HTML, "<!doctype html><p>Valid</p>", Map.of());

        client.get().uri("/badges/b-42").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("script-src"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Permissions-Policy", p -> assertThat(p).contains("camera=()"));
    }

    @Test
    void theWidgetIframeKeepsTheFramingRuleItsServiceSet() {
        String serviceCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors https://acme.example https://*.acme.example";
        BADGE.answer("/widget/badges/", 200, HTML, "<!doctype html><a>badge</a>", Map.of("Content-Security-Policy", serviceCsp));

        client.get().uri("/widget/badges/b-42/frame").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", serviceCsp)
                .expectHeader().doesNotExist("X-Frame-Options")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void aWidgetPageWithoutItsOwnPolicyMayBeFramedByAnySite() {
        BADGE.answer("/widget/badges/", 200, HTML, "<!doctype html><a>badge</a>", Map.of());

        client.get().uri("/widget/badges/b-42/frame").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("frame-ancestors *").doesNotContain("script-src"))
                .expectHeader().doesNotExist("X-Frame-Options");
    }

    @Test
    void aJsonAnswerGetsNosniffButNoPagePolicies() {
        client.get().uri("/api/v1/directory/companies/c-1001").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().doesNotExist("Content-Security-Policy")
                .expectHeader().doesNotExist("X-Frame-Options");
    }
}
