package hk.esgone.badge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import hk.esgone.badge.verify.Check;
import hk.esgone.badge.verify.VerificationStatus;

/** Both languages have every text, and every text a template asks for exists. */
class MessageBundlesTests {

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)}");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{(\\$\\{[^}]*})}");

    /** The keys of each computed message expression the templates use: the values its expression can take. */
    private static final Map<String, List<String>> DYNAMIC = Map.of(
            "${'banner.' + badge.status}", prefixed("banner.", Arrays.stream(VerificationStatus.values()).map(Enum::name)),
            "${'check.' + c.check}", prefixed("check.", Stream.of("RECORD", "SIGNATURE", "VALIDITY_PERIOD", "REVOCATION", "SUSPENSION")),
            "${c.outcome}", Arrays.stream(Check.Outcome.values()).map(Enum::name).toList(),
            "${row.label}", List.of("issuedAt", "validFrom", "validUntil", "checkedAt"));

    /** Keys Java looks up (Texts) by name or by family. */
    private static final List<String> USED_BY_JAVA = Stream.of(
            prefixed("status.", Arrays.stream(VerificationStatus.values()).map(Enum::name)),
            prefixed("banner.", Arrays.stream(VerificationStatus.values()).map(Enum::name)),
            List.of("holder", "validUntil", "notFoundTitle", "notFoundText", "notAllowed", "widget.valid", "widget.notValid",
                    "format.date", "format.time", "issuerName"),
            Stream.of("RECORD", "SIGNATURE", "VALIDITY_PERIOD", "REVOCATION", "SUSPENSION")
                    .flatMap(check -> Stream.of("detail." + check + ".PASSED", "detail." + check + ".FAILED")).toList())
            .flatMap(List::stream).toList();

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Properties en = bundle("messages/messages.properties");
        Properties zh = bundle("messages/messages_zh_Hant.properties");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(en.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(zh.getProperty(key)).as("Chinese " + key).isNotBlank();
        }
    }

    @Test
    void everyKeyATemplateOrTheCodeUsesExists() throws IOException {
        Set<String> keys = bundle("messages/messages.properties").stringPropertyNames();
        Map<String, String> templates = templates();
        assertThat(templates).containsKeys("page/badge.html", "widget/frame.html", "widget/badge.svg");
        Set<String> used = new TreeSet<>(USED_BY_JAVA);
        templates.forEach((name, text) -> {
            Matcher fixed = STATIC_KEY.matcher(text);
            while (fixed.find()) {
                used.add(fixed.group(1));
            }
            Matcher computed = DYNAMIC_KEY.matcher(text);
            while (computed.find()) {
                assertThat(DYNAMIC).as("a computed message key in %s: list the keys it can take in this test", name)
                        .containsKey(computed.group(1));
                used.addAll(DYNAMIC.get(computed.group(1)));
            }
        });
        assertThat(used).hasSizeGreaterThan(30);
        assertThat(keys).containsAll(used);
    }

    private static List<String> prefixed(String prefix, Stream<String> names) {
        return names.map(n -> prefix + n).toList();
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Map<String, String> templates() throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/templates/**/*.*")) {
            String url = resource.getURL().toString();
            String name = url.substring(url.indexOf("/templates/") + "/templates/".length());
            try (InputStream in = resource.getInputStream()) {
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
