package hk.esgone.directory.search.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Other names people type for places, beside the taxonomy's English and Traditional Chinese labels
 * ({@code search/place-names.tsv}: Simplified Chinese, romanisations, English names). They are indexed with each
 * company's locations, so that "Macau packaging" finds packaging companies in Macao, and {@code QueryHints} recognises
 * them in search text.
 */
public final class PlaceNames {

    private static final Map<String, List<String>> NAMES = load();

    private PlaceNames() {
    }

    /** The other names of the location {@code code}, none when it has none. */
    public static List<String> of(String code) {
        return NAMES.getOrDefault(code, List.of());
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        try (InputStream in = PlaceNames.class.getResourceAsStream("/search/place-names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("search/place-names.tsv is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\t");
                names.put(parts[0], List.of(parts).subList(1, parts.length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search/place-names.tsv cannot be read", e);
        }
        return Map.copyOf(names);
    }
}
