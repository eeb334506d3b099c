package hk.esgone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.time.MutableClock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * The key lookups behind every token check, against a fake Keycloak that counts how often its JWKS is
 * fetched: forged {@code kid}s cannot make each request a call to the identity server.
 */
class JwksCacheTests {

    private final TestTokenIssuer keycloak = new TestTokenIssuer();
    private final MutableClock clock = new MutableClock();
    private final EsgSecurityProperties properties = new EsgSecurityProperties(URI.create(keycloak.issuer()), null, null, null,
            Duration.ofSeconds(15), Duration.ofMinutes(5));
    private final ReactiveJwtDecoder decoder = EsgSecurity.jwtDecoder(properties, clock);

    @AfterEach
    void stop() {
        keycloak.close();
    }

    @Test
    void aThousandTokensWithRandomKidsCauseOneFetchNotAThousand() {
        StepVerifier.create(decoder.decode(token())).expectNextCount(1).verifyComplete();
        long started = System.nanoTime();

        for (int i = 0; i < 1_000; i++) {
            StepVerifier.create(decoder.decode(keycloak.tokenWithUnknownKid(UUID.randomUUID().toString())))
                    .expectError(BadJwtException.class).verify(Duration.ofSeconds(30));
        }

        // the valid token fetched the keys; within the interval no forged kid fetches again (a slow machine
        // that needed more than one interval for the loop gets one more fetch per interval, never one per request)
        long intervals = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 15;
        System.out.println("JWKS fetches for 1 valid token + 1,000 random kids: " + keycloak.jwksFetches());
        assertThat(keycloak.jwksFetches()).isBetween(1, 1 + (int) intervals);
        StepVerifier.create(decoder.decode(token())).expectNextCount(1).verifyComplete();
    }

    @Test
    void concurrentRequestsWithUnknownKidsShareOneFetch() {
        List<String> forged = Flux.range(0, 200).map(i -> keycloak.tokenWithUnknownKid(UUID.randomUUID().toString()))
                .collectList().block();

        StepVerifier.create(Flux.fromIterable(forged)
                        .flatMap(token -> decoder.decode(token).map(jwt -> "accepted").onErrorReturn(JwtException.class, "refused"), 200))
                .expectNextCount(200).verifyComplete();

        assertThat(keycloak.jwksFetches()).isEqualTo(1);
    }

    @Test
    void waitingRequestsJoinTheFetchUnderWay() {
        AtomicInteger fetches = new AtomicInteger();
        Sinks.One<String> answer = Sinks.one();
        // no interval at all: only the sharing keeps this to one fetch
        JwksCache cache = new JwksCache(() -> {
            fetches.incrementAndGet();
            return answer.asMono();
        }, Set.of(JWSAlgorithm.RS256), Duration.ZERO, Duration.ofMinutes(5), clock);

        List<Mono<Long>> waiting = Flux.range(0, 50)
                .map(i -> cache.apply(parse(keycloak.tokenWithUnknownKid("k-" + i))).count().cache())
                .collectList().block();
        waiting.forEach(Mono::subscribe);
        answer.tryEmitValue("{\"keys\":[]}");

        waiting.forEach(result -> assertThat(result.block(Duration.ofSeconds(10))).isZero());
        assertThat(fetches).hasValue(1);
    }

    @Test
    void tokensThatFailForOtherReasonsNeverCauseAFetch() {
        List<String> bad = List.of(
                keycloak.unsignedToken("sme-user", List.of("admin")),
                "not-a-token",
                "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
                // HS256 with a kid: an algorithm this API never accepts
                hs256WithKid(),
                "");
        for (String token : bad) {
            StepVerifier.create(decoder.decode(token)).expectError(JwtException.class).verify(Duration.ofSeconds(10));
        }
        assertThat(keycloak.jwksFetches()).isZero();
    }

    @Test
    void aRotatedKeyIsAcceptedOnceTheIntervalHasPassed() {
        StepVerifier.create(decoder.decode(token())).expectNextCount(1).verifyComplete();
        StepVerifier.create(decoder.decode(keycloak.tokenWithUnknownKid("forged"))).expectError(BadJwtException.class).verify();
        int fetches = keycloak.jwksFetches();

        keycloak.rotate();
        String signedWithNewKey = token();
        // the forged kid just used up this interval's refetch
        StepVerifier.create(decoder.decode(signedWithNewKey)).expectError(BadJwtException.class).verify();
        assertThat(keycloak.jwksFetches()).isEqualTo(fetches);

        clock.advance(Duration.ofSeconds(15));
        StepVerifier.create(decoder.decode(signedWithNewKey)).expectNextCount(1).verifyComplete();
        assertThat(keycloak.jwksFetches()).isEqualTo(fetches + 1);
    }

    @Test
    void anUnreachableKeyEndpointIsAnOutageNotABadToken() {
        String token = token();
        keycloak.close();

        StepVerifier.create(decoder.decode(token))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(
                        org.springframework.security.authentication.AuthenticationServiceException.class))
                .verify(Duration.ofSeconds(30));
        // within the interval the endpoint is not asked again, and the answer stays "cannot check now"
        StepVerifier.create(decoder.decode(token))
                .expectError(org.springframework.security.authentication.AuthenticationServiceException.class)
                .verify(Duration.ofSeconds(30));
    }

    private String token() {
        return keycloak.tokenFor("sme-user", List.of("sme"), "c-1001");
    }

    private static String hs256WithKid() {
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"kid\":\"abc\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + ".e30.c2lnbmF0dXJl";
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (java.text.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
