package hk.esgone.offers.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.support.FakeUpstreams.Mode;
import hk.esgone.offers.support.OffersIntegrationTest;

/** Claiming, eligibility against live badge and directory answers, limits, cancelling. */
class ClaimIntegrationTests extends OffersIntegrationTest {

    @Test
    void aClaimGetsAUniqueCodeAndTheCompanySeesItWithItsStatus() {
        String offer = publishedOffer(partnerA(), Map.of());
        Map<String, Object> claim = claimOk(smeA(), offer);
        assertThat(claim.get("status")).isEqualTo("ACTIVE");
        assertThat((String) claim.get("code")).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(((Map<?, ?>) claim.get("offer")).get("title")).isEqualTo(Map.of("en", "10% off service fees", "zhHant", "服務費九折"));
        assertThat(remaining(offer)).isEqualTo(49);

        web.get().uri("/api/v1/offers/claims/mine").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(claim.get("id"))
                .jsonPath("$.items[0].code").isEqualTo(claim.get("code"))
                .jsonPath("$.items[0].status").isEqualTo("ACTIVE");
        web.get().uri("/api/v1/offers/claims/{id}", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(claim.get("code"));
        web.get().uri("/api/v1/offers/catalogue/{id}", offer).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.remaining").isEqualTo(49).jsonPath("$.code").doesNotExist();
    }

    @Test
    void theCompanyLimitAndTheQuotaAreHard() {
        String offer = publishedOffer(partnerA(), Map.of("quota", 3, "perCompanyLimit", 2));
        claimOk(smeA(), offer);
        claimOk(smeA(), offer);
        claim(smeA(), offer, newKey()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("company-limit-reached"));
        claimOk(smeB(), offer);
        claim(sme("cmp-another-sme"), offer, newKey()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("quota-exhausted"));
        assertThat(remaining(offer)).isZero();
        web.get().uri("/api/v1/offers/catalogue/{id}", offer).exchange().expectBody().jsonPath("$.soldOut").isEqualTo(true);
        assertAtRest(offer, 3);
        assertThat(count("claims", Filters.eq("offerId", offer))).isEqualTo(3);
    }

    @Test
    void aRequiredBadgeMustBeValidNowAtBadgeService() {
        String offer = publishedOffer(partnerA(), Map.of("eligibility", Map.of("requiredAchievementId", GOLD)));
        claim(smeA(), offer, newKey()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(type("not-eligible"))
                .jsonPath("$.reasons[0]").value(r -> assertThat(r).asString().contains(GOLD));
        UPSTREAMS.badge(SME_A, GOLD, "GOLD", "REVOKED", Instant.now().minusSeconds(1000), Instant.now().plusSeconds(100_000));
        claim(smeA(), offer, newKey()).expectStatus().isForbidden();
        UPSTREAMS.badge(SME_A, GOLD, "GOLD", "VALID", Instant.now().minusSeconds(100_000), Instant.now().minusSeconds(10));
        claim(smeA(), offer, newKey()).expectStatus().isForbidden();
        assertThat(remaining(offer)).isEqualTo(50);
        assertThat(count("claims", Filters.empty())).isZero();

        UPSTREAMS.validBadge(SME_A, GOLD, "GOLD");
        claimOk(smeA(), offer);
        assertThat(remaining(offer)).isEqualTo(49);
    }

    @Test
    void aMinimumScorecardLevelIsMetByAnEqualOrHigherValidLevel() {
        String offer = publishedOffer(partnerA(), Map.of("eligibility", Map.of("minScorecardLevel", "SILVER")));
        UPSTREAMS.validBadge(SME_A, "ach-scorecard-gold-2026", "GOLD");
        UPSTREAMS.validBadge(SME_B, "ach-scorecard-bronze-2026", "BRONZE");
        claimOk(smeA(), offer);
        claim(smeB(), offer, newKey()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(type("not-eligible"));
    }

    @Test
    void industriesAreCheckedAgainstThePublishedDirectoryProfile() {
        String offer = publishedOffer(partnerA(), Map.of("eligibility", Map.of("industries", List.of("c", "F"))));
        UPSTREAMS.profile(SME_A, "C");
        UPSTREAMS.profile(SME_B, "G");
        claimOk(smeA(), offer);
        claim(smeB(), offer, newKey()).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(type("not-eligible"));
        // no published profile: industry unknown, not eligible
        claim(sme("cmp-unlisted-co"), offer, newKey()).expectStatus().isForbidden();
        assertThat(UPSTREAMS.badgeCalls()).as("no badge needed, badge-service not asked").isZero();
    }

    @Test
    void whenBadgeServiceCannotAnswerTheClaimIsRefusedWith503AndNothingChanges() {
        String offer = publishedOffer(partnerA(), Map.of("eligibility", Map.of("requiredAchievementId", GOLD)));
        UPSTREAMS.validBadge(SME_A, GOLD, "GOLD");
        var before = snapshot();
        for (Mode mode : List.of(Mode.DOWN, Mode.SLOW, Mode.RESET, Mode.GARBAGE)) {
            UPSTREAMS.badgeMode(mode);
            claim(smeA(), offer, newKey()).expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "7")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(type("eligibility-unavailable"))
                    .jsonPath("$.detail").value(d -> assertThat(d).asString().contains("badge-service").doesNotContain("Exception"));
        }
        assertThat(snapshot()).as("no claim, quota unchanged").isEqualTo(before);
        assertThat(remaining(offer)).isEqualTo(50);

        UPSTREAMS.badgeMode(Mode.OK);
        claimOk(smeA(), offer);
    }

    @Test
    void whenDirectoryCannotAnswerAnIndustryOfferIsRefusedWith503() {
        String offer = publishedOffer(partnerA(), Map.of("eligibility", Map.of("industries", List.of("C"))));
        UPSTREAMS.profile(SME_A, "C");
        UPSTREAMS.directoryMode(Mode.DOWN);
        claim(smeA(), offer, newKey()).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo(type("eligibility-unavailable"));
        assertThat(remaining(offer)).isEqualTo(50);
    }

    @Test
    void anOfferWithoutRequirementsDoesNotDependOnBadgeService() {
        String offer = publishedOffer(partnerA(), Map.of());
        UPSTREAMS.badgeMode(Mode.DOWN);
        UPSTREAMS.directoryMode(Mode.DOWN);
        claimOk(smeA(), offer);
        assertThat(UPSTREAMS.badgeCalls()).isZero();
    }

    @Test
    void cancellingAnUnredeemedClaimReturnsThePlace() {
        String offer = publishedOffer(partnerA(), Map.of("quota", 1));
        Map<String, Object> claim = claimOk(smeA(), offer);
        claim(smeB(), offer, newKey()).expectStatus().isEqualTo(409);
        // another company cannot cancel it
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeB())).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.cancelledAt").exists();
        assertThat(remaining(offer)).isEqualTo(1);
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(type("claim-not-cancellable"));
        assertThat(remaining(offer)).isEqualTo(1);
        claimOk(smeB(), offer);
        // and the company that cancelled has its limit back, but the place is gone now
        claim(smeA(), offer, newKey()).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(type("quota-exhausted"));
        assertAtRest(offer, 1);
    }

