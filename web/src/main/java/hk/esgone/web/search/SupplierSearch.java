package hk.esgone.web.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.Highlight;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Supplier search through directory-service's public search API: the page's state (text, facets, sort, cursor) in,
 * hits with highlights and multi-select facets with counts out. "Valid certification only" and "valid badge only"
 * become the certification and badge facets with every code (those facets match only entries valid today).
 */
@Service
public class SupplierSearch {

    /** The facets the page offers, in the order shown. */
    public static final List<String> FACETS = List.of("kind", "industry", "location", "certification", "badge", "level", "solution", "sector");
    public static final List<String> SORTS = List.of("relevance", "name", "score", "verified");
    static final int PAGE_SIZE = 20;

    /** The search as the URL carries it. */
    public record Query(String q, Map<String, List<String>> filters, String sort, String cursor, boolean validCertification,
                        boolean validBadge, List<String> compare) {

        public Query(String q, Map<String, List<String>> filters, String sort, String cursor, boolean validCertification,
                     boolean validBadge) {
            this(q, filters, sort, cursor, validCertification, validBadge, List.of());
        }

        /** The companies already chosen for comparison and {@code id} (at most three, the newest kept). */
        public List<String> compareWith(String id) {
            List<String> ids = new ArrayList<>(compare);
            ids.remove(id);
            ids.add(id);
            return List.copyOf(ids.size() > 3 ? ids.subList(ids.size() - 3, ids.size()) : ids);
        }

        public boolean isEmpty() {
            return (q == null || q.isBlank()) && filters.isEmpty() && !validCertification && !validBadge;
        }

        public List<String> selected(String facet) {
            return filters.getOrDefault(facet, List.of());
        }
    }

    /** One value of a facet. */
    public record FacetValue(String code, Bilingual label, long count, boolean selected) {
    }

    /** A facet with its values. */
    public record Facet(String param, List<FacetValue> values) {
    }

    /** A certification or badge as a hit shows it. */
    public record Credential(Bilingual label, boolean valid) {
    }

    /** One company found. */
    public record Hit(String id, Bilingual name, Highlight nameHighlight, Highlight snippet, Bilingual kind, Bilingual industry,
                      List<Bilingual> locations, List<Credential> certifications, List<Credential> badges, Integer overall,
                      Bilingual level) {
    }

    /** What the search answered. */
    public record Result(long total, boolean totalIsLowerBound, List<Hit> hits, List<Facet> facets, String nextCursor) {
    }

    private final ServiceApi api;
    private final Mono<List<String>> certificationCodes;
    private final Mono<List<String>> badgeCodes;

    public SupplierSearch(ServiceApi api) {
        this.api = api;
        this.certificationCodes = api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/taxonomies/certifications", null)
                .map(SupplierSearch::codes)
                .cache(codes -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
        MultiValueMap<String, String> one = new LinkedMultiValueMap<>();
        one.add("limit", "1");
        this.badgeCodes = api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/search", one)
                .map(answer -> {
                    List<String> codes = new ArrayList<>();
                    answer.path("facets").path("badge").forEach(v -> codes.add(v.path("code").asString()));
                    return codes;
                })
                .cache(codes -> Duration.ofMinutes(1), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Result> search(Query query) {
        Mono<List<String>> certs = query.validCertification() && query.selected("certification").isEmpty()
                ? certificationCodes : Mono.just(List.of());
        Mono<List<String>> badges = query.validBadge() && query.selected("badge").isEmpty() ? badgeCodes : Mono.just(List.of());
        return Mono.zip(certs, badges).flatMap(all -> {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            if (query.q() != null && !query.q().isBlank()) {
                params.add("q", query.q());
            }
            query.filters().forEach((facet, values) -> values.forEach(v -> params.add(facet, v)));
            all.getT1().stream().limit(30).forEach(code -> params.add("certification", code));
            if (query.validBadge() && query.selected("badge").isEmpty()) {
                if (all.getT2().isEmpty()) {
                    // no company holds a valid badge: nothing can match
                    return Mono.just(new Result(0, false, List.of(), List.of(), null));
                }
                all.getT2().stream().limit(30).forEach(code -> params.add("badge", code));
            }
            if (query.sort() != null) {
                params.add("sort", query.sort());
            }
            if (query.cursor() != null) {
                params.add("cursor", query.cursor());
            }
            params.add("limit", Integer.toString(PAGE_SIZE));
            return api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/search", params).map(SupplierSearch::result);
        });
    }

    /** Company names as typed so far, for the autocomplete list. */
    public Mono<List<Hit>> suggest(String q) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", q);
        return api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/search/autocomplete", params).map(answer -> {
            List<Hit> hits = new ArrayList<>();
            for (JsonNode item : answer.path("items")) {
                if (hits.size() == 8) {
                    break;
                }
                hits.add(new Hit(item.path("id").asString(), Bilingual.of(item.path("name")), nameHighlight(item),
                        new Highlight(List.of()), null, null, List.of(), List.of(), List.of(), null, null));
            }
            return hits;
        });
    }

