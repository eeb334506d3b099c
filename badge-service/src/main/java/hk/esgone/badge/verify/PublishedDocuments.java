package hk.esgone.badge.verify;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Fetches what the issuer publishes, the way any outside verifier would: the JWKS and the status list credentials,
 * over HTTP, with timeouts and a size cap. Only URLs under the trusted issuer's public base are fetched (a posted
 * credential cannot make this service call an arbitrary address); they are fetched from {@code fetchBase}, which is
 * where that public base is reachable from here. Both are cached and revalidated with their ETag; an unknown
 * {@code kid} refetches the JWKS (at most every {@code minRefetch}), which is how a new key after rotation is found.
 */
public final class PublishedDocuments {

    /** A fetch that did not produce a usable document. */
    public static final class FetchFailure extends RuntimeException {
        FetchFailure(String message) {
            super(message, null, false, false);
        }
    }

    private record CachedBody(String etag, String body) {
    }

    private record CachedKeys(JWKSet keys, String etag, Instant fetchedAt) {
    }

    private static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_CACHED_LISTS = 1000;

    private final String publicBase;
    private final Supplier<String> fetchBase;
    private final WebClient web;
    private final Duration timeout;
    private final Duration minRefetch;
    private final Clock clock;
    private final AtomicReference<CachedKeys> keys = new AtomicReference<>();
    private final Map<String, CachedBody> lists = new ConcurrentHashMap<>();

    public PublishedDocuments(String publicBase, Supplier<String> fetchBase, WebClient.Builder builder, Duration timeout,
                              Duration minRefetch, Clock clock) {
        this.publicBase = publicBase;
        this.fetchBase = fetchBase;
        this.timeout = timeout;
        this.minRefetch = minRefetch;
        this.clock = clock;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 10_000))
                .responseTimeout(timeout)
                .followRedirect(false);
        this.web = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .exchangeStrategies(ExchangeStrategies.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(MAX_BYTES)).build())
                .build();
    }

    public String publicBase() {
        return publicBase;
    }

    /** The published key with this kid, or empty when the issuer does not publish it. */
    public Mono<JWK> key(String kid) {
        CachedKeys cached = keys.get();
        if (cached != null && cached.keys().getKeyByKeyId(kid) != null) {
            return Mono.just(cached.keys().getKeyByKeyId(kid));
        }
        if (cached != null && cached.fetchedAt().plus(minRefetch).isAfter(clock.instant())) {
            return Mono.empty();
        }
        return fetchKeys(cached).mapNotNull(set -> set.getKeyByKeyId(kid));
    }

    private Mono<JWKSet> fetchKeys(CachedKeys cached) {
        return get(publicBase + "/.well-known/jwks.json", cached == null ? null : cached.etag())
                .map(result -> {
                    if (result.notModified()) {
                        CachedKeys refreshed = new CachedKeys(cached.keys(), cached.etag(), clock.instant());
                        keys.set(refreshed);
                        return refreshed.keys();
                    }
                    try {
                        JWKSet set = JWKSet.parse(result.body());
                        keys.set(new CachedKeys(set, result.etag(), clock.instant()));
                        return set;
                    } catch (ParseException e) {
                        throw new FetchFailure("the issuer's JWKS is not valid JSON Web Key Set");
                    }
                });
    }

    /** The body at {@code url} (a status list credential), revalidated with its ETag. */
    public Mono<String> statusList(String url) {
        if (!url.startsWith(publicBase + "/api/v1/badges/status-lists/") || url.contains("..") || url.contains("?") || url.contains("#")) {
            return Mono.error(new FetchFailure("the status list is not at the issuer's address (" + Jws.shorten(url) + ")"));
        }
        CachedBody cached = lists.get(url);
        return get(url, cached == null ? null : cached.etag()).map(result -> {
            if (result.notModified()) {
                return cached.body();
            }
            if (result.etag() != null) {
                if (lists.size() >= MAX_CACHED_LISTS) {
                    lists.clear();
                }
                lists.put(url, new CachedBody(result.etag(), result.body()));
            }
            return result.body();
        });
    }

    /** GET with If-None-Match; {@code notModified} means: use the cached body. */
    private Mono<Fetched> get(String publicUrl, String etag) {
        String url = fetchBase.get() + publicUrl.substring(publicBase.length());
        return web.get().uri(java.net.URI.create(url))
                .headers(h -> {
                    if (etag != null) {
                        h.setIfNoneMatch(etag);
                    }
                })
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_MODIFIED.value() && etag != null) {
                        return response.releaseBody().thenReturn(new Fetched(true, etag, null));
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().then(Mono.<Fetched>error(new FetchFailure("the issuer answered HTTP "
                                + response.statusCode().value())));
                    }
                    String newEtag = response.headers().asHttpHeaders().getFirst(HttpHeaders.ETAG);
                    return response.bodyToMono(String.class)
                            .switchIfEmpty(Mono.error(new FetchFailure("the issuer answered with an empty body")))
                            .map(body -> new Fetched(false, newEtag, body));
                })
                .timeout(timeout.plusMillis(500))
                .onErrorMap(e -> !(e instanceof FetchFailure), e -> new FetchFailure(describe(e)));
    }

    private record Fetched(boolean notModified, String etag, String body) {
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "the issuer did not answer in time";
            }
            if (t instanceof DataBufferLimitException) {
                return "the issuer's document is larger than " + MAX_BYTES + " bytes";
            }
        }
        return "the issuer could not be reached";
    }
}
