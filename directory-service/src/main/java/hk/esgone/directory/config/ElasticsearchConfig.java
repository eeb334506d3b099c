package hk.esgone.directory.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;

import hk.esgone.directory.search.SearchProperties;
import hk.esgone.directory.search.store.IndexJson;

/** The Elasticsearch Java client on the non-blocking Rest5Client (Apache HttpClient 5, async). */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    Rest5Client elasticsearchRestClient(SearchProperties properties) {
        Header[] credentials = properties.username() == null || properties.username().isBlank() ? new Header[0]
                : new Header[] {new BasicHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8)))};
        return Rest5Client.builder(URI.create(properties.url()))
                .setDefaultHeaders(credentials)
                // answers uncompressed: gzip on a loopback or in-cluster hop costs Elasticsearch a deflate and this
                // service an inflate per search, more time than the bytes it saves (bench/directory/run)
                // and none of the HTTP client's cookie, redirect and authentication-cache handling, which Elasticsearch
                // never uses and which ran on every request
                .setHttpClientConfigCallback(client -> client.disableContentCompression().disableCookieManagement()
                        .disableRedirectHandling().disableAuthCaching())
                .setConnectionConfigCallback(c -> c
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.requestTimeout())))
                .setRequestConfigCallback(r -> r
                        .setConnectionRequestTimeout(Timeout.of(properties.requestTimeout()))
                        .setResponseTimeout(Timeout.of(properties.requestTimeout())))
                .build();
    }

    @Bean
    ElasticsearchAsyncClient elasticsearchClient(Rest5Client restClient) {
        return new ElasticsearchAsyncClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper(IndexJson.mapper())));
    }
}
