package hk.esgone.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.platform.web.CorrelationId;
import hk.esgone.testsupport.web.TestWebClients;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request through a service that calls another over WebClient, as the gateway and the services do:
 * the W3C trace context is continued (or started) and passed on, the correlation id flows exactly as
 * before, a JSON log line carries both, and the request shows up in {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ObservabilityIntegrationTests.TestApp.class,
        properties = {"spring.application.name=observed-app", "esg.security.issuer=http://keycloak.invalid/realms/esg-one",
                "management.endpoints.web.exposure.include=health,prometheus",
                // what Kubernetes sets (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs)
                "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = TestWebClients.unpooled(port);
    }

    @Test
    void aCallersTraceIsContinuedAndPassedOnWithTheCorrelationId() {
        Map<String, String> downstream = hop(TRACEPARENT, "obs-test-0001");

        // the outgoing call carries the caller's trace id with a new parent span (the client span), sampled as the caller said
        assertThat(downstream.get("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .doesNotContain(CALLER_SPAN_ID);
        // and the called service continues that trace
        assertThat(downstream.get("traceId")).isEqualTo(TRACE_ID);
        assertThat(downstream.get("correlationId")).isEqualTo("obs-test-0001");
    }

    @Test
    void withoutATraceparentANewTraceStartsAndIsPassedOn() {
        Map<String, String> downstream = hop(null, null);

        assertThat(downstream.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                .doesNotContain("00000000000000000000000000000000");
        assertThat(downstream.get("traceparent")).contains(downstream.get("traceId"));
        assertThat(downstream.get("correlationId")).matches("[0-9a-f-]{36}");
    }

    @Test
    void theJsonLogLineOfARequestCarriesItsCorrelationIdAndTrace(CapturedOutput output) {
        hop(TRACEPARENT, "obs-test-0002");

        Map<String, Object> line = output.getOut().lines()
                .filter(l -> l.startsWith("{") && l.contains("calling downstream"))
                .map(l -> JSON.readValue(l, new TypeReference<Map<String, Object>>() { }))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON log line in:\n" + output.getOut()));
        assertThat(line)
                .containsEntry("message", "calling downstream")
                .containsEntry("correlationId", "obs-test-0002")
                .containsEntry("traceId", TRACE_ID)
                .containsKey("spanId")
                .containsKey("@timestamp");
        assertThat(line.get("log")).asString().contains("level=INFO");
        assertThat(line.get("service")).asString().contains("name=observed-app");
    }

    @Test
    void prometheusShowsHttpServerRequestsTaggedWithTheApplicationAndNoHistograms() {
        hop(null, null);

        String metrics = web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")))
                .anySatisfy(l -> assertThat(l).contains("application=\"observed-app\"").contains("uri=\"/hop\""))
                // probes and scrapes are not observed
                .noneSatisfy(l -> assertThat(l).contains("uri=\"/actuator"));
        assertThat(metrics.lines().filter(l -> l.startsWith("http_client_requests_seconds_count{")))
                .anySatisfy(l -> assertThat(l).contains("application=\"observed-app\"").contains("uri=\"/downstream\""));
        // percentiles histograms are off by default: one series per request kind, not dozens of buckets
        assertThat(metrics).doesNotContain("http_server_requests_seconds_bucket");
    }

    @Test
    void spansAreExportedOnlyWhenAnOtlpEndpointIsConfigured() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream().toList())
                .as("no OTLP endpoint configured: no exporter that would fail to connect")
                .noneMatch(exporter -> exporter.getClass().getName().contains("Otlp"));
    }

    private Map<String, String> hop(String traceparent, String correlationId) {
        return web.get().uri("/hop")
                .headers(h -> {
                    if (traceparent != null) {
                        h.set("traceparent", traceparent);
                    }
                    if (correlationId != null) {
                        h.set(CorrelationId.HEADER, correlationId);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { })
                .returnResult().getResponseBody();
    }

    @SpringBootApplication
    @EnableWebFluxSecurity
    static class TestApp {

        @Bean
        SecurityWebFilterChain openChain(ServerHttpSecurity http) {
            return http.authorizeExchange(a -> a.anyExchange().permitAll()).csrf(ServerHttpSecurity.CsrfSpec::disable).build();
        }

        @Bean
        HopController hopController(WebClient.Builder webClient, Environment environment, Tracer tracer) {
            return new HopController(webClient.build(), environment, tracer);
        }
    }

    /** {@code /hop} calls {@code /downstream} of the same application, which reports what it received. */
    @RestController
    static class HopController {

        private static final Logger log = LoggerFactory.getLogger(HopController.class);

        private final WebClient webClient;
        private final Environment environment;
        private final Tracer tracer;

        HopController(WebClient webClient, Environment environment, Tracer tracer) {
            this.webClient = webClient;
            this.environment = environment;
            this.tracer = tracer;
        }

        @GetMapping("/hop")
        Mono<Map<String, String>> hop() {
            return Mono.fromRunnable(() -> log.info("calling downstream"))
                    .then(webClient.get()
                            .uri("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/downstream")
                            .retrieve()
                            .bodyToMono(new ParameterizedTypeReference<Map<String, String>>() { }));
        }

        @GetMapping("/downstream")
        Mono<Map<String, String>> downstream(@RequestHeader HttpHeaders headers) {
            return Mono.fromSupplier(() -> Map.of(
                    "traceparent", String.valueOf(headers.getFirst("traceparent")),
                    "correlationId", String.valueOf(headers.getFirst(CorrelationId.HEADER)),
                    "traceId", tracer.currentSpan() == null ? "none" : tracer.currentSpan().context().traceId()));
        }
    }
}
