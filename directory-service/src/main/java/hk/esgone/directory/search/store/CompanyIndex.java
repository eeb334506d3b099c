package hk.esgone.directory.search.store;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import reactor.core.publisher.Mono;

/** Reads of the company documents in the index. */
@Component
public class CompanyIndex {

    private final ElasticsearchAsyncClient client;
    private final SearchIndexManager indexes;

    CompanyIndex(ElasticsearchAsyncClient client, SearchIndexManager indexes) {
        this.client = client;
        this.indexes = indexes;
    }

    public Mono<SearchResponse<CompanyIndexDocument>> search(SearchRequest request) {
        return indexes.call(() -> client.search(request, CompanyIndexDocument.class));
    }
}
