package hk.esgone.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * W3C trace context across the gateway: the proxied request continues the caller's trace (same trace id,
 * the gateway's own span as parent) or starts one, and the correlation id flows alongside, unchanged.
 */
class TracePropagationTests extends AbstractGatewayTests {

    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String CALLER_SPAN_ID = "b7ad6b7169203331";

    @Test
    void theProxiedRequestContinuesTheCallersTrace() {
        client.get().uri("/api/v1/directory/companies")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .header("X-Correlation-Id", "trace-corr-0001")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-corr-0001");

        FakeUpstream.Received received = DIRECTORY.onlyRequest();
        assertThat(received.header("traceparent"))
                .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                .doesNotContain(CALLER_SPAN_ID);
        assertThat(received.header("X-Correlation-Id")).isEqualTo("trace-corr-0001");
    }

    @Test
    void aRequestWithoutTraceContextStartsANewTrace() {
        client.get().uri("/api/v1/directory/companies").exchange().expectStatus().isOk();

        FakeUpstream.Received received = DIRECTORY.onlyRequest();
        assertThat(received.header("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}")
                .doesNotStartWith("00-00000000000000000000000000000000");
        assertThat(received.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void aMalformedTraceparentIsReplacedNotForwarded() {
        client.get().uri("/api/v1/directory/companies").header("traceparent", "00-not-a-trace-01").exchange()
                .expectStatus().isOk();

        assertThat(DIRECTORY.onlyRequest().header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }
}
