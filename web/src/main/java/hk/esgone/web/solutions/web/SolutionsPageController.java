package hk.esgone.web.solutions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.web.search.SupplierSearch;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * The green solutions finder: environmental technology service providers by solution category and location — the
 * directory search with the kind fixed, offered as two simple choices.
 */
@Controller
class SolutionsPageController {

    static final String SERVICE_PROVIDER = "SERVICE_PROVIDER";

    private final SupplierSearch search;

    SolutionsPageController(SupplierSearch search) {
        this.search = search;
    }

    @GetMapping("/solutions")
    Mono<Rendering> solutions(@RequestParam MultiValueMap<String, String> params) {
        String solution = code(params.getFirst("solution"));
        String location = code(params.getFirst("location"));
        String q = FormText.clean(params.getFirst("q"), 200);
        String cursor = params.getFirst("cursor");
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("kind", List.of(SERVICE_PROVIDER));
        if (solution != null) {
            filters.put("solution", List.of(solution));
        }
        if (location != null) {
            filters.put("location", List.of(location));
        }
        SupplierSearch.Query query = new SupplierSearch.Query(q, filters, null,
                cursor != null && cursor.length() <= 2000 && !cursor.isBlank() ? cursor : null, false, false);
        return search.search(query)
                .map(result -> render(result, solution, location, q, null, HttpStatus.OK))
                .onErrorResume(ServiceFailure.class, failure -> failure.serviceDown() ? Mono.error(failure)
                        : Mono.just(render(null, solution, location, q, "invalid-cursor".equals(failure.problemType())
                        ? "invalid-cursor" : "unknown-code", HttpStatus.BAD_REQUEST)));
    }

    private static Rendering render(SupplierSearch.Result result, String solution, String location, String q, String problem,
                                    HttpStatus status) {
        String next = null;
        if (result != null && result.nextCursor() != null) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/solutions");
            if (solution != null) {
                url.queryParam("solution", solution);
            }
            if (location != null) {
                url.queryParam("location", location);
            }
            if (q != null) {
                url.queryParam("q", q);
            }
            next = url.queryParam("cursor", result.nextCursor()).encode().build().toUriString();
        }
        return Rendering.view("solutions/solutions")
                .modelAttribute("result", result)
                .modelAttribute("solution", solution)
                .modelAttribute("location", location)
                .modelAttribute("q", q)
                .modelAttribute("problem", problem)
                .modelAttribute("nextPage", next)
                .modelAttribute("solutionFacet", facet(result, "solution"))
                .modelAttribute("locationFacet", facet(result, "location"))
                .status(status).build();
    }

    private static List<SupplierSearch.FacetValue> facet(SupplierSearch.Result result, String param) {
        if (result == null) {
            return List.of();
        }
        return result.facets().stream().filter(f -> f.param().equals(param)).findFirst().map(SupplierSearch.Facet::values).orElse(List.of());
    }

    private static String code(String raw) {
        return raw != null && raw.matches("[A-Za-z0-9_.-]{1,80}") ? raw : null;
    }
}
