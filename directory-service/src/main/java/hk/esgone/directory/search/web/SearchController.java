package hk.esgone.directory.search.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.directory.badges.BadgeCatalog;
import hk.esgone.directory.company.CompanyKind;
import hk.esgone.directory.company.web.CompanyViews;
import hk.esgone.directory.company.web.CompanyViews.BadgeView;
import hk.esgone.directory.company.web.CompanyViews.CertificationView;
import hk.esgone.directory.company.web.CompanyViews.CodeLabel;
import hk.esgone.directory.company.web.CompanyViews.LocationView;
import hk.esgone.directory.company.web.CompanyViews.ScorecardView;
import hk.esgone.directory.search.CompanySearchService;
import hk.esgone.directory.search.SearchCriteria;
import hk.esgone.directory.search.SearchCriteria.Facet;
import hk.esgone.directory.search.SearchHit;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.support.FieldErrors;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import reactor.core.publisher.Mono;

/**
 * The public directory search: no token needed, only published companies. Highlights are HTML with
 * the matched words in {@code <em>}; everything else in them is HTML-escaped, so they can be inserted
 * as markup safely.
 */
@RestController
class SearchController {

    record FacetValue(String code, Bilingual label, long count, boolean selected) {
    }

    record Total(long value, String relation) {
    }

    record CompanyHit(String id, String kind, Bilingual kindLabel, Bilingual name, Bilingual description,
                      CodeLabel industry, CodeLabel sector, List<LocationView> locations, CodeLabel sizeBand,
                      List<CertificationView> certifications, List<BadgeView> badges, ScorecardView scorecard,
                      List<CodeLabel> solutionCategories, String website, String logoUrl, Instant lastVerifiedAt,
                      Map<String, List<String>> highlights) {
    }

    record SearchAnswer(List<CompanyHit> items, Total total, Map<String, List<FacetValue>> facets, String nextCursor,
                        String sort, int limit) {
    }

    record Suggestion(String id, String kind, Bilingual name, Map<String, List<String>> highlights) {
    }

    record Suggestions(List<Suggestion> items) {
    }

    private final CompanySearchService search;
    private final SearchParameters parameters;
    private final CompanyViews views;
    private final TaxonomyService taxonomies;
    private final BadgeCatalog badges;

    SearchController(CompanySearchService search, SearchParameters parameters, CompanyViews views,
                     TaxonomyService taxonomies, BadgeCatalog badges) {
        this.search = search;
        this.parameters = parameters;
        this.views = views;
        this.taxonomies = taxonomies;
        this.badges = badges;
    }

    @GetMapping("/api/v1/directory/search")
    Mono<SearchAnswer> search(@RequestParam MultiValueMap<String, String> params) {
        SearchCriteria criteria = parameters.parse(params);
        String cursor = params.getFirst("cursor");
        return search.search(criteria, cursor == null || cursor.isBlank() ? null : cursor)
                .map(result -> new SearchAnswer(
                        result.hits().stream().map(this::hit).toList(),
                        new Total(result.total(), result.totalIsLowerBound() ? "gte" : "eq"),
                        facets(criteria, result.facets()),
                        result.nextCursor(), criteria.sort().param(), criteria.limit()));
    }

    @GetMapping("/api/v1/directory/search/autocomplete")
    Mono<Suggestions> autocomplete(@RequestParam MultiValueMap<String, String> params) {
        FieldErrors errors = new FieldErrors();
        String text = SearchParameters.text(params.getFirst("q"), 100, errors, "q");
        int limit = SearchParameters.limit(params.getFirst("limit"), 8, 20, errors);
        errors.throwIfAny();
        if (text == null) {
            return Mono.just(new Suggestions(List.of()));
        }
        return search.autocomplete(text, limit).map(hits -> new Suggestions(hits.stream()
                .map(h -> new Suggestion(h.id(), h.kind(), h.name(), h.highlights()))
                .toList()));
    }

    private CompanyHit hit(SearchHit d) {
        CompanyKind kind = CompanyKind.parse(d.kind());
        return new CompanyHit(d.id(), d.kind(), kind == null ? null : kind.label(), d.name(), shorten(d.description()),
                views.code(TaxonomyType.INDUSTRIES, d.industry()), views.code(TaxonomyType.SECTORS, d.sector()),
                views.locations(d.locations()), views.code(TaxonomyType.SIZE_BANDS, d.sizeBand()),
                views.certifications(d.certifications()), views.badges(d.badges()), views.searchScorecard(d.scorecard()),
                d.solutionCategories() == null ? List.of() : d.solutionCategories().stream()
                        .map(c -> views.code(TaxonomyType.SOLUTION_CATEGORIES, c)).toList(),
                d.website(), d.logoUrl(), d.lastVerifiedAt(), d.highlights());
    }

    private static Bilingual shorten(Bilingual text) {
        if (text == null) {
            return null;
        }
        return new Bilingual(shorten(text.en(), 300), shorten(text.zhHant(), 150));
    }

    private static String shorten(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "…";
    }

    private Map<String, List<FacetValue>> facets(SearchCriteria criteria, Map<Facet, Map<String, Long>> counts) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Map<String, Long> facetCounts = counts.getOrDefault(facet, Map.of());
            List<String> selected = criteria.values(facet);
            List<FacetValue> values = new ArrayList<>();
            facetCounts.forEach((code, count) -> values.add(new FacetValue(code, label(facet, code), count, selected.contains(code))));
            // a selected value with no hits still shows, with 0
            for (String code : selected) {
                if (!facetCounts.containsKey(code)) {
                    values.add(new FacetValue(code, label(facet, code), 0, true));
                }
            }
            facets.put(facet.param(), values);
        }
        return facets;
    }

    private Bilingual label(Facet facet, String code) {
        return switch (facet) {
            case KIND -> {
                CompanyKind kind = CompanyKind.parse(code);
                yield kind == null ? Bilingual.of(code, code) : kind.label();
            }
            case INDUSTRY -> taxonomies.label(TaxonomyType.INDUSTRIES, code);
            case SECTOR -> taxonomies.label(TaxonomyType.SECTORS, code);
            case LOCATION -> taxonomies.label(TaxonomyType.LOCATIONS, code);
            case CERTIFICATION -> taxonomies.label(TaxonomyType.CERTIFICATIONS, code);
            case LEVEL -> taxonomies.label(TaxonomyType.SCORECARD_LEVELS, code);
            case SOLUTION -> taxonomies.label(TaxonomyType.SOLUTION_CATEGORIES, code);
            case BADGE -> badges.name(code);
        };
    }
}
