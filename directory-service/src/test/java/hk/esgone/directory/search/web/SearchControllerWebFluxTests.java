package hk.esgone.directory.search.web;

import static hk.esgone.directory.support.Responses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.ConnectException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.directory.badges.BadgeCatalog;
import hk.esgone.directory.benchmark.PeerBenchmarkService;
import hk.esgone.directory.company.web.CompanyViews;
import hk.esgone.directory.config.WebSlice;
import hk.esgone.directory.config.WebSliceConfig;
import hk.esgone.directory.search.SearchServiceSliceConfig;
import hk.esgone.directory.search.store.CompanyIndex;
import reactor.core.publisher.Mono;

/**
 * The public search's parameters and cursors, checked before Elasticsearch is asked: the index here is
 * unreachable, so anything that got past the checks would be a 503, not a 400.
 */
@WebFluxTest(controllers = SearchController.class)
@Import({WebSliceConfig.class, SearchServiceSliceConfig.class, SearchParameters.class, CompanyViews.class, BadgeCatalog.class})
class SearchControllerWebFluxTests extends WebSlice {

    @Autowired
    WebTestClient web;
    @MockitoBean
    CompanyIndex index;
    @MockitoBean
    PeerBenchmarkService benchmarks;

    @BeforeEach
    void elasticsearchIsUnreachable() {
        when(index.search(any())).thenReturn(Mono.error(new ConnectException("Connection refused")));
    }

    @Test
    void searchParametersAreCheckedBeforeElasticsearchIsAsked() {
        problem(get("/api/v1/directory/search?limit=101").expectStatus().isBadRequest(), "validation");
        problem(get("/api/v1/directory/search?limit=0").expectStatus().isBadRequest(), "validation");
        problem(get("/api/v1/directory/search?limit=ten").expectStatus().isBadRequest(), "validation");
        problem(get("/api/v1/directory/search?sort=random").expectStatus().isBadRequest(), "validation");
        problem(get("/api/v1/directory/search?location=ATLANTIS").expectStatus().isBadRequest(), "unknown-taxonomy-code");
        problem(get("/api/v1/directory/search?q=" + "x".repeat(201)).expectStatus().isBadRequest(), "validation");
        problem(get("/api/v1/directory/search?cursor=eyJ2IjoxLCJmIjoiYWJjIiwiYSI6WyJsOjEiXX0.Zm9yZ2Vk").expectStatus().isBadRequest(), "invalid-cursor");
        problem(get("/api/v1/directory/search?cursor=garbage").expectStatus().isBadRequest(), "invalid-cursor");
        problem(get("/api/v1/directory/search/autocomplete?limit=500&q=a").expectStatus().isBadRequest(), "validation");
        verify(index, never()).search(any());
        // and a valid search does ask it
        problem(get("/api/v1/directory/search?q=packaging").expectStatus().isEqualTo(503), "search-unavailable");
    }

    WebTestClient.ResponseSpec get(String uri) {
        return web.get().uri(uri).exchange();
    }
}
