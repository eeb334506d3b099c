package hk.esgone.directory.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import hk.esgone.directory.search.store.PlaceNames;
import hk.esgone.directory.taxonomy.TaxonomyEntry;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;

/**
 * Recognises locations and certifications named in free text ("Kwun Tong", "觀塘", "14001") so that
 * companies that really are there, or really hold the certificate now, rank first. Only boosts: the
 * text match itself is unchanged, and nothing the user typed is ever interpreted as query syntax.
 */
@Component
class QueryHints {

    private static final Pattern DIGITS = Pattern.compile("\\d{4,}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}]+");
    private static final Pattern ACRONYM = Pattern.compile("^[A-Z][A-Za-z]{2,}$");

    private final TaxonomyService taxonomies;

    QueryHints(TaxonomyService taxonomies) {
        this.taxonomies = taxonomies;
    }

    record Hints(List<String> locations, List<String> certifications) {
        boolean isEmpty() {
            return locations.isEmpty() && certifications.isEmpty();
        }
    }

    /** What each code is recognised by, derived once per taxonomy generation. */
    private record Keys(long generation, Map<String, Set<String>> locations, Map<String, Set<String>> certifications) {
    }

    private volatile Keys keys = new Keys(-1, Map.of(), Map.of());

    Hints detect(String text) {
        if (text == null || text.isBlank()) {
            return new Hints(List.of(), List.of());
        }
        Keys current = keys();
        String query = " " + SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        List<String> locations = new ArrayList<>();
        current.locations().forEach((code, k) -> {
            if (mentions(query, k)) {
                locations.add(code);
            }
        });
        List<String> certifications = new ArrayList<>();
        current.certifications().forEach((code, k) -> {
            if (mentions(query, k)) {
                certifications.add(code);
            }
        });
        return new Hints(locations, certifications);
    }

    private Keys keys() {
        Keys current = keys;
        long generation = taxonomies.generation();
        if (current.generation() != generation) {
            Map<String, Set<String>> locations = new LinkedHashMap<>();
            taxonomies.entries(TaxonomyType.LOCATIONS).forEach(e -> locations.put(e.code(), locationKeys(e)));
            Map<String, Set<String>> certifications = new LinkedHashMap<>();
            taxonomies.entries(TaxonomyType.CERTIFICATIONS).forEach(e -> certifications.put(e.code(), certificationKeys(e)));
            current = new Keys(generation, locations, certifications);
            keys = current;
        }
        return current;
    }

    private static boolean mentions(String query, Set<String> keys) {
        for (String key : keys) {
            if (key.isEmpty()) {
                continue;
            }
            boolean cjk = key.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
            if (cjk ? query.contains(key) : query.contains(" " + key + " ")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> locationKeys(TaxonomyEntry entry) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : PlaceNames.of(entry.code())) {
            keys.add(name.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) ? name : normalize(name));
        }
        if (entry.label().en() != null) {
            keys.add(normalize(entry.label().en()));
        }
        String zh = entry.label().zhHant();
        if (zh != null) {
            keys.add(zh);
            if (zh.length() >= 3 && zh.endsWith("區")) {
                keys.add(zh.substring(0, zh.length() - 1));
            }
        }
        return keys;
    }

    private static Set<String> certificationKeys(TaxonomyEntry entry) {
        Set<String> keys = new LinkedHashSet<>();
        String en = entry.label().en();
        if (en != null) {
            keys.add(normalize(en));
            Matcher digits = DIGITS.matcher(en);
            while (digits.find()) {
                keys.add(digits.group());
            }
            String first = en.split("[\\s(-]+")[0];
            if (ACRONYM.matcher(first).matches() && !first.equalsIgnoreCase("iso")) {
                keys.add(first.toLowerCase(Locale.ROOT));
            }
            if (!DIGITS.matcher(en).find() && !ACRONYM.matcher(first).matches()) {
                keys.add(normalize(en));
            }
        }
        if (entry.label().zhHant() != null) {
            keys.add(entry.label().zhHant());
        }
        return keys;
    }

    private static String normalize(String text) {
        return SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
