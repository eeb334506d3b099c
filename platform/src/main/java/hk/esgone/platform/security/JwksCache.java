package hk.esgone.platform.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signing keys of the identity provider, fetched from its JWKS endpoint and kept. Anyone can send a
 * token naming an unknown {@code kid}; refetching for each one would make every anonymous request a call
 * to Keycloak. So the keys are fetched again at most once per {@code refetchInterval} (a rotated key is
 * accepted within that interval), one fetch is shared by all requests waiting for it, and a token with an
 * algorithm that is not accepted, or without a {@code kid} (Keycloak always sets one), never causes a fetch. Keys older than
 * {@code lifetime} are refreshed on the next request (within the same limit), so a removed key stops
 * being accepted; when that refresh fails, the keys already held are kept.
 */
public final class JwksCache implements Function<SignedJWT, Flux<JWK>> {

    private record Held(JWKSet keys, Instant fetchedAt) {
    }

    private final Supplier<Mono<String>> fetch;
    private final Set<JWSAlgorithm> algorithms;
    private final Duration refetchInterval;
    private final Duration lifetime;
    private final Clock clock;

    private volatile Held held;
    private Instant lastAttempt;
    private Mono<JWKSet> inFlight;

    /**
     * @param fetch            the body of the JWKS endpoint (called once per subscription)
     * @param algorithms       the signature algorithms tokens may use; others are refused without a fetch
     * @param refetchInterval  the least time between two fetches
     * @param lifetime         how long fetched keys are used before they are fetched again
     */
    public JwksCache(Supplier<Mono<String>> fetch, Set<JWSAlgorithm> algorithms, Duration refetchInterval,
            Duration lifetime, Clock clock) {
        this.fetch = fetch;
        this.algorithms = Set.copyOf(algorithms);
        this.refetchInterval = refetchInterval;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        if (header == null || !algorithms.contains(header.getAlgorithm())) {
            return Flux.empty();
        }
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Held current = held;
        List<JWK> known = current == null ? List.of() : selector.select(current.keys());
        boolean fresh = current != null && clock.instant().isBefore(current.fetchedAt().plus(lifetime));
        if (!known.isEmpty() && fresh || header.getKeyID() == null) {
            // a token that names no key is checked against the keys held; it never causes a fetch
            return Flux.fromIterable(known);
        }
        Mono<JWKSet> refresh = refresh();
        if (refresh == null) {
            if (current == null) {
                return Flux.error(new IllegalStateException("The signing keys could not be fetched recently; not trying again yet"));
            }
            return Flux.fromIterable(known);
        }
        return refresh
                .map(selector::select)
                .onErrorResume(ex -> known.isEmpty() ? Mono.error(ex) : Mono.just(known))
                .flatMapIterable(keys -> keys);
    }

    /** The fetch under way, a new one if the interval allows it, or {@code null} when it does not. */
    private synchronized Mono<JWKSet> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(refetchInterval))) {
            return null;
        }
        lastAttempt = now;
        AtomicReference<Mono<JWKSet>> self = new AtomicReference<>();
        self.set(Mono.defer(fetch)
                .map(JwksCache::parse)
                .doOnNext(keys -> held = new Held(keys, clock.instant()))
                .doFinally(signal -> finished(self.get()))
                .cache());
        inFlight = self.get();
        return inFlight;
    }

    private synchronized void finished(Mono<JWKSet> fetchDone) {
        if (inFlight == fetchDone) {
            inFlight = null;
        }
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException ex) {
            throw new IllegalStateException("The JWKS endpoint answered with something that is not a key set", ex);
        }
    }
}
