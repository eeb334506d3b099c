package hk.esgone.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies regular expression for the addresses of proxies in front of the gateway (an
 *                       ingress controller, a load balancer) whose {@code X-Forwarded-*} headers are
 *                       kept; empty (the default) trusts no one, so a client cannot claim another
 *                       address, host or scheme
 */
@ConfigurationProperties("esg.gateway.forwarding")
record ForwardingProperties(String trustedProxies) {
}
