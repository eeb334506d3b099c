package hk.esgone.web.support;

import java.net.URI;
import java.util.regex.Pattern;

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

    /** {@code next} when it is a path on this site, else {@code /}. */
    public static String safe(String next) {
        if (next == null || next.length() > MAX || !SAFE.matcher(next).matches()) {
            return "/";
        }
        return next;
    }
}
