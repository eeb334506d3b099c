package hk.esgone.offers.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import hk.esgone.offers.support.OffersIntegrationTest;
import reactor.core.publisher.Mono;

/**
 * A crash between taking a place and finishing the claim (simulated by a fault hook the protocol does
 * not compensate, as a dead process would not): no place is lost after recovery, and a retry with the
 * same key yields the original claim or a clean new one — never two.
 */
class ClaimCrashRecoveryIntegrationTests extends OffersIntegrationTest {

    private static final Duration PAST_LEASE = Duration.ofMinutes(5);

    private String crashedClaim(String offer, String key, ClaimFaults.Stage stage) {
        faults.crashOnceAt(stage);
        claim(smeA(), offer, key).expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo(type("internal"));
        List<Document> pending = all("claim_reservations", Filters.eq("status", "PENDING"));
        assertThat(pending).as("the crash left an unfinished claim").hasSize(1);
        assertThat(count("claims", Filters.empty())).as("and no claim").isZero();
        return pending.getFirst().getString("_id");
    }

    @Test
    void aRetryWithTheSameKeyAfterTheCrashFinishesTheOriginalClaim() {
        String offer = publishedOffer(partnerA(), Map.of());
        String key = newKey();
        String unfinished = crashedClaim(offer, key, ClaimFaults.Stage.PLACE_TAKEN);
        assertThat(remaining(offer)).as("its place is taken").isEqualTo(49);
        // the SME sees nothing yet
        web.get().uri("/api/v1/offers/claims/mine").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        // another request (another key) of the same company meets the limit the unfinished claim holds
        claim(smeA(), offer, newKey()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("company-limit-reached"));

        Map<String, Object> retried = parse(claim(smeA(), offer, key).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(retried.get("id")).as("the original claim, finished").isEqualTo(unfinished);
        assertThat(retried.get("code")).isNotNull();
        assertThat(remaining(offer)).isEqualTo(49);
        assertThat(count("claims", Filters.eq("offerId", offer))).isEqualTo(1);
        assertThat(count("claim_reservations", Filters.empty())).isZero();

        // recovery, even long after, has nothing to give back
        clock.advance(PAST_LEASE);
        ClaimRecovery.Report report = recovery.recover().block(Duration.ofSeconds(30));
        assertThat(report.abandoned()).isZero();
        assertThat(report.quotasRepaired()).isZero();
        assertThat(remaining(offer)).isEqualTo(49);
        assertAtRest(offer, 50);
        claim(smeA(), offer, key).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(unfinished);
    }

    @Test
    void recoveryGivesTheLostPlaceBackAndTheRetryIsAFreshClaim() {
        String offer = publishedOffer(partnerA(), Map.of());
        String key = newKey();
        String unfinished = crashedClaim(offer, key, ClaimFaults.Stage.PLACE_TAKEN);

        // before the lease runs out, recovery leaves a possibly still running claim alone
        ClaimRecovery.Report early = recovery.recover().block(Duration.ofSeconds(30));
        assertThat(early.abandoned()).isZero();
        assertThat(remaining(offer)).isEqualTo(49);

        clock.advance(PAST_LEASE);
        ClaimRecovery.Report report = recovery.recover().block(Duration.ofSeconds(30));
        assertThat(report.abandoned()).isEqualTo(1);
        assertThat(remaining(offer)).as("the place is back").isEqualTo(50);
        assertThat(all("company_claims", Filters.eq("offerId", offer))).allSatisfy(c -> assertThat(c.getInteger("count")).isZero());
        assertThat(count("claim_reservations", Filters.empty())).as("the abandoned attempt is gone").isZero();
        assertThat(count("claims", Filters.empty())).isZero();
        assertAtRest(offer, 50);
        // a second run changes nothing
        recovery.recover().block(Duration.ofSeconds(30));
        assertThat(remaining(offer)).isEqualTo(50);

        Map<String, Object> retried = parse(claim(smeA(), offer, key).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(retried.get("id")).isNotEqualTo(unfinished);
        assertThat(remaining(offer)).isEqualTo(49);
        assertThat(count("claims", Filters.and(Filters.eq("offerId", offer), Filters.eq("status", "ACTIVE")))).isEqualTo(1);
        web.get().uri("/api/v1/offers/claims/mine").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(retried.get("id"));
        assertAtRest(offer, 50);
    }

    @Test
    void aCrashAfterThePointOfNoReturnIsFinishedByRecovery() {
        String offer = publishedOffer(partnerA(), Map.of());
        // the reservation is confirmed (places and code held), then the attempt dies before writing the claim
        faults.set((stage, id) -> Mono.empty());
        String key = newKey();
        claim(smeA(), offer, key).expectStatus().isCreated();
        // simulate the crash afterwards by putting the state back to "confirmed, claim not written"
        Document written = all("claims", Filters.empty()).getFirst();
        mongo.getCollection("claims").flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", written.getString("_id"))))).block();
        mongo.getCollection("claim_reservations").flatMap(c -> Mono.from(c.insertOne(new Document("_id", written.getString("_id"))
                .append("offerId", offer).append("partnerId", PARTNER_A).append("companyId", SME_A)
                .append("requestId", written.getString("requestId")).append("code", written.getString("code"))
                .append("status", "CONFIRMED").append("claimedBy", "x").append("createdAt", written.getDate("claimedAt"))
                .append("claimDay", written.getString("claimDay")).append("redeemBy", written.getDate("redeemBy"))
                .append("leaseUntil", java.util.Date.from(clock.instant().plusSeconds(120)))
                .append("confirmedAt", java.util.Date.from(clock.instant()))))).block();
        mongo.getCollection("offers").flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", offer),
                Updates.set("pending." + written.getString("_id"), java.util.Date.from(clock.instant()))))).block();
        assertThat(remaining(offer)).isEqualTo(49);

