package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The start page at / (its headers: GatewaySecurityHeadersTests). */
class GatewayLandingPageTests extends AbstractGatewayTests {

    @Test
    void theStartPageIsHtmlWhateverTheClientAccepts() {
        String page = client.get().uri("/").accept(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-Hant").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();

        // both languages side by side, whichever the client prefers
        assertThat(page).contains("<title>ESG One Marketplace · ESG One 綠色市場</title>",
                "API gateway: every service is reached through it.", "這是市場的 API 閘道",
                "(realm <code>esg-one</code>); the README shows how to get one.");
    }
}
