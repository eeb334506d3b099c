package hk.esgone.gateway.landing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The start page's texts: both bundles have the same keys, and every key the template uses is in them. */
class LandingPageTextsTests {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Map<String, String> english = LandingPageController.texts(java.util.Locale.ROOT);
        Map<String, String> chinese = LandingPageController.texts(LandingPageController.ZH_HANT);

        assertThat(chinese.keySet()).isEqualTo(english.keySet());
        assertThat(chinese.get("landing.title")).isEqualTo("ESG One 綠色市場");
        assertThat(english.get("landing.title")).isEqualTo("ESG One Marketplace");
    }

    @Test
    void everyKeyTheTemplateUsesExists() throws IOException {
        String template = new ClassPathResource("templates/landing.html").getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> english = LandingPageController.texts(java.util.Locale.ROOT);
        Matcher keys = Pattern.compile("\\$\\{(?:en|zh)\\['([^']+)']}").matcher(template);
        int used = 0;
        while (keys.find()) {
            assertThat(english).as("text of the template").containsKey(keys.group(1));
            used++;
        }
        assertThat(used).isGreaterThan(10);
    }
}
