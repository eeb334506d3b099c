package hk.esgone.badge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the badge service, checked at start-up so that a wrong value stops the service instead of
 * producing badges that verifiers cannot check.
 *
 * @param publicUrl           base of every public link (credential ids, status lists, pages, widget); the gateway
 * @param demoData            seed demo achievements and badges
 * @param keys                where signing keys come from
 * @param statusList          size and caching of the Bitstring Status Lists
 * @param widget              widget polling
 * @param verifier            how the verifier fetches published keys and status lists
 * @param expirySweepInterval how often expired badges are announced on the event feed
 * @param outboxRelayInterval how often events left behind by an interrupted write are published
 * @param cursorSecret        HMAC key of pagination cursors; the same on every replica (a random per-process key when empty)
 * @param directory           where directory-service is, to check a badge's holder before issuing
 */
@ConfigurationProperties("esg.badge")
public record BadgeProperties(
        URI publicUrl,
        boolean demoData,
        Keys keys,
        StatusList statusList,
        Widget widget,
        Verifier verifier,
        Duration expirySweepInterval,
        Duration outboxRelayInterval,
        String cursorSecret,
        Directory directory) {

    /** The promise to verifiers: a change of status is visible within this time. */
    public static final Duration STATUS_FRESHNESS = Duration.ofSeconds(60);

    public BadgeProperties {
        if (publicUrl == null) {
            publicUrl = URI.create("http://localhost:8080");
        }
        String url = publicUrl.toString();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("esg.badge.public-url must be an http(s) URL, not '" + url + "'");
        }
        publicUrl = URI.create(url.replaceAll("/+$", ""));
        keys = keys == null ? new Keys(null, null, null, true, null, null) : keys;
        statusList = statusList == null ? new StatusList(0, null) : statusList;
        widget = widget == null ? new Widget(null) : widget;
        verifier = verifier == null ? new Verifier(null, null, 0, null) : verifier;
        expirySweepInterval = positive(expirySweepInterval, Duration.ofSeconds(60), "expiry-sweep-interval");
        outboxRelayInterval = positive(outboxRelayInterval, Duration.ofSeconds(10), "outbox-relay-interval");
        directory = directory == null ? new Directory(null, null, null, null) : directory;
    }

    /** {@code https://host} without a trailing slash. */
    public String base() {
        return publicUrl.toString();
    }

    /** The issuer's id: the URL of its Open Badges profile. */
    public String issuerId() {
        return base() + "/.well-known/issuer";
    }

    public String jwksUrl() {
        return base() + "/.well-known/jwks.json";
    }

    public String statusListBase() {
        return base() + "/api/v1/badges/status-lists/";
    }

    /**
     * @param dir               folder of JWK files ({@code *.json}); a Kubernetes Secret mount works (read-only)
     * @param jwks              a JWKS with private keys given directly (environment)
     * @param activeKid         signing key to use; default: the newest private key ({@code iat})
     * @param generateIfMissing create and persist a key in {@code dir} when there is none (local runs)
     * @param algorithm         algorithm of generated keys: ES256 or RS256
     * @param reloadInterval    how often the folder is read again (a rotated Secret is picked up)
     */
    public record Keys(Path dir, String jwks, String activeKid, boolean generateIfMissing, String algorithm,
                       Duration reloadInterval) {
        public Keys {
            algorithm = algorithm == null || algorithm.isBlank() ? "ES256" : algorithm.trim();
            if (!algorithm.equals("ES256") && !algorithm.equals("RS256")) {
                throw new IllegalArgumentException("esg.badge.keys.algorithm must be ES256 or RS256, not '" + algorithm + "'");
            }
            jwks = jwks == null || jwks.isBlank() ? null : jwks;
            activeKid = activeKid == null || activeKid.isBlank() ? null : activeKid;
            reloadInterval = positive(reloadInterval, Duration.ofSeconds(60), "keys.reload-interval");
        }
    }

    /**
     * @param size   entries per list; a power of two, at least 131,072 (the W3C minimum, for herd privacy)
     * @param maxAge {@code Cache-Control: max-age} of a status list; at most 60 s
     */
    public record StatusList(int size, Duration maxAge) {
        public StatusList {
            size = size == 0 ? 131_072 : size;
            if (size < 131_072 || Integer.bitCount(size) != 1) {
                throw new IllegalArgumentException("esg.badge.status-list.size must be a power of two >= 131072, not " + size);
            }
            maxAge = positive(maxAge, Duration.ofSeconds(30), "status-list.max-age");
            if (maxAge.compareTo(STATUS_FRESHNESS) > 0) {
                throw new IllegalArgumentException("esg.badge.status-list.max-age must be at most 60s: verifiers are promised "
                        + "to see a change within a minute");
            }
        }
    }

    /**
     * @param pollInterval how often an embedded widget checks the badge again; 1 s to 50 s, so that the interval plus
     *                     the time a browser or shared cache may keep the answer ({@link #cacheFor()}) stays within
     *                     the minute promised for a revocation to reach an open page
     */
    public record Widget(Duration pollInterval) {

        /** Left of the minute for the round trips (the poll's and the revocation's). */
        private static final Duration ROUND_TRIPS = Duration.ofSeconds(10);

        public Widget {
            pollInterval = positive(pollInterval, Duration.ofSeconds(30), "widget.poll-interval");
            if (pollInterval.compareTo(STATUS_FRESHNESS.minus(ROUND_TRIPS)) > 0 || pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("esg.badge.widget.poll-interval must be between 1s and 50s");
            }
        }

        /**
         * How long a widget answer (status, image, iframe) may be cached, by the browser ({@code max-age}) and by any
         * shared cache ({@code s-maxage}): at most the poll interval, and at most what the minute leaves after one
         * poll interval and the round trips. Poll 30 s → 20 s: a revocation shows within 30 + 20 + round trips.
         */
        public Duration cacheFor() {
            Duration left = STATUS_FRESHNESS.minus(ROUND_TRIPS).minus(pollInterval);
            return left.compareTo(pollInterval) < 0 ? left : pollInterval;
        }
    }

    /**
     * @param fetchBaseUrl   where {@code publicUrl} is reached from this service; empty = this service on loopback
     * @param timeout        per fetch of a JWKS or status list
     * @param maxJwtBytes    larger credentials are rejected without parsing
     * @param jwksMinRefetch an unknown {@code kid} refetches the JWKS at most this often
     */
    public record Verifier(URI fetchBaseUrl, Duration timeout, int maxJwtBytes, Duration jwksMinRefetch) {
        public Verifier {
            fetchBaseUrl = fetchBaseUrl == null || fetchBaseUrl.toString().isBlank() ? null
                    : URI.create(fetchBaseUrl.toString().replaceAll("/+$", ""));
            timeout = positive(timeout, Duration.ofSeconds(3), "verifier.timeout");
            maxJwtBytes = maxJwtBytes <= 0 ? 16_384 : maxJwtBytes;
            jwksMinRefetch = jwksMinRefetch == null ? Duration.ofSeconds(2) : jwksMinRefetch;
        }
    }

    /**
     * directory-service, asked about a company before a badge is issued to it.
     *
     * @param url             its base URL ({@code DIRECTORY_URL})
     * @param connectTimeout  TCP connect limit
     * @param responseTimeout limit for the answer
     * @param retryAfter      the {@code Retry-After} of the 503 when it cannot answer
     */
    public record Directory(URI url, Duration connectTimeout, Duration responseTimeout, Duration retryAfter) {
        public Directory {
            url = url == null || url.toString().isBlank() ? URI.create("http://127.0.0.1:8081")
                    : URI.create(url.toString().replaceAll("/+$", ""));
            connectTimeout = positive(connectTimeout, Duration.ofSeconds(1), "directory.connect-timeout");
            responseTimeout = positive(responseTimeout, Duration.ofSeconds(3), "directory.response-timeout");
            retryAfter = positive(retryAfter, Duration.ofSeconds(10), "directory.retry-after");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("esg.badge." + name + " must be positive");
        }
        return value;
    }
}
