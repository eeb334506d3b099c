package hk.esgone.web.search.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.web.search.SupplierSearch;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * Supplier search: a plain GET form whose URL is the whole state (text, facets, sort, page), so it is shareable,
 * the back button works and JavaScript is optional; htmx only swaps the results when a facet changes
 * ({@code HX-Request} → the {@code results} fragment) and fills the autocomplete list. Input the directory refuses
 * (unknown codes, an expired or altered page link) is explained on the page, with a way back.
 */
@Controller
class SearchPageController {

    private static final int MAX_TEXT = 200;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,80}");

    private final SupplierSearch search;

    SearchPageController(SupplierSearch search) {
        this.search = search;
    }

    /** A link to this search with one facet value removed (the "drop a filter" offers of an empty result). */
    public record Dropping(String facet, String code, String href) {
    }

    @GetMapping("/search")
    Mono<Rendering> search(@RequestParam MultiValueMap<String, String> params,
                           @RequestHeader(name = "HX-Request", required = false) String htmx) {
        SupplierSearch.Query query = query(params);
        String view = "true".equals(htmx) ? "search/search :: results" : "search/search";
        return search.search(query)
                .map(result -> page(view, query, result, null, HttpStatus.OK))
                .onErrorResume(ServiceFailure.class, failure -> failure.serviceDown()
                        ? Mono.error(failure)
                        : Mono.just(page(view, query, null, problem(failure), HttpStatus.BAD_REQUEST)));
    }

    @GetMapping("/search/suggest")
    Mono<Rendering> suggest(@RequestParam(required = false) String q) {
        String text = clean(q);
        if (text == null || text.codePointCount(0, text.length()) < 1) {
            return Mono.just(Rendering.view("search/suggest :: list").modelAttribute("suggestions", List.of()).build());
        }
        return search.suggest(text)
                .onErrorResume(ServiceFailure.class, failure -> Mono.just(List.of()))
                .map(hits -> Rendering.view("search/suggest :: list").modelAttribute("suggestions", hits).build());
    }

    private static Rendering page(String view, SupplierSearch.Query query, SupplierSearch.Result result, String problem,
                                  HttpStatus status) {
        return Rendering.view(view)
                .modelAttribute("query", query)
                .modelAttribute("result", result)
                .modelAttribute("problem", problem)
                .modelAttribute("facets", SupplierSearch.FACETS)
                .modelAttribute("sorts", SupplierSearch.SORTS)
                .modelAttribute("dropping", dropping(query))
                .modelAttribute("nextPage", result == null || result.nextCursor() == null ? null : href(query, result.nextCursor()))
                .status(status)
                .build();
    }

    static SupplierSearch.Query query(MultiValueMap<String, String> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : SupplierSearch.FACETS) {
            List<String> values = new ArrayList<>();
            for (String raw : params.getOrDefault(facet, List.of())) {
                for (String part : raw.split(",")) {
                    String value = part.strip();
                    if (CODE.matcher(value).matches() && !values.contains(value) && values.size() < 30) {
                        values.add(value);
                    }
                }
            }
            if (!values.isEmpty()) {
                filters.put(facet, List.copyOf(values));
            }
        }
        String sort = params.getFirst("sort");
        String cursor = params.getFirst("cursor");
        List<String> compare = params.getOrDefault("compare", List.of()).stream()
                .filter(id -> id != null && hk.esgone.platform.ids.Ids.COMPANY.isValid(id)).distinct().limit(3).toList();
        return new SupplierSearch.Query(clean(params.getFirst("q")), filters,
                sort != null && SupplierSearch.SORTS.contains(sort) && !"relevance".equals(sort) ? sort : null,
                cursor != null && cursor.length() <= 2000 && !cursor.isBlank() ? cursor : null,
                "true".equals(params.getFirst("validCertification")), "true".equals(params.getFirst("validBadge")), compare);
    }

    /** The text as the directory takes it: at most 200 characters, nothing that is not text. */
    static String clean(String raw) {
        return FormText.clean(raw, MAX_TEXT);
    }

    /** This search's URL with another cursor (the next page). */
    static String href(SupplierSearch.Query query, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/search");
        if (query.q() != null) {
            url.queryParam("q", query.q());
        }
        query.filters().forEach((facet, values) -> values.forEach(v -> url.queryParam(facet, v)));
        if (query.validCertification()) {
            url.queryParam("validCertification", "true");
        }
        if (query.validBadge()) {
            url.queryParam("validBadge", "true");
        }
        if (query.sort() != null) {
            url.queryParam("sort", query.sort());
        }
        query.compare().forEach(id -> url.queryParam("compare", id));
        if (cursor != null) {
            url.queryParam("cursor", cursor);
        }
        return url.encode().build().toUriString();
    }

    /** One link per filter in force, each without that filter (and from the first page). */
    static List<Dropping> dropping(SupplierSearch.Query query) {
        List<Dropping> links = new ArrayList<>();
        query.filters().forEach((facet, values) -> values.forEach(value -> {
            Map<String, List<String>> fewer = new LinkedHashMap<>(query.filters());
            List<String> rest = new ArrayList<>(values);
            rest.remove(value);
            if (rest.isEmpty()) {
                fewer.remove(facet);
            } else {
                fewer.put(facet, List.copyOf(rest));
            }
            links.add(new Dropping(facet, value, href(new SupplierSearch.Query(query.q(), fewer, query.sort(), null,
                    query.validCertification(), query.validBadge(), query.compare()), null)));
        }));
        if (query.validCertification()) {
            links.add(new Dropping("validCertification", "", href(new SupplierSearch.Query(query.q(), query.filters(), query.sort(),
                    null, false, query.validBadge(), query.compare()), null)));
        }
        if (query.validBadge()) {
            links.add(new Dropping("validBadge", "", href(new SupplierSearch.Query(query.q(), query.filters(), query.sort(),
                    null, query.validCertification(), false, query.compare()), null)));
        }
        if (query.q() != null) {
            links.add(new Dropping("q", query.q(), href(new SupplierSearch.Query(null, query.filters(), query.sort(), null,
                    query.validCertification(), query.validBadge(), query.compare()), null)));
        }
        return links;
    }

    private static String problem(ServiceFailure failure) {
        return switch (failure.problemType()) {
            case "invalid-cursor" -> "invalid-cursor";
            case "unknown-taxonomy-code" -> "unknown-code";
            default -> "bad-search";
        };
    }
}
