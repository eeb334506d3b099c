package hk.esgone.offers.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.offers.support.OffersIntegrationTest;

/**
 * Unknown ids and bad tokens get a 4xx problem with a stable type, and nothing stored changes. (Bad bodies and
 * query parameters are the web layer's alone: {@code offer.web.OfferWebFluxTests}.)
 */
class OfferValidationIntegrationTests extends OffersIntegrationTest {

    private String published;

    @BeforeEach
    void someOffersExist() {
        createOffer(partnerA(), Map.of()); // a draft too, so that the snapshots hold one
        published = publishedOffer(partnerA(), Map.of());
        claimOk(smeA(), published);
    }

    @Test
    void unknownIdsAreNotFound() {
        for (String id : List.of("off-doesnotexist", "nonsense", "off-" + "a".repeat(70))) {
            web.get().uri("/api/v1/offers/partner/offers/{id}", id).headers(h -> h.setBearerAuth(partnerA())).exchange()
                    .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
            web.post().uri("/api/v1/offers/partner/offers/{id}/submit", id).headers(h -> h.setBearerAuth(partnerA())).exchange()
                    .expectStatus().isNotFound();
            web.get().uri("/api/v1/offers/catalogue/{id}", id).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
        }
        web.get().uri("/api/v1/offers/claims/clm-doesnotexist").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
        web.post().uri("/api/v1/offers/claims/clm-doesnotexist/cancel").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/v1/offers/admin/offers/off-doesnotexist/approve").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void missingExpiredAndForeignTokensAreUnauthorized() {
        var before = snapshot();
        String expired = ISSUER.token().subject("p").roles(List.of("partner")).organizations(PARTNER_A)
                .expiresAt(Instant.now().minusSeconds(600)).sign();
        String foreign = ISSUER.token().subject("p").roles(List.of("partner")).organizations(PARTNER_A).audience("other-api").sign();
        for (String token : java.util.Arrays.asList(null, expired, foreign, "not-a-jwt")) {
            web.post().uri("/api/v1/offers/partner/offers").headers(h -> {
                        if (token != null) {
                            h.setBearerAuth(token);
                        }
                    }).contentType(MediaType.APPLICATION_JSON).bodyValue(offerBody(Map.of()))
                    .exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(type("unauthorized"));
            web.post().uri("/api/v1/offers/{id}/claims", published).headers(h -> {
                        if (token != null) {
                            h.setBearerAuth(token);
                        }
                        h.set("Idempotency-Key", newKey());
                    }).exchange().expectStatus().isUnauthorized();
        }
        assertThat(snapshot()).isEqualTo(before);
    }
}
