package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What every browser and crawler asks the site for first: {@code /robots.txt} lets search engines index the
 * public pages and keeps them out of the APIs and workspaces; {@code /favicon.ico} is an icon. Both without
 * a token (they answered 401 before), from the gateway itself.
 */
class GatewaySiteFilesTests extends AbstractGatewayTests {

    @Test
    void robotsTxtAllowsThePublicPagesAndDisallowsTheApiAndWorkspaces() {
        byte[] body = client.get().uri("/robots.txt").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("public"))
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, StandardCharsets.UTF_8).lines().toList())
                .contains("User-agent: *")
                .contains("Allow: /badges/", "Allow: /widget/", "Allow: /companies/", "Allow: /offers/")
                .contains("Disallow: /api/", "Disallow: /me/", "Disallow: /workspace/", "Disallow: /admin/")
                .noneMatch(line -> line.equals("Disallow: /") || line.equals("Disallow: /badges/"));
        assertNoServiceCalled();
    }

    @Test
    void theFaviconIsAnIconServedWithoutAToken() {
        byte[] icon = client.get().uri("/favicon.ico").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("image/vnd.microsoft.icon")
                .expectBody().returnResult().getResponseBody();

        // an ICO file: reserved 0, type 1 (icon), at least one image
        assertThat(icon).hasSizeGreaterThan(22).startsWith(0, 0, 1, 0);
        assertThat(icon[4]).isPositive();
        assertNoServiceCalled();
    }

    @Test
    void anInvalidTokenOnThemIsStillRefused() {
        // like every public route: a token that fails is a 401, never treated as anonymous
        assertUnauthorized(client.get().uri("/robots.txt").header("Authorization", "Bearer not-a-token").exchange(), "/robots.txt");
    }
}
