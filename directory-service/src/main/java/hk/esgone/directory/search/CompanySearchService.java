package hk.esgone.directory.search;

import java.net.ConnectException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.search.SearchCriteria.Facet;
import hk.esgone.directory.search.store.CompanyIndex;
import hk.esgone.directory.search.store.CompanyIndexDocument;
import hk.esgone.directory.search.store.FoundCompanies;
import hk.esgone.directory.search.store.FoundCompanies.Found;
import hk.esgone.directory.search.store.IndexJson;
import hk.esgone.directory.search.store.SearchIndexManager;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Runs directory searches and autocompletion against the alias and turns the answers into results. */
@Service
public class CompanySearchService {

    private static final Logger log = LoggerFactory.getLogger(CompanySearchService.class);

    private final CompanyIndex index;
    private final SearchRequestFactory requests;
    private final SearchProperties properties;
    private final SearchCursors cursors;

    CompanySearchService(CompanyIndex index, SearchRequestFactory requests, SearchProperties properties) {
        this.index = index;
        this.requests = requests;
        this.properties = properties;
        this.cursors = new SearchCursors(new CursorCodec(properties.cursorSecret()));
    }

    public record Result(List<SearchHit> hits, long total, boolean totalIsLowerBound,
                         Map<Facet, Map<String, Long>> facets, String nextCursor) {
    }

    /** Validates the cursor (400 problem when forged or from another search) before anything is sent. */
    public List<FieldValue> after(SearchCriteria criteria, String cursor) {
        return cursor == null ? null : cursors.decode(cursor, criteria.fingerprint());
    }

    public SearchRequest request(SearchCriteria criteria, String cursor) {
        return requests.search(properties.alias(), criteria, after(criteria, cursor));
    }

    /** The request body as JSON, exactly as this service sends it (for benchmarks and debugging). */
    public String requestJson(SearchCriteria criteria, String cursor) {
        StringBuilder json = new StringBuilder();
        JsonpUtils.toString(request(criteria, cursor), new Jackson3JsonpMapper(IndexJson.mapper()), json);
        return json.toString();
    }

    public Mono<Result> search(SearchCriteria criteria, String cursor) {
        SearchRequest request;
        try {
            request = request(criteria, cursor);
        } catch (ApiProblem problem) {
            return Mono.error(problem);
        }
        return index.search(request)
                .map(response -> toResult(criteria, response))
                .onErrorMap(e -> !(e instanceof ApiProblem), CompanySearchService::unavailable);
    }

    /** Company names as typed so far: id, kind, name and highlights of each suggestion. */
    public Mono<List<SearchHit>> autocomplete(String text, int limit) {
        return index.search(requests.autocomplete(properties.alias(), text, limit))
                .map(response -> response.hits().hits().stream().filter(h -> h.source() != null).map(CompanySearchService::hit).toList())
                .onErrorMap(e -> !(e instanceof ApiProblem), CompanySearchService::unavailable);
    }

    private Result toResult(SearchCriteria criteria, FoundCompanies response) {
        List<Found> found = response.hits().hits();
        String next = null;
        if (found.size() > criteria.limit()) {
            found = found.subList(0, criteria.limit());
            next = cursors.encode(criteria.fingerprint(), sortValues(found.get(found.size() - 1).sort()));
        }
        List<SearchHit> hits = found.stream().map(CompanySearchService::hit).toList();
        Map<Facet, Map<String, Long>> facets = new EnumMap<>(Facet.class);
        JsonNode aggregations = response.aggregations();
        for (Facet facet : Facet.values()) {
            JsonNode values = aggregations == null ? null : aggregations.path(facet.param()).get(SearchRequestFactory.VALUES);
            if (values == null) {
                continue;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            JsonNode valid = values.get(SearchRequestFactory.VALID);
            if (valid != null) {
                // nested: companies (reverse_nested), not entries, per code
                for (JsonNode bucket : valid.path(SearchRequestFactory.VALUES).path("buckets")) {
                    counts.put(bucket.path("key").asString(), bucket.path(SearchRequestFactory.COMPANIES).path("doc_count").asLong());
                }
            } else {
                for (JsonNode bucket : values.path("buckets")) {
                    counts.put(bucket.path("key").asString(), bucket.path("doc_count").asLong());
                }
            }
            facets.put(facet, counts);
        }
        FoundCompanies.Total total = response.hits().total();
        return new Result(hits, total == null ? hits.size() : total.value(), total != null && "gte".equals(total.relation()),
                facets, next);
    }

    /** The sort values of a hit, as {@code search_after} takes them back. */
    private static List<FieldValue> sortValues(List<JsonNode> sort) {
        return sort.stream().map(value -> {
            if (value.isIntegralNumber()) {
                return FieldValue.of(value.asLong());
            }
            if (value.isNumber()) {
                return FieldValue.of(value.asDouble());
            }
            if (value.isBoolean()) {
                return FieldValue.of(value.asBoolean());
            }
            return value.isNull() ? FieldValue.NULL : FieldValue.of(value.asString());
        }).toList();
    }

    private static SearchHit hit(Found hit) {
        CompanyIndexDocument d = hit.source();
        List<Company.Certification> certifications = d.certifications() == null ? List.of() : d.certifications().stream()
                .map(c -> new Company.Certification(c.code(), c.number(), c.issuer(), c.validUntil())).toList();
        List<Company.BadgeHolding> badges = d.badges() == null ? List.of() : d.badges().stream()
                .map(b -> new Company.BadgeHolding(b.badgeId(), b.achievementId(), b.achievementKind(), b.scorecardLevel(),
                        b.name(), b.status(), b.validFrom(), b.validUntil())).toList();
        Company.Scorecard scorecard = d.scorecard() == null ? null : new Company.Scorecard(d.scorecard().environmental(),
                d.scorecard().social(), d.scorecard().governance(), d.scorecard().overall(), d.scorecard().level(),
                d.scorecard().assessedAt());
        return new SearchHit(hit.id(), d.kind(), d.name(), d.description(), d.industry(), d.sector(), d.locations(),
                d.sizeBand(), certifications, badges, scorecard, d.solutionCategories(), d.website(), d.logoUrl(),
                d.lastVerifiedAt(), highlights(hit));
    }

    /** Highlights keyed by the field the client shows (sub-fields folded into their field). */
    private static Map<String, List<String>> highlights(Found hit) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        hit.highlight().forEach((field, fragments) -> {
            String shown = field.endsWith(".prefix") || field.endsWith(".grams") ? field.substring(0, field.lastIndexOf('.')) : field;
            out.putIfAbsent(shown, fragments);
        });
        return out;
    }

    /** Search needs Elasticsearch; when it is unreachable the answer is a 503 problem, never a 500. */
    static Throwable unavailable(Throwable e) {
        if (e instanceof ElasticsearchException es && es.status() == 400) {
            log.error("Elasticsearch refused a search request: {}", es.getMessage());
            return new ApiProblem(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                    "The search could not be run. Quote the correlation id when reporting it.");
        }
        if (!(e instanceof ConnectException || e instanceof TimeoutException || e.getCause() instanceof ConnectException
                || SearchIndexManager.isIndexMissing(e))) {
            log.warn("Search failed: {}", e.toString(), e);
        }
        return ApiProblem.unavailable("search-unavailable", "Search is temporarily unavailable; please try again shortly.", 5);
    }
}
