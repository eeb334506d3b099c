package hk.esgone.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;

/** The one table of services: what application.yml declares, and the mistakes it refuses. */
class DownstreamServicesTests {

    @Test
    void applicationYmlDeclaresTheServicesAndThePortalWithLocalDefaults() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        DownstreamServices table = Binder.get(environment).bind("esg.gateway", DownstreamServices.class).get();

        assertThat(table.services().keySet()).contains("directory", "offers", "badge", "web");
        assertThat(table.apiServices().keySet()).doesNotContain("web");
        assertThat(table.pagePaths()).contains("/", "/search/**", "/login/**", "/oauth2/**", "/sign-out")
                .noneMatch(path -> path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/"));
        assertThat(table.services().get("offers").url()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(table.services().get("badge").paths()).contains("/widget/**", "/.well-known/**");
        assertThat(table.anonymousPatternsByMethod().get(HttpMethod.POST)).containsExactly("/api/v1/badges/verify");
        assertThat(table.corsOpenPatternsByMethod()).isEqualTo(table.anonymousPatternsByMethod());
    }

    @Test
    void aServiceIsOneEntryAndItsAnonymousRequestsAreMethodAndPattern() {
        DownstreamServices table = bind(Map.of(
                "esg.gateway.services.assessment.url", "http://127.0.0.1:8084",
                "esg.gateway.services.assessment.paths[0]", "/api/v1/assessments/**",
                "esg.gateway.services.assessment.anonymous[0]", "GET /api/v1/assessments/benchmarks/**",
                "esg.gateway.services.assessment.anonymous[1]", "post /api/v1/assessments/demo",
                "esg.gateway.services.assessment.cors-open[0]", "GET /api/v1/assessments/benchmarks/**"));

        DownstreamServices.Service service = table.services().get("assessment");
        assertThat(service.anonymous()).containsExactly(
                new DownstreamServices.Request(HttpMethod.GET, "/api/v1/assessments/benchmarks/**"),
                new DownstreamServices.Request(HttpMethod.POST, "/api/v1/assessments/demo"));
        assertThat(table.corsOpenPatternsByMethod()).isEqualTo(Map.of(HttpMethod.GET, List.of("/api/v1/assessments/benchmarks/**")));
    }

    @Test
    void thePortalsPagesAreNeverApisNorACatchAll() {
        for (String path : List.of("/api/v1/pages/**", "/**")) {
            assertRefused(Map.of(
                    "esg.gateway.services.web.url", "http://127.0.0.1:8085",
                    "esg.gateway.services.web.pages", "true",
                    "esg.gateway.services.web.paths[0]", path), path);
        }
        assertRefused(Map.of(
                "esg.gateway.services.web.url", "http://127.0.0.1:8085",
                "esg.gateway.services.web.pages", "true",
                "esg.gateway.services.web.paths[0]", "/search/**",
                "esg.gateway.services.web.anonymous[0]", "GET /search/**"), "no anonymous or cors-open list");
    }

    @Test
    void anAnonymousRequestOutsideTheServicesPathsIsRefused() {
        assertRefused(Map.of(
                "esg.gateway.services.offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "/api/v1/offers/**",
                "esg.gateway.services.offers.anonymous[0]", "GET /api/v1/directory/companies/**"), "is not under any of its paths");
    }

    @Test
    void aCorsOpenRequestMustBeAnonymous() {
        assertRefused(Map.of(
                "esg.gateway.services.offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "/api/v1/offers/**",
                "esg.gateway.services.offers.cors-open[0]", "POST /api/v1/offers/claims"), "is not one of its anonymous requests");
    }

    @Test
    void aPathRoutedToTwoServicesIsRefused() {
        assertRefused(Map.of(
                "esg.gateway.services.offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "/api/v1/offers/**",
                "esg.gateway.services.deals.url", "http://127.0.0.1:8085",
                "esg.gateway.services.deals.paths[0]", "/api/v1/offers/**"), "is routed to both");
    }

    @Test
    void malformedEntriesAreRefused() {
        assertRefused(Map.of("esg.gateway.services.offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "api/v1/offers/**"), "does not start with '/'");
        assertRefused(Map.of("esg.gateway.services.offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "/api/v1/offers/**",
                "esg.gateway.services.offers.anonymous[0]", "/api/v1/offers/catalogue/**"), "is not '<METHOD> <path pattern>'");
        assertRefused(Map.of("esg.gateway.services.offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "/api/v1/offers/**",
                "esg.gateway.services.offers.anonymous[0]", "FETCH /api/v1/offers/catalogue/**"), "is not an HTTP method");
        assertRefused(Map.of("esg.gateway.services.offers.url", "ftp://127.0.0.1:8082",
                "esg.gateway.services.offers.paths[0]", "/api/v1/offers/**"), "is not an http(s) URL");
        assertRefused(Map.of("esg.gateway.services.Offers.url", "http://127.0.0.1:8082",
                "esg.gateway.services.Offers.paths[0]", "/api/v1/offers/**"), "is not a service name");
    }

    private static DownstreamServices bind(Map<String, String> properties) {
        return new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.copyOf(properties))))
                .bind("esg.gateway", DownstreamServices.class).get();
    }

    private static void assertRefused(Map<String, String> properties, String message) {
        assertThatThrownBy(() -> bind(properties))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining(message);
    }
}
