package hk.esgone.gateway.routing;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who the client is, by one rule for everything that needs it (the forwarded headers, the rate limiter):
 * the address of the connection, unless that connection comes from a proxy matching
 * {@code esg.gateway.forwarding.trusted-proxies}; then the nearest {@code X-Forwarded-For} entry that is
 * not itself a trusted proxy. Entries further left were written by whoever sent the request and are not
 * believed.
 */
@Component
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Null when no proxy is trusted. */
    private final Pattern trustedProxies;

    ClientAddress(ForwardingProperties properties) {
        String regex = properties.trustedProxies();
        this.trustedProxies = StringUtils.hasText(regex) ? Pattern.compile(regex) : null;
    }

    /** The client's address, or null when the connection has none (only in mock requests). */
    public String of(ServerHttpRequest request) {
        String remote = remoteAddress(request);
        if (!isTrustedProxy(remote)) {
            return remote;
        }
        List<String> forwarded = request.getHeaders().get(FORWARDED_FOR);
        if (forwarded == null) {
            return remote;
        }
        String nearest = remote;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String[] hops = forwarded.get(i).split(",");
            for (int j = hops.length - 1; j >= 0; j--) {
                String hop = hops[j].trim();
                if (hop.isEmpty()) {
                    continue;
                }
                nearest = hop;
                if (!isTrustedProxy(hop)) {
                    return hop;
                }
            }
        }
        return nearest;
    }

    /** Whether the request's connection comes from a trusted proxy, whose X-Forwarded-* may be kept. */
    boolean fromTrustedProxy(ServerHttpRequest request) {
        return isTrustedProxy(remoteAddress(request));
    }

    private boolean isTrustedProxy(String address) {
        return trustedProxies != null && address != null && trustedProxies.matcher(address).matches();
    }

    static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