    @Test
    void aRedeemedClaimCannotBeCancelled() {
        String offer = publishedOffer(partnerA(), Map.of());
        Map<String, Object> claim = claimOk(smeA(), offer);
        web.post().uri("/api/v1/offers/partner/offers/{id}/redemptions", offer).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", claim.get("code"))).exchange().expectStatus().isOk();
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.claimStatus").isEqualTo("REDEEMED");
        assertThat(remaining(offer)).isEqualTo(49);
    }

    @Test
    void onlyLiveOffersCanBeClaimed() {
        String draft = createOffer(partnerA(), Map.of());
        claim(smeA(), draft, newKey()).expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
        claim(smeA(), "off-doesnotexist", newKey()).expectStatus().isNotFound();
        claim(smeA(), "not an id", newKey()).expectStatus().isNotFound();

        String offer = publishedOffer(partnerA(), Map.of());
        web.post().uri("/api/v1/offers/partner/offers/{id}/pause", offer).headers(h -> h.setBearerAuth(partnerA())).exchange()
                .expectStatus().isOk();
        claim(smeA(), offer, newKey()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("offer-not-available")).jsonPath("$.offerStatus").isEqualTo("PAUSED");
        web.post().uri("/api/v1/offers/partner/offers/{id}/resume", offer).headers(h -> h.setBearerAuth(partnerA())).exchange()
                .expectStatus().isOk();
        Map<String, Object> claim = claimOk(smeA(), offer);
        assertThat(count("claims", Filters.empty())).isEqualTo(1);

        clock.advance(Duration.ofDays(31));
        claim(smeB(), offer, newKey()).expectStatus().isEqualTo(409).expectBody().jsonPath("$.offerStatus").isEqualTo("EXPIRED");
        web.get().uri("/api/v1/offers/claims/{id}", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aLinkOfferGivesTheClaimantTheLinkWithItsCode() {
        String offer = publishedOffer(partnerA(), Map.of("type", "CASHBACK_PERCENTAGE", "value", 8,
                "redemption", Map.of("method", "LINK", "link", "https://bank.example/esg?ref={code}")));
        Map<String, Object> claim = claimOk(smeA(), offer);
        assertThat(claim.get("redemptionLink")).isEqualTo("https://bank.example/esg?ref=" + claim.get("code"));
        web.get().uri("/api/v1/offers/catalogue/{id}", offer).exchange().expectBody()
                .jsonPath("$.redemptionMethod").isEqualTo("LINK").jsonPath("$.redemptionLink").doesNotExist();
    }
}
