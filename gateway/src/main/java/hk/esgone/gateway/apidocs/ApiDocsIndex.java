package hk.esgone.gateway.apidocs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import hk.esgone.gateway.routing.DownstreamServices;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v3/api-docs}: where each service's OpenAPI document is, in the shape Swagger UI reads as its
 * {@code urls} setting ({@code {"urls":[{"name":"directory","url":"/v3/api-docs/directory"},...]}}). The
 * documents themselves are routed from the services (RouteConfig). The answer never changes while the
 * gateway runs, so it is rendered once.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsIndex {

    static final String PATH = "/v3/api-docs";

    @Bean
    RouterFunction<ServerResponse> apiDocsIndexRoute(DownstreamServices services) {
        List<Map<String, String>> urls = new ArrayList<>();
        services.apiServices().keySet().forEach(name -> urls.add(Map.of("name", name, "url", PATH + "/" + name)));
        byte[] body = JsonMapper.builder().build().writeValueAsString(Map.of("urls", urls)).getBytes(StandardCharsets.UTF_8);
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                        .bodyValue(body))
                .build();
    }
}
