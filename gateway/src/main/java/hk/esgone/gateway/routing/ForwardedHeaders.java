package hk.esgone.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who called and how: {@code X-Forwarded-For/-Proto/-Host/-Port}. Values a client
 * sent itself are dropped (Spring Cloud Gateway already strips them when its own trusted-proxies
 * setting is unset, which it must stay); only a proxy matching {@code esg.gateway.forwarding.trusted-proxies}
 * may pass its values on, and the gateway appends the address it saw. The rule is {@link ClientAddress}'s, which
 * the rate limiter uses too.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";

    private final ClientAddress clientAddress;

    ForwardedHeaders(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders incoming = request.getHeaders();
        String remoteAddress = ClientAddress.remoteAddress(request);
        boolean trusted = clientAddress.fromTrustedProxy(request);

        HttpHeaders out = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-")) {
                out.addAll(name, values);
            }
        });

        URI uri = request.getURI();
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        String priorFor = trusted ? String.join(", ", incoming.getOrEmpty(FOR)) : "";
        String forValue = StringUtils.hasText(priorFor) ? priorFor + ", " + remoteAddress : remoteAddress;
        if (forValue != null) {
            out.set(FOR, forValue);
        }
        out.set(PROTO, trustedOr(trusted, incoming, PROTO, scheme));
        String host = incoming.getFirst(HttpHeaders.HOST) != null ? incoming.getFirst(HttpHeaders.HOST) : uri.getAuthority();
        String forwardedHost = trustedOr(trusted, incoming, HOST, host);
        if (forwardedHost != null) {
            out.set(HOST, forwardedHost);
        }
        out.set(PORT, trustedOr(trusted, incoming, PORT, Integer.toString(port)));
        return out;
    }

    private static String trustedOr(boolean trusted, HttpHeaders incoming, String name, String own) {
        List<String> values = incoming.getOrEmpty(name);
        // a trusted proxy's value is the client-facing one; the first entry is the outermost proxy's
        return trusted && !values.isEmpty() && StringUtils.hasText(values.getFirst())
                ? values.getFirst().split(",")[0].trim()
                : own;
    }

    @Override
    public int getOrder() {
        // after Spring Cloud Gateway's own X-Forwarded removal (order 0)
        return 10;
    }
}
