package hk.esgone.directory.search;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import hk.esgone.directory.search.SearchCriteria.Facet;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/** Runs directory searches and autocompletion against the alias and turns the answers into results. */
@Service
public class CompanySearchService {

    private static final Logger log = LoggerFactory.getLogger(CompanySearchService.class);

    private final ElasticsearchAsyncClient client;
    private final SearchRequestFactory requests;
    private final SearchIndexManager indexes;
    private final SearchCursors cursors;

    CompanySearchService(ElasticsearchAsyncClient client, SearchRequestFactory requests, SearchIndexManager indexes,
                         SearchProperties properties) {
        this.client = client;
        this.requests = requests;
        this.indexes = indexes;
        this.cursors = new SearchCursors(new CursorCodec(properties.cursorSecret()));
    }

    public record Result(List<Hit<CompanyIndexDocument>> hits, long total, boolean totalIsLowerBound,
                         Map<Facet, Map<String, Long>> facets, String nextCursor) {
    }

    /** Validates the cursor (400 problem when forged or from another search) before anything is sent. */
    public List<FieldValue> after(SearchCriteria criteria, String cursor) {
        return cursor == null ? null : cursors.decode(cursor, criteria.fingerprint());
    }

    public SearchRequest request(SearchCriteria criteria, String cursor) {
        return requests.search(indexes.alias(), criteria, after(criteria, cursor));
    }

    /** The request body as JSON, exactly as this service sends it (for benchmarks and debugging). */
    public String requestJson(SearchCriteria criteria, String cursor) {
        StringBuilder json = new StringBuilder();
        JsonpUtils.toString(request(criteria, cursor), new Jackson3JsonpMapper(ElasticsearchConfig.documentMapper()), json);
        return json.toString();
    }

    public Mono<Result> search(SearchCriteria criteria, String cursor) {
        SearchRequest request;
        try {
            request = request(criteria, cursor);
        } catch (ApiProblem problem) {
            return Mono.error(problem);
        }
        return indexes.call(() -> client.search(request, CompanyIndexDocument.class))
                .map(response -> toResult(criteria, response))
                .onErrorMap(e -> !(e instanceof ApiProblem), CompanySearchService::unavailable);
    }

    public Mono<List<Hit<CompanyIndexDocument>>> autocomplete(String text, int limit) {
        return indexes.call(() -> client.search(requests.autocomplete(indexes.alias(), text, limit), CompanyIndexDocument.class))
                .map(response -> response.hits().hits())
                .onErrorMap(e -> !(e instanceof ApiProblem), CompanySearchService::unavailable);
    }

    private Result toResult(SearchCriteria criteria, SearchResponse<CompanyIndexDocument> response) {
        List<Hit<CompanyIndexDocument>> hits = new ArrayList<>(response.hits().hits());
        String next = null;
        if (hits.size() > criteria.limit()) {
            hits = hits.subList(0, criteria.limit());
            next = cursors.encode(criteria.fingerprint(), hits.get(hits.size() - 1).sort());
        }
        Map<Facet, Map<String, Long>> facets = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            Aggregate wrapper = response.aggregations().get(facet.param());
            if (wrapper == null) {
                continue;
            }
            Aggregate values = wrapper.filter().aggregations().get(SearchRequestFactory.VALUES);
            Map<String, Long> counts = new LinkedHashMap<>();
            if (values.isNested()) {
                Aggregate valid = values.nested().aggregations().get(SearchRequestFactory.VALID);
                for (StringTermsBucket bucket : valid.filter().aggregations().get(SearchRequestFactory.VALUES).sterms().buckets().array()) {
                    counts.put(bucket.key().stringValue(), bucket.aggregations().get(SearchRequestFactory.COMPANIES).reverseNested().docCount());
                }
            } else {
                for (StringTermsBucket bucket : values.sterms().buckets().array()) {
                    counts.put(bucket.key().stringValue(), bucket.docCount());
                }
            }
            facets.put(facet, counts);
        }
        var total = response.hits().total();
        return new Result(hits, total == null ? hits.size() : total.value(),
                total != null && total.relation() == TotalHitsRelation.Gte, facets, next);
    }

    /** Search needs Elasticsearch; when it is unreachable the answer is a 503 problem, never a 500. */
    static Throwable unavailable(Throwable e) {
        if (e instanceof ElasticsearchException es && es.status() == 400) {
            log.error("Elasticsearch refused a search request: {}", es.getMessage());
            return new ApiProblem(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                    "The search could not be run. Quote the correlation id when reporting it.");
        }
        if (!(e instanceof ConnectException || e instanceof TimeoutException || e.getCause() instanceof ConnectException)) {
            log.warn("Search failed: {}", e.toString(), e);
        }
        return ApiProblem.unavailable("search-unavailable", "Search is temporarily unavailable; please try again shortly.", 5);
    }
}
