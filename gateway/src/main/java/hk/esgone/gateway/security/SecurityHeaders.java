package hk.esgone.gateway.security;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Protective response headers, added as the response is committed and never overriding a header the answer
 * already has: a service's choices for its own pages (the widget iframe's per-company {@code frame-ancestors})
 * stay as the service sent them.
 * <ul>
 * <li>every answer: {@code X-Content-Type-Options: nosniff};</li>
 * <li>the gateway's own answers (problems, actuator): not frameable, not cached unless they say so;</li>
 * <li>HTML pages (the server-rendered badge pages): a Content-Security-Policy that allows no script, a
 *     Referrer-Policy and a Permissions-Policy. Pages under {@code /widget/} are meant to be embedded by any
 *     site ({@code frame-ancestors *}); every other page may not be framed at all.</li>
 * </ul>
 */
@Component
public class SecurityHeaders implements WebFilter, Ordered {

    static final String NOSNIFF = "X-Content-Type-Options";
    static final String FRAME_OPTIONS = "X-Frame-Options";
    static final String CSP = "Content-Security-Policy";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String PERMISSIONS_POLICY = "Permissions-Policy";

    /** The badge pages render HTML and inline styles, with images from anywhere over https; nothing else. */
    static final String PAGE_CSP = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final String WIDGET_CSP = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors *";
    static final String REFERRER = "strict-origin-when-cross-origin";
    static final String PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
            + "microphone=(), payment=(), usb=()";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            setIfAbsent(headers, NOSNIFF, "nosniff");
            boolean own = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) == null;
            if (own) {
                setIfAbsent(headers, FRAME_OPTIONS, "DENY");
                setIfAbsent(headers, HttpHeaders.CACHE_CONTROL, "no-store");
            }
            String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            if (contentType != null && contentType.regionMatches(true, 0, "text/html", 0, 9)) {
                boolean widget = exchange.getRequest().getPath().value().startsWith("/widget/");
                setIfAbsent(headers, CSP, widget ? WIDGET_CSP : PAGE_CSP);
                if (!widget) {
                    setIfAbsent(headers, FRAME_OPTIONS, "DENY");
                }
                setIfAbsent(headers, REFERRER_POLICY, REFERRER);
                setIfAbsent(headers, PERMISSIONS_POLICY, PERMISSIONS);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /**
     * The headers of a page the gateway answers before any filter runs (a malformed address): the same as its other
     * own pages get from this filter.
     */
    public static HttpHeaders ownPage() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(NOSNIFF, "nosniff");
        headers.set(FRAME_OPTIONS, "DENY");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set(CSP, PAGE_CSP);
        headers.set(REFERRER_POLICY, REFERRER);
        headers.set(PERMISSIONS_POLICY, PERMISSIONS);
        return headers;
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
