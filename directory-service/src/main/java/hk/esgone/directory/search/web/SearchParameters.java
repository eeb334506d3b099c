package hk.esgone.directory.search.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import hk.esgone.directory.company.CompanyKind;
import hk.esgone.directory.search.SearchCriteria;
import hk.esgone.directory.search.SearchCriteria.Facet;
import hk.esgone.directory.support.FieldErrors;
import hk.esgone.directory.support.Texts;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import hk.esgone.platform.ids.Ids;

/** Query parameters → {@link SearchCriteria}, refusing what is malformed or unknown with a 400 problem. */
@Component
class SearchParameters {

    static final int MAX_TEXT = 200;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_VALUES = 30;

    private final TaxonomyService taxonomies;

    SearchParameters(TaxonomyService taxonomies) {
        this.taxonomies = taxonomies;
    }

    SearchCriteria parse(MultiValueMap<String, String> params) {
        FieldErrors errors = new FieldErrors();
        FieldErrors unknown = new FieldErrors();
        String text = text(params.getFirst("q"), MAX_TEXT, errors, "q");
        int limit = limit(params.getFirst("limit"), DEFAULT_LIMIT, MAX_LIMIT, errors);
        String sortParam = params.getFirst("sort");
        SearchCriteria.Sort sort = sortParam == null || sortParam.isBlank() ? SearchCriteria.Sort.RELEVANCE
                : SearchCriteria.Sort.fromParam(sortParam.strip());
        if (sort == null) {
            errors.add("sort", "one of relevance, name, score, verified");
            sort = SearchCriteria.Sort.RELEVANCE;
        }
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> values = values(params.get(facet.param()));
            if (values.size() > MAX_VALUES) {
                errors.add(facet.param(), "at most " + MAX_VALUES + " values");
                continue;
            }
            for (String value : values) {
                if (!isKnown(facet, value)) {
                    unknown.add(facet.param(), "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                            + "' is not a known " + facet.param() + " code");
                }
            }
            if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }
        errors.throwIfAny();
        if (!unknown.isEmpty()) {
            throw unknown.toProblem("unknown-taxonomy-code", "Unknown code",
                    "A filter value is not a known code (see GET /api/v1/directory/taxonomies).");
        }
        return new SearchCriteria(text, filters, sort, limit);
    }

    private boolean isKnown(Facet facet, String value) {
        return switch (facet) {
            case KIND -> CompanyKind.parse(value) != null;
            case INDUSTRY -> taxonomies.isKnown(TaxonomyType.INDUSTRIES, value);
            case SECTOR -> taxonomies.isKnown(TaxonomyType.SECTORS, value);
            case LOCATION -> taxonomies.isKnown(TaxonomyType.LOCATIONS, value);
            case CERTIFICATION -> taxonomies.isKnown(TaxonomyType.CERTIFICATIONS, value);
            case LEVEL -> taxonomies.isKnown(TaxonomyType.SCORECARD_LEVELS, value);
            case SOLUTION -> taxonomies.isKnown(TaxonomyType.SOLUTION_CATEGORIES, value);
            case BADGE -> Ids.ACHIEVEMENT.isValid(value);
        };
    }

    /** Repeated parameters and comma-separated lists are both accepted. */
    private static List<String> values(List<String> raw) {
        List<String> values = new ArrayList<>();
        if (raw != null) {
            for (String item : raw) {
                for (String part : item.split(",")) {
                    String value = part.strip();
                    if (!value.isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    /** Plain text: control characters become spaces, runs of spaces one space. Never query syntax. */
    static String text(String raw, int max, FieldErrors errors, String field) {
        String cleaned = Texts.clean(raw);
        if (cleaned == null) {
            return null;
        }
        cleaned = cleaned.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").replaceAll("\\s+", " ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (Texts.length(cleaned) > max) {
            errors.add(field, "at most " + max + " characters");
            return null;
        }
        return cleaned;
    }

    static int limit(String raw, int defaultLimit, int max, FieldErrors errors) {
        if (raw == null || raw.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("limit", "must be a whole number from 1 to " + max);
        return defaultLimit;
    }
}
