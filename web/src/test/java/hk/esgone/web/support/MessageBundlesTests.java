package hk.esgone.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text of the portal exists in English and Traditional Chinese: each bundle has the same keys in both
 * languages, and every literal key a template uses ({@code #{key}}) is in the English bundles.
 */
class MessageBundlesTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.\\-]*)[}(]");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path english : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path chinese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_zh_Hant.properties"));
                assertThat(chinese).as("the Chinese bundle of " + english).exists();
                assertThat(load(chinese).stringPropertyNames()).as(chinese.toString())
                        .containsExactlyInAnyOrderElementsOf(load(english).stringPropertyNames());
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path english : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                keys.addAll(load(english).stringPropertyNames());
            }
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher key = LITERAL_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    if (!keys.contains(key.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
