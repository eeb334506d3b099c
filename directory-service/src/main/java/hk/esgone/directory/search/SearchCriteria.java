package hk.esgone.directory.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validated, normalised search: free text, filters per facet (values OR-ed within a facet, facets
 * AND-ed), sort and page size. Its fingerprint ties a cursor to the search it came from.
 */
public record SearchCriteria(String text, Map<Facet, List<String>> filters, Sort sort, int limit) {

    public enum Facet {
        KIND("kind"), INDUSTRY("industry"), SECTOR("sector"), LOCATION("location"), CERTIFICATION("certification"),
        BADGE("badge"), LEVEL("level"), SOLUTION("solution");

        private final String param;

        Facet(String param) {
            this.param = param;
        }

        /** The query parameter and the key in the {@code facets} answer. */
        public String param() {
            return param;
        }
    }

    public enum Sort {
        RELEVANCE("relevance"), NAME("name"), SCORE("score"), VERIFIED("verified");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        public static Sort fromParam(String value) {
            for (Sort s : values()) {
                if (s.param.equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    public SearchCriteria {
        Map<Facet, List<String>> sorted = new TreeMap<>();
        filters.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                sorted.put(facet, values.stream().distinct().sorted().toList());
            }
        });
        filters = java.util.Collections.unmodifiableMap(sorted);
    }

    public List<String> values(Facet facet) {
        return filters.getOrDefault(facet, List.of());
    }

    /** Stable across requests for the same search (any page); differs when anything but the page changes. */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder().append(text == null ? "" : text).append('\u0000').append(sort.param());
        filters.forEach((facet, values) -> canonical.append('\u0000').append(facet.param()).append('=').append(String.join(",", values)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