    static Result result(JsonNode answer) {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            hits.add(hit(item));
        }
        Map<String, Facet> byParam = new LinkedHashMap<>();
        for (String param : FACETS) {
            List<FacetValue> values = new ArrayList<>();
            for (JsonNode value : answer.path("facets").path(param)) {
                values.add(new FacetValue(value.path("code").asString(), Bilingual.of(value.path("label")),
                        value.path("count").asLong(), value.path("selected").asBoolean(false)));
            }
            if (!values.isEmpty()) {
                byParam.put(param, new Facet(param, List.copyOf(values)));
            }
        }
        String next = answer.path("nextCursor").asString(null);
        return new Result(answer.path("total").path("value").asLong(hits.size()),
                "gte".equals(answer.path("total").path("relation").asString("eq")), List.copyOf(hits),
                List.copyOf(byParam.values()), next == null || next.isBlank() ? null : next);
    }

    static Hit hit(JsonNode item) {
        List<Bilingual> locations = new ArrayList<>();
        item.path("locations").forEach(l -> locations.add(Bilingual.of(l.path("label"))));
        List<Credential> certifications = new ArrayList<>();
        item.path("certifications").forEach(c -> certifications.add(new Credential(Bilingual.of(c.path("label")), c.path("valid").asBoolean(false))));
        List<Credential> badges = new ArrayList<>();
        item.path("badges").forEach(b -> badges.add(new Credential(Bilingual.of(b.path("name")), b.path("valid").asBoolean(false))));
        JsonNode scorecard = item.path("scorecard");
        return new Hit(item.path("id").asString(), Bilingual.of(item.path("name")), nameHighlight(item), snippet(item),
                Bilingual.of(item.path("kindLabel")), Bilingual.of(item.path("industry").path("label")), locations,
                certifications, badges, scorecard.path("overall").isNumber() ? scorecard.path("overall").asInt() : null,
                Bilingual.of(scorecard.path("levelLabel")));
    }

    private static Highlight nameHighlight(JsonNode item) {
        return firstHighlight(item.path("highlights"), "name");
    }

    private static Highlight snippet(JsonNode item) {
        return firstHighlight(item.path("highlights"), "description");
    }

    private static Highlight firstHighlight(JsonNode highlights, String field) {
        for (var entry : highlights.properties()) {
            if (entry.getKey().startsWith(field) && entry.getValue().isArray() && !entry.getValue().isEmpty()) {
                return Highlight.parse(entry.getValue().get(0).asString(""));
            }
        }
        return new Highlight(List.of());
    }

    private static List<String> codes(JsonNode taxonomy) {
        List<String> codes = new ArrayList<>();
        JsonNode items = taxonomy.has("entries") ? taxonomy.path("entries") : taxonomy.has("items") ? taxonomy.path("items") : taxonomy;
        items.forEach(entry -> {
            String code = entry.path("code").asString(null);
            if (code != null && (!entry.has("active") || entry.path("active").asBoolean(true))) {
                codes.add(code);
            }
        });
        return codes;
    }
}
