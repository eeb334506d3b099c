package hk.esgone.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;

/** Every page links the stylesheet and the script with a fingerprint of their content, and those links serve them. */
class AssetLinksTests extends PageTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/assets/(site\\.(?:css|js))\\?v=([0-9a-f]{10}))\"");

    @Test
    void pagesLinkTheirOwnFilesByContentFingerprintAndTheLinksServeThem() throws java.io.IOException {
        for (String html : new String[] {page("/", 200), page("/no-such-page", 404)}) {
            Matcher links = LINK.matcher(html);
            int found = 0;
            while (links.find()) {
                found++;
                ClassPathResource file = new ClassPathResource("static/assets/" + links.group(2));
                assertThat(links.group(3)).as(links.group(2) + "'s fingerprint").isEqualTo(AssetLinks.fingerprint(file));
                byte[] served = web.get().uri(links.group(1)).exchange().expectStatus().isOk()
                        .expectHeader().value(HttpHeaders.CACHE_CONTROL, v -> assertThat(v).contains("max-age="))
                        .expectBody().returnResult().getResponseBodyContent();
                assertThat(new String(served, StandardCharsets.UTF_8)).isEqualTo(file.getContentAsString(StandardCharsets.UTF_8));
            }
            assertThat(found).as("the stylesheet and the script, each linked once").isEqualTo(2);
            assertThat(html).doesNotContain("\"/assets/site.css\"", "\"/assets/site.js\"");
        }
    }

    @Test
    void aDifferentFileHasADifferentFingerprintAndAnUnknownNameIsRefused() {
        assertThat(AssetLinks.fingerprint(new ClassPathResource("static/assets/site.css")))
                .isNotEqualTo(AssetLinks.fingerprint(new ClassPathResource("static/assets/site.js")));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new AssetLinks().url("other.css"));
    }
}
