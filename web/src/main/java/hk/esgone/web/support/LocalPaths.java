package hk.esgone.web.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Addresses on this site that a link may send someone back to ("next" after a language switch or sign-in). Anything
 * else — another host, {@code //evil.example}, a backslash, control characters — becomes the home page, so the
 * portal never redirects anyone off the site.
 */
public final class LocalPaths {

    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");
    private static final int MAX = 2_000;

    private LocalPaths() {
    }

    /** The request's path and query, as a local path. */
    public static String of(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return safe(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    /**
     * Where someone goes back to after signing in again: the page itself for a read; for a form sent (whose address
     * may answer only POST), the page the form was on — the path of its {@code Referer}, whatever its host — else
     * the account page.
     */
    public static String returnTo(ServerHttpRequest request) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
            return of(request.getURI());
        }
        String referer = request.getHeaders().getFirst(HttpHeaders.REFERER);
        if (referer != null) {
            try {
                return of(new URI(referer));
            } catch (URISyntaxException malformed) {
                // as no Referer
            }
        }
        return "/account";
    }

    /** {@code next} when it is a path on this site, else {@code /}. */
    public static String safe(String next) {
        if (next == null || next.length() > MAX || !SAFE.matcher(next).matches()) {
            return "/";
        }
        return next;
    }
}
