package hk.esgone.directory.search.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.directory.search.CompanySearchService;
import hk.esgone.directory.search.IndexOverview;
import hk.esgone.directory.search.IndexRebuild;
import hk.esgone.directory.search.IndexReconcile;
import hk.esgone.directory.search.IndexerStatus;
import hk.esgone.directory.search.RebuildStatus;
import hk.esgone.directory.search.ReconcileReport;
import hk.esgone.directory.search.SearchCriteria;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Operating the search index (admins only, see SecurityConfig). */
@RestController
class SearchAdminController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Status(String alias, List<String> aliasedIndexes, int mappingVersion, long recordsPendingIndex,
                  IndexerStatus indexer, RebuildStatus lastReindex,
                  ReconcileReport lastReconcile) {
    }

    record RequestBody(String index, JsonNode body) {
    }

    private final IndexOverview indexes;
    private final IndexRebuild rebuild;
    private final IndexReconcile reconcile;
    private final CompanySearchService search;
    private final SearchParameters parameters;

    SearchAdminController(IndexOverview indexes, IndexRebuild rebuild, IndexReconcile reconcile, CompanySearchService search,
                          SearchParameters parameters) {
        this.indexes = indexes;
        this.rebuild = rebuild;
        this.reconcile = reconcile;
        this.search = search;
        this.parameters = parameters;
    }

    @GetMapping("/api/v1/directory/admin/search/status")
    Mono<Status> status() {
        return Mono.zip(indexes.aliasedIndexes(), indexes.recordsPendingIndex())
                .map(t -> new Status(indexes.alias(), t.getT1(), indexes.mappingVersion(), t.getT2(), indexes.indexer(),
                        rebuild.lastRebuild(), reconcile.lastReconcile()));
    }

    /** Rebuilds the index behind the alias without downtime; runs in the background (see status). */
    @PostMapping("/api/v1/directory/admin/search/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RebuildStatus> reindex() {
        return Mono.fromCallable(() -> rebuild.startRebuild("requested by an admin"));
    }

    /** Compares the index with the record and repairs the differences; answers what it found. */
    @PostMapping("/api/v1/directory/admin/search/reconcile")
    Mono<ReconcileReport> reconcile() {
        return reconcile.reconcile()
                .onErrorMap(e -> !(e instanceof hk.esgone.platform.problem.ApiProblem),
                        e -> hk.esgone.platform.problem.ApiProblem.unavailable("search-unavailable",
                                "Elasticsearch is unavailable; the reconcile did not run.", 10));
    }

    /** The Elasticsearch request a search with these parameters sends (same parameters as the public search). */
    @GetMapping("/api/v1/directory/admin/search/request")
    Mono<RequestBody> request(@RequestParam MultiValueMap<String, String> params) {
        SearchCriteria criteria = parameters.parse(params);
        String json = search.requestJson(criteria, params.getFirst("cursor"));
        return Mono.just(new RequestBody(indexes.alias(), JSON.readTree(json)));
    }
}
