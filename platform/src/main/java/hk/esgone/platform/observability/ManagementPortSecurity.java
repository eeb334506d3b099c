package hk.esgone.platform.observability;

import java.net.InetSocketAddress;

import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * When actuator runs on its own port ({@code management.server.port}, as in Kubernetes), requests to that
 * port get a security chain of their own that lets the exposed endpoints through without a token: the
 * port is reachable only by the kubelet (probes) and the monitoring namespace (Prometheus), never through
 * the ingress. Spring Security's WebFilter serves both ports, so without this an application whose chain
 * asks a token for everything but health (the gateway) would refuse Prometheus's scrape.
 */
final class ManagementPortSecurity {

    private ManagementPortSecurity() {
    }

    static SecurityWebFilterChain chain(ServerHttpSecurity http, Environment environment) {
        return http.securityMatcher(onManagementPort(environment))
                .authorizeExchange(auth -> auth.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** The port is known only once the management server has started (0 means a random one). */
    static ServerWebExchangeMatcher onManagementPort(Environment environment) {
        return exchange -> {
            Integer managementPort = environment.getProperty("local.management.port", Integer.class);
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            return managementPort != null && local != null && local.getPort() == managementPort
                    ? MatchResult.match()
                    : MatchResult.notMatch();
        };
    }
}
