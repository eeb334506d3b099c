package hk.esgone.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The client address the rate limiter counts by, directly and behind proxies. */
class ClientAddressTests {

    private static MockServerHttpRequest from(String remote, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/directory/companies")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return request.build();
    }

    @Test
    void withoutTrustedProxiesTheConnectionsAddressCountsWhateverTheHeadersSay() {
        ClientAddress address = new ClientAddress(new ForwardingProperties(""));

        assertThat(address.of(from("203.0.113.9", "198.51.100.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopCounts() {
        ClientAddress address = new ClientAddress(new ForwardingProperties("10\\.0\\.\\d+\\.\\d+"));

        assertThat(address.of(from("10.0.3.4", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(address.of(from("10.0.3.4", "6.6.6.6, 198.51.100.7, 10.0.9.9"))).isEqualTo("198.51.100.7");
        assertThat(address.of(from("10.0.3.4", "6.6.6.6", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(address.of(from("10.0.3.4"))).isEqualTo("10.0.3.4");
    }

    @Test
    void aClientThatOnlyResemblesATrustedProxyIsItself() {
        ClientAddress address = new ClientAddress(new ForwardingProperties("10\\.0\\.\\d+\\.\\d+"));

        assertThat(address.of(from("110.0.3.4", "198.51.100.7"))).isEqualTo("110.0.3.4");
    }
}
