package hk.esgone.directory.search;

import java.util.List;

import org.springframework.stereotype.Service;

import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.search.store.CompanyIndexer;
import hk.esgone.directory.search.store.SearchIndexManager;
import reactor.core.publisher.Mono;

/** The state of the search index as admins see it: the alias, its indexes, the indexer, what waits to be indexed. */
@Service
public class IndexOverview {

    private final SearchIndexManager indexes;
    private final CompanyIndexer indexer;
    private final CompanyRepository companies;

    IndexOverview(SearchIndexManager indexes, CompanyIndexer indexer, CompanyRepository companies) {
        this.indexes = indexes;
        this.indexer = indexer;
        this.companies = companies;
    }

    public String alias() {
        return indexes.alias();
    }

    public int mappingVersion() {
        return indexes.mappingVersion();
    }

    /** The indexes behind the alias; none when Elasticsearch cannot be asked. */
    public Mono<List<String>> aliasedIndexes() {
        return indexes.aliasedIndexes().onErrorReturn(List.of());
    }

    /** Companies whose latest version is not in the index yet. */
    public Mono<Long> recordsPendingIndex() {
        return companies.countIndexPending();
    }

    public IndexerStatus indexer() {
        return indexer.status();
    }
}
