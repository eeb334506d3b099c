package hk.esgone.directory.search.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

import hk.esgone.directory.search.SearchProperties;
import reactor.test.StepVerifier;

/**
 * How {@link CompanyIndex#search} reads Elasticsearch's answer itself (not through the typed client's reader), against
 * a stand-in HTTP server on loopback that answers as Elasticsearch would or with something unreadable. The real
 * Elasticsearch is in SearchIntegrationTests; a broken answer cannot be had from it.
 */
class CompanyIndexSearchTests {

    private HttpServer server;
    private Rest5Client rest;
    private CompanyIndex index;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<URI> asked = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.set(exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        rest = Rest5Client.builder(URI.create(url)).build();
        ElasticsearchAsyncClient client = new ElasticsearchAsyncClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper(IndexJson.mapper())));
        SearchProperties properties = new SearchProperties(url, "t-", Duration.ofSeconds(1), Duration.ofSeconds(2), null, null,
                "a-secret-for-cursors-of-this-test", null, false, null, null);
        index = new CompanyIndex(client, new SearchIndexManager(client, properties, Clock.systemUTC(), event -> { }), null);
    }

    @AfterEach
    void stop() throws IOException {
        rest.close();
        server.stop(0);
    }

    @Test
    void hitsTotalSortValuesAndAggregationsAreReadByTheirOwnNames() {
        answer.set("""
                {"took": 3, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 10000, "relation": "gte"}, "max_score": null,
                  "hits": [{"_index": "t-companies-1", "_id": "cmp-green-pack", "_score": null,
                            "_source": {"id": "cmp-green-pack", "kind": "SUPPLIER", "name": {"en": "Green Pack", "zhHant": "綠色包裝"}},
                            "highlight": {"name.en": ["<em>Green</em> Pack"]}, "sort": [2.5, 1733500000000, "cmp-green-pack"]},
                           {"_index": "t-companies-1", "_id": "cmp-other", "_score": 1.0}]},
                 "aggregations": {"kind": {"doc_count": 2, "values": {"buckets": [{"key": "SUPPLIER", "doc_count": 2}]}}}}
                """);
        StepVerifier.create(index.search(SearchRequest.of(s -> s.index("t-companies").size(2))))
                .assertNext(found -> {
                    assertThat(found.hits().total().value()).isEqualTo(10000);
                    assertThat(found.hits().total().relation()).isEqualTo("gte");
                    FoundCompanies.Found first = found.hits().hits().getFirst();
                    assertThat(first.id()).isEqualTo("cmp-green-pack");
                    assertThat(first.source().name().zhHant()).isEqualTo("綠色包裝");
                    assertThat(first.highlight()).containsEntry("name.en", List.of("<em>Green</em> Pack"));
                    assertThat(first.sort()).extracting(Object::toString).containsExactly("2.5", "1733500000000", "\"cmp-green-pack\"");
                    FoundCompanies.Found second = found.hits().hits().get(1);
                    assertThat(second.source()).isNull();
                    assertThat(second.highlight()).isEmpty();
                    assertThat(second.sort()).isEmpty();
                    assertThat(found.aggregations().path("kind").path("values").path("buckets").get(0).path("key").asString())
                            .isEqualTo("SUPPLIER");
                })
                .verifyComplete();
        // aggregations come back under their own names, not "sterms#values"
        assertThat(asked.get().getPath()).isEqualTo("/t-companies/_search");
        assertThat(asked.get().toString()).doesNotContain("typed_keys");
    }

    @Test
    void anAnswerThatIsNotJsonIsAnErrorNotAnEmptyResult() {
        answer.set("{\"hits\": {\"hits\": [{\"_id\": \"cmp-a\", \"_source\": ");
        StepVerifier.create(index.search(SearchRequest.of(s -> s.index("t-companies"))))
                .expectError()
                .verify(Duration.ofSeconds(10));
        answer.set("<html>502 Bad Gateway</html>");
        StepVerifier.create(index.search(SearchRequest.of(s -> s.index("t-companies"))))
                .expectError()
                .verify(Duration.ofSeconds(10));
    }
}
