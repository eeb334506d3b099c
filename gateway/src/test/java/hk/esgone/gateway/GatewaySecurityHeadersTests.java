package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Headers that protect browsers viewing the badge pages, and the widget iframe that other sites embed. */
class GatewaySecurityHeadersTests extends AbstractGatewayTests {

    static final String HTML = "text/html;charset=utf-8";

    @Test
    void whoeverOpensTheGatewayInABrowserGetsThePortalWithThePortalsOwnPolicy() {
        String portalCsp = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'";
        WEB.answer("/", 200, HTML, "<!doctype html><h1>ESG One</h1>", Map.of("Content-Security-Policy", portalCsp));

        String page = client.get().uri("/").accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", portalCsp)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>ESG One</h1>");
        assertThat(WEB.received()).as("the page is the portal's").anyMatch(r -> r.pathAndQuery().equals("/"));
    }

    @Test
    void thePortalsFormsPassWithoutATokenButTheApisStillNeedOne() {
        WEB.answer("/sign-out", 302, "text/plain", "", Map.of("Location", "/"));

        client.post().uri("/sign-out").exchange().expectStatus().isFound();
        client.post().uri("/api/v1/offers/off-x/claims").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/directory/me").exchange().expectStatus().isUnauthorized();

        assertThat(WEB.received()).extracting(r -> r.method() + " " + r.pathAndQuery()).containsExactly("POST /sign-out");
        assertThat(OFFERS.received()).isEmpty();
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
