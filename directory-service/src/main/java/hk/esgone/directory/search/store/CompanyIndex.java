package hk.esgone.directory.search.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.endpoints.BinaryEndpoint;
import co.elastic.clients.transport.endpoints.BinaryResponse;

import hk.esgone.directory.company.Company;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes of company documents in an index (the alias, or a rebuild's new index). Every write
 * carries the record's version with {@code version_type=external}, so an older write never replaces a newer one.
 */
@Component
public class CompanyIndex {

    private static final int SCAN_PAGE = 1000;
    private static final JsonMapper JSON = IndexJson.mapper();

    /** The search endpoint of the typed client, answering bytes, without {@code typed_keys} (aggregations by their own names). */
    private static final Endpoint<SearchRequest, BinaryResponse, ErrorResponse> SEARCH = new BinaryEndpoint<>(
            SearchRequest._ENDPOINT.id(), SearchRequest._ENDPOINT::method, SearchRequest._ENDPOINT::requestUrl,
            SearchRequest._ENDPOINT::pathParameters, request -> {
                Map<String, String> parameters = new HashMap<>(SearchRequest._ENDPOINT.queryParameters(request));
                parameters.remove("typed_keys");
                return parameters;
            }, SearchRequest._ENDPOINT::headers, SearchRequest._ENDPOINT::body, null);

    private final ElasticsearchAsyncClient client;
    private final SearchIndexManager indexes;
    private final IndexDocumentMapper mapper;

    CompanyIndex(ElasticsearchAsyncClient client, SearchIndexManager indexes, IndexDocumentMapper mapper) {
        this.client = client;
        this.indexes = indexes;
        this.mapper = mapper;
    }

    /** What an index holds for one company: the version it was written with and the hash of its content. */
    public record Indexed(Long version, Object sourceHash) {
    }

    /**
     * A search of company documents. The request goes out as the typed client builds it, with its errors as the
     * client reports them; the answer is read here with Jackson into {@link FoundCompanies} rather than by the typed
     * client's generic reader, which took about 1.1 ms more per directory search (measured in one JVM against the
     * benchmark's index; bench/directory/RESULTS.md).
     */
    public Mono<FoundCompanies> search(SearchRequest request) {
        return indexes.call(() -> client._transport().performRequestAsync(request, SEARCH, client._transportOptions())
                        .thenApply(CompanyIndex::read))
                .doOnError(SearchIndexManager::isIndexMissing, e -> indexes.aliasMissing());
    }

    /** Writes the companies into {@code target} at their record versions; answers how many it holds now. */
    public Mono<Long> copy(List<Company> batch, String target) {
        List<BulkOperation> ops = batch.stream().map(c -> write(c, mapper.toDocument(c), target, false)).toList();
        return indexes.call(() -> client.bulk(BulkRequest.of(b -> b.operations(ops))))
                .map(r -> r.items().stream().filter(CompanyIndex::isDone).count());
    }

    /** Deletes these documents from {@code target}; answers how many were asked for. */
    public Mono<Long> delete(List<String> ids, String target) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        List<BulkOperation> ops = ids.stream().map(id -> BulkOperation.of(op -> op.delete(d -> d.index(target).id(id)))).toList();
        return indexes.call(() -> client.bulk(BulkRequest.of(b -> b.operations(ops)))).map(r -> (long) ids.size());
    }

    /** Version and content hash of every document in {@code target}, by company id. */
    public Mono<Map<String, Indexed>> scan(String target) {
        Map<String, Indexed> all = new HashMap<>();
        return scanPage(target, null, all).then(Mono.just(all));
    }

    private Mono<Void> scanPage(String target, List<FieldValue> after, Map<String, Indexed> into) {
        return indexes.call(() -> client.search(s -> {
                    s.index(target).size(SCAN_PAGE).version(true).trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes("sourceHash")))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (after != null) {
                        s.searchAfter(after);
                    }
                    return s;
                }, Map.class))
                .flatMap(response -> {
                    List<Hit<Map>> hits = response.hits().hits();
                    for (Hit<Map> hit : hits) {
                        Object hash = hit.source() == null ? null : hit.source().get("sourceHash");
                        into.put(hit.id(), new Indexed(hit.version(), hash));
                    }
                    if (hits.size() < SCAN_PAGE) {
                        return Mono.empty();
                    }
                    return scanPage(target, hits.get(hits.size() - 1).sort(), into);
                });
    }

    private static FoundCompanies read(BinaryResponse response) {
        try (response) {
            return JSON.readValue(response.content(), FoundCompanies.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One company's document written into {@code target} at the record's version. */
    static BulkOperation write(Company company, CompanyIndexDocument document, String target, boolean requireAlias) {
        return BulkOperation.of(op -> op.index(i -> i
                .index(target)
                .id(company.id())
                .version(company.version())
                .versionType(VersionType.External)
                .requireAlias(requireAlias)
                .document(document)));
    }

    /** Written, or Elasticsearch already holds this version or a newer one. */
    static boolean isDone(BulkResponseItem item) {
        if (item.error() == null && item.status() >= 200 && item.status() < 300) {
            return true;
        }
        return item.status() == 409 && item.error() != null && "version_conflict_engine_exception".equals(item.error().type());
    }
}
