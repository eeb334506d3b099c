package hk.esgone.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What someone who opens the gateway's address in a browser sees: a short bilingual page pointing to the
 * public reads, the badge pages, the API documents and health — instead of a 401 problem.
 */
@Configuration(proxyBeanMethods = false)
class LandingPage {

    static final String PATH = "/";

    @Bean
    RouterFunction<ServerResponse> landingPageRoute() throws IOException {
        String html;
        try (InputStream in = new ClassPathResource("landing/index.html").getInputStream()) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return RouterFunctions.route()
                .GET(PATH, request -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .bodyValue(html))
                .build();
    }
}