        clock.advance(PAST_LEASE);
        ClaimRecovery.Report report = recovery.recover().block(Duration.ofSeconds(30));
        assertThat(report.claimsFinished()).isEqualTo(1);
        List<Document> claims = all("claims", Filters.empty());
        assertThat(claims).hasSize(1);
        assertThat(claims.getFirst().getString("_id")).isEqualTo(written.getString("_id"));
        assertThat(claims.getFirst().getString("code")).isEqualTo(written.getString("code"));
        assertThat(remaining(offer)).isEqualTo(49);
        assertThat((Map<?, ?>) offerDoc(offer).get("pending")).isEmpty();
        assertAtRest(offer, 50);
    }

    @Test
    void aCrashAfterTakingAPoolCodePutsTheUnseenCodeBackOnRecovery() {
        String offer = createOffer(partnerA(), Map.of("quota", 5, "redemption", Map.of("method", "CODE_POOL")));
        web.post().uri("/api/v1/offers/partner/offers/{id}/codes", offer).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv")).bodyValue("code\nPOOL-0001\nPOOL-0002\n")
                .exchange().expectStatus().isCreated();
        submitAndApprove(partnerA(), offer);
        String key = newKey();
        crashedClaim(offer, key, ClaimFaults.Stage.CODE_TAKEN);
        assertThat(count("pool_codes", Filters.eq("status", "ASSIGNED"))).isEqualTo(1);

        clock.advance(PAST_LEASE);
        recovery.recover().block(Duration.ofSeconds(30));
        assertThat(count("pool_codes", Filters.eq("status", "AVAILABLE"))).isEqualTo(2);
        assertThat(remaining(offer)).isEqualTo(5);

        claim(smeA(), offer, key).expectStatus().isCreated().expectBody().jsonPath("$.code").value(c -> assertThat(c).asString().startsWith("POOL-"));
        claimOk(smeB(), offer);
        assertThat(count("pool_codes", Filters.eq("status", "ASSIGNED"))).isEqualTo(2);
        assertAtRest(offer, 5);
    }

    @Test
    void aCrashedCancelIsFinishedByRecoveryAndReturnsThePlaceOnce() {
        String offer = publishedOffer(partnerA(), Map.of());
        Map<String, Object> claim = claimOk(smeA(), offer);
        faults.crashOnceAt(ClaimFaults.Stage.CANCEL_MARKED);
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeA()))
                .exchange().expectStatus().isEqualTo(500);
        assertThat(remaining(offer)).isEqualTo(49);
        // the company sees it as cancelled already; it cannot be redeemed any more
        web.get().uri("/api/v1/offers/claims/{id}", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        clock.advance(PAST_LEASE);
        ClaimRecovery.Report report = recovery.recover().block(Duration.ofSeconds(30));
        assertThat(report.cancelsFinished()).isEqualTo(1);
        assertThat(remaining(offer)).isEqualTo(50);
        recovery.recover().block(Duration.ofSeconds(30));
        assertThat(remaining(offer)).as("given back once only").isEqualTo(50);
        assertThat(all("claims", Filters.eq("_id", claim.get("id"))).getFirst().getString("status")).isEqualTo("CANCELLED");
        // the release marker is cleared once the cancel is long done
        clock.advance(PAST_LEASE);
        recovery.recover().block(Duration.ofSeconds(30));
        assertThat((Map<?, ?>) offerDoc(offer).get("released")).isEmpty();
        assertThat(remaining(offer)).isEqualTo(50);
        assertAtRest(offer, 50);
        claim(smeA(), offer, newKey()).expectStatus().isCreated();
    }

    @Test
    void theBooksAreReconciledWhenTheyDisagreeAtRestAndOnlyThen() {
        String offer = publishedOffer(partnerA(), Map.of());
        claimOk(smeA(), offer);
        claimOk(smeB(), offer);
        // a place lost by a defect outside the protocol
        mongo.getCollection("offers").flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", offer), Updates.set("remaining", 45))))
                .block(Duration.ofSeconds(10));
        // while a claim is in flight, nothing is "repaired"
        faults.crashOnceAt(ClaimFaults.Stage.PLACE_TAKEN);
        claim(sme("cmp-third-company"), offer, newKey()).expectStatus().isEqualTo(500);
        assertThat(recovery.recover().block(Duration.ofSeconds(30)).quotasRepaired()).isZero();
        assertThat(remaining(offer)).isEqualTo(44);

        clock.advance(PAST_LEASE);
        ClaimRecovery.Report report = recovery.recover().block(Duration.ofSeconds(30));
        assertThat(report.abandoned()).isEqualTo(1);
        assertThat(report.quotasRepaired()).isEqualTo(1);
        assertThat(remaining(offer)).isEqualTo(48);
        assertAtRest(offer, 50);
        web.get().uri("/api/v1/offers/admin/offers/{id}/audit", offer).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.remaining").isEqualTo(48)
                .jsonPath("$.holding").isEqualTo(2)
                .jsonPath("$.consistent").isEqualTo(true);
    }

    @Test
    void theSweepEndpointRunsRecoveryForAdminsOnly() {
        String offer = publishedOffer(partnerA(), Map.of());
        crashedClaim(offer, newKey(), ClaimFaults.Stage.PLACE_TAKEN);
        clock.advance(PAST_LEASE);
        web.post().uri("/api/v1/offers/admin/sweep").headers(h -> h.setBearerAuth(partnerA())).exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/offers/admin/sweep").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.recovery.abandoned").isEqualTo(1);
        assertThat(remaining(offer)).isEqualTo(50);
    }
}
