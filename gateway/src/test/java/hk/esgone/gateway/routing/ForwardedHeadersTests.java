package hk.esgone.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The X-Forwarded-* headers a service receives, for a direct client and behind a trusted proxy. */
class ForwardedHeadersTests {

    private static MockServerWebExchange requestFrom(String remoteAddress) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("http://api.esg-one.hk/api/v1/directory/companies")
                .remoteAddress(new InetSocketAddress(remoteAddress, 50123))
                .header(HttpHeaders.HOST, "api.esg-one.hk")
                .header("X-Forwarded-For", "198.51.100.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "www.esg-one.hk")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-Prefix", "/evil"));
    }

    @Test
    void aClientsOwnForwardedHeadersAreReplacedByWhatTheGatewaySaw() {
        ForwardedHeaders filter = new ForwardedHeaders(new ClientAddress(new ForwardingProperties("")));
        MockServerWebExchange exchange = requestFrom("203.0.113.9");

        HttpHeaders out = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(out.get("X-Forwarded-For")).containsExactly("203.0.113.9");
        assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("api.esg-one.hk");
        assertThat(out.getFirst("X-Forwarded-Port")).isEqualTo("80");
        assertThat(out.containsHeader("X-Forwarded-Prefix")).isFalse();
    }

    @Test
    void aTrustedProxysHeadersAreKeptAndItsAddressAppended() {
        ForwardedHeaders filter = new ForwardedHeaders(new ClientAddress(new ForwardingProperties("10\\.0\\.\\d+\\.\\d+")));
        MockServerWebExchange exchange = requestFrom("10.0.3.4");

        HttpHeaders out = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(out.get("X-Forwarded-For")).containsExactly("198.51.100.7, 10.0.3.4");
        assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(out.getFirst("X-Forwarded-Host")).isEqualTo("www.esg-one.hk");
        assertThat(out.getFirst("X-Forwarded-Port")).isEqualTo("443");
        assertThat(out.containsHeader("X-Forwarded-Prefix")).isFalse();
    }

    @Test
    void anAddressThatOnlyResemblesATrustedProxyIsNotTrusted() {
        ForwardedHeaders filter = new ForwardedHeaders(new ClientAddress(new ForwardingProperties("10\\.0\\.\\d+\\.\\d+")));
        MockServerWebExchange exchange = requestFrom("110.0.3.4");

        HttpHeaders out = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(out.get("X-Forwarded-For")).containsExactly("110.0.3.4");
        assertThat(out.getFirst("X-Forwarded-Proto")).isEqualTo("http");
    }
}
