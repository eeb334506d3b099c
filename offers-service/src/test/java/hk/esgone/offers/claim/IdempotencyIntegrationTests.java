package hk.esgone.offers.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.support.OffersIntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Idempotency-Key semantics on claims (IETF httpapi draft): 400, 422, 409, replay, retention. */
class IdempotencyIntegrationTests extends OffersIntegrationTest {

    @Test
    void aRetryWithTheSameKeyReplaysTheSameStatusAndBodyWithoutASecondClaim() {
        String offer = publishedOffer(partnerA(), Map.of("perCompanyLimit", 5));
        String key = newKey();
        var first = claim(smeA(), offer, key).expectStatus().isCreated().expectBody(String.class).returnResult();
        var again = claim(smeA(), offer, key).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals("Location", first.getResponseHeaders().getFirst("Location"))
                .expectBody(String.class).returnResult();
        assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(count("claims", Filters.eq("offerId", offer))).isEqualTo(1);
        assertThat(remaining(offer)).isEqualTo(49);
        // the same key from another company is another company's key
        claim(smeB(), offer, key).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(remaining(offer)).isEqualTo(48);
    }

    @Test
    void aRefusalIsReplayedTooEvenIfThePlaceFreesUpLater() {
        String offer = publishedOffer(partnerA(), Map.of("quota", 1));
        Map<String, Object> winner = claimOk(smeB(), offer);
        String key = newKey();
        String refused = claim(smeA(), offer, key).expectStatus().isEqualTo(409)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(parse(refused).get("type")).isEqualTo(type("quota-exhausted"));
        web.post().uri("/api/v1/offers/claims/{id}/cancel", winner.get("id")).headers(h -> h.setBearerAuth(smeB()))
                .exchange().expectStatus().isOk();
        claim(smeA(), offer, key).expectStatus().isEqualTo(409).expectBody(String.class).isEqualTo(refused);
        claim(smeA(), offer, newKey()).expectStatus().isCreated();
    }

    @Test
    void theSameKeyWithAnotherRequestIsUnprocessable() {
        String offer = publishedOffer(partnerA(), Map.of());
        String other = publishedOffer(partnerA(), Map.of());
        String key = newKey();
        web.post().uri("/api/v1/offers/{id}/claims", offer).headers(h -> {
                    h.setBearerAuth(smeA());
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"please call us\"}")
                .exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/offers/{id}/claims", offer).headers(h -> {
                    h.setBearerAuth(smeA());
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"something else\"}")
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(type("idempotency-key-reused"));
        claim(smeA(), other, key).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(type("idempotency-key-reused"));
        // whitespace and key order are not "another body"
        web.post().uri("/api/v1/offers/{id}/claims", offer).headers(h -> {
                    h.setBearerAuth(smeA());
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue("{ \"note\" :  \"please call us\" }")
                .exchange().expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(remaining(offer)).isEqualTo(49);
        assertThat(remaining(other)).isEqualTo(50);
    }

    @Test
    void whileTheFirstRequestIsStillRunningTheSameKeyGetsConflictThenTheResult() {
        String offer = publishedOffer(partnerA(), Map.of());
        String key = newKey();
        Sinks.Empty<Void> gate = Sinks.empty();
        faults.set((stage, claimId) -> stage == ClaimFaults.Stage.PLACE_TAKEN ? gate.asMono() : Mono.empty());
        WebClient client = loadClient();
        CompletableFuture<Answer> first = postClaim(client, smeA(), offer, key, null).toFuture();
        // wait (without a clock) until the first request is inside the protocol
        for (int i = 0; i < 600 && count("claim_reservations", Filters.eq("status", "PENDING")) == 0; i++) {
            Mono.delay(Duration.ofMillis(50)).block();
        }
        assertThat(count("claim_reservations", Filters.eq("status", "PENDING"))).isEqualTo(1);

        claim(smeA(), offer, key).expectStatus().isEqualTo(409)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody().jsonPath("$.type").isEqualTo(type("idempotency-key-in-use"));

        gate.tryEmitEmpty();
        Answer done = first.join();
        assertThat(done.status()).isEqualTo(201);
        claim(smeA(), offer, key).expectStatus().isCreated().expectBody(String.class).isEqualTo(done.body());
        assertThat(count("claims", Filters.eq("offerId", offer))).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyMakeOneClaim() {
        String offer = publishedOffer(partnerA(), Map.of("perCompanyLimit", 10));
        String key = newKey();
        WebClient client = loadClient();
        List<Answer> answers = Flux.range(0, 50)
                .flatMap(i -> postClaim(client, smeA(), offer, key, null), 50)
                .collectList().block(Duration.ofMinutes(2));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).isNotEmpty();
        Set<String> bodies = new HashSet<>();
        created.forEach(a -> bodies.add(a.body()));
        assertThat(bodies).as("every 201 is the same claim, byte for byte").hasSize(1);
        answers.stream().filter(a -> a.status() == 409)
                .forEach(a -> assertThat(parse(a.body()).get("type")).isEqualTo(type("idempotency-key-in-use")));
        assertThat(count("claims", Filters.eq("offerId", offer))).isEqualTo(1);
        assertThat(remaining(offer)).isEqualTo(49);
        claim(smeA(), offer, key).expectStatus().isCreated().expectBody(String.class).isEqualTo(bodies.iterator().next());
    }

    @Test
    void keysAreKeptForTwentyFourHoursThenTheKeyIsFreeAgain() {
        String offer = publishedOffer(partnerA(), Map.of());
        String key = newKey();
        String body = claim(smeA(), offer, key).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        claim(smeA(), offer, key).expectStatus().isCreated().expectBody(String.class).isEqualTo(body);
        clock.advance(Duration.ofMinutes(2));
        // after 24 hours the key may name a new request: it runs again (and meets the per-company limit)
        web.post().uri("/api/v1/offers/{id}/claims", offer).headers(h -> {
                    h.setBearerAuth(smeA());
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"new request\"}")
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("company-limit-reached"));
        assertThat(count("claims", Filters.eq("offerId", offer))).isEqualTo(1);
    }

    @Test
    void aServerFailureIsNotStoredSoTheRetryRunsAgain() {
        String offer = publishedOffer(partnerA(), Map.of("eligibility", Map.of("requiredAchievementId", GOLD)));
        String key = newKey();
        UPSTREAMS.badgeMode(hk.esgone.offers.support.FakeUpstreams.Mode.DOWN);
        claim(smeA(), offer, key).expectStatus().isEqualTo(503);
        UPSTREAMS.badgeMode(hk.esgone.offers.support.FakeUpstreams.Mode.OK);
        UPSTREAMS.validBadge(SME_A, GOLD, "GOLD");
        claim(smeA(), offer, key).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(remaining(offer)).isEqualTo(49);
    }
}
