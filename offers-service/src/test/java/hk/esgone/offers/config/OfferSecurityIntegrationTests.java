package hk.esgone.offers.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.offers.support.OffersIntegrationTest;

/**
 * Two partners and two SMEs on every endpoint that takes an id: nobody reads or changes another
 * company's offers or claims (their ids answer 404, as if they did not exist), and roles hold per endpoint.
 */
class OfferSecurityIntegrationTests extends OffersIntegrationTest {

    private String offerA;
    private String draftA;
    private String poolA;
    private Map<String, Object> claimOfSmeA;

    @BeforeEach
    void twoTenants() {
        offerA = publishedOffer(partnerA(), Map.of());
        draftA = createOffer(partnerA(), Map.of());
        poolA = createOffer(partnerA(), Map.of("redemption", Map.of("method", "CODE_POOL")));
        publishedOffer(partnerB(), Map.of());
        claimOfSmeA = claimOk(smeA(), offerA);
        claimOk(smeB(), offerA);
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String token, String path, Object... vars) {
        return call(method, token, null, null, path, vars);
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String token, MediaType type, Object body, String path, Object... vars) {
        WebTestClient.RequestBodySpec spec = web.method(method).uri(path, vars).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            h.set("Idempotency-Key", newKey());
        });
        return body == null ? spec.exchange() : spec.contentType(type).bodyValue(body).exchange();
    }

    @Test
    void partnerBCannotReadOrChangePartnerAsOffersOrClaims() {
        var before = snapshot();
        String code = claimOfSmeA.get("code").toString();
        List<WebTestClient.ResponseSpec> attempts = List.of(
                call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers/{id}", offerA),
                call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers/{id}", draftA),
                call(HttpMethod.PUT, partnerB(), MediaType.APPLICATION_JSON, offerBody(Map.of("quota", 1)), "/api/v1/offers/partner/offers/{id}", draftA),
                call(HttpMethod.POST, partnerB(), "/api/v1/offers/partner/offers/{id}/submit", draftA),
                call(HttpMethod.POST, partnerB(), "/api/v1/offers/partner/offers/{id}/pause", offerA),
                call(HttpMethod.POST, partnerB(), "/api/v1/offers/partner/offers/{id}/withdraw", offerA),
                call(HttpMethod.POST, partnerB(), MediaType.parseMediaType("text/csv"), "HACK-0001\n", "/api/v1/offers/partner/offers/{id}/codes", poolA),
                call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers/{id}/claims", offerA),
                call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/claims?offerId={id}", offerA),
                call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers/{id}/claims/export", offerA),
                call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers/{id}/figures", offerA),
                call(HttpMethod.POST, partnerB(), MediaType.APPLICATION_JSON, Map.of("code", code), "/api/v1/offers/partner/offers/{id}/redemptions", offerA),
                call(HttpMethod.POST, partnerB(), MediaType.parseMediaType("text/csv"), code + "\n", "/api/v1/offers/partner/offers/{id}/redemptions/csv", offerA));
        for (WebTestClient.ResponseSpec attempt : attempts) {
            attempt.expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
        }
        assertThat(snapshot()).isEqualTo(before);
        // B's lists hold only B's offers and claims
        call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers").expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].partnerId").isEqualTo(PARTNER_B);
        call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/claims").expectBody().jsonPath("$.items.length()").isEqualTo(0);
        call(HttpMethod.GET, partnerA(), "/api/v1/offers/partner/claims").expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void anSmeSeesAndCancelsOnlyItsOwnCompanysClaims() {
        var before = snapshot();
        call(HttpMethod.GET, smeB(), "/api/v1/offers/claims/{id}", claimOfSmeA.get("id")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(type("not-found"));
        call(HttpMethod.POST, smeB(), "/api/v1/offers/claims/{id}/cancel", claimOfSmeA.get("id")).expectStatus().isNotFound();
        assertThat(snapshot()).isEqualTo(before);
        call(HttpMethod.GET, smeB(), "/api/v1/offers/claims/mine").expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").value(id -> assertThat(id).isNotEqualTo(claimOfSmeA.get("id")))
                .jsonPath("$.items[0].code").value(c -> assertThat(c).isNotEqualTo(claimOfSmeA.get("code")));
        call(HttpMethod.GET, smeA(), "/api/v1/offers/claims/{id}", claimOfSmeA.get("id")).expectStatus().isOk();
    }

    @Test
    void rolesAreEnforcedPerEndpoint() {
        // SMEs, buyers and anonymous callers never reach partner or admin endpoints
        for (String token : List.of(smeA(), buyer())) {
            call(HttpMethod.GET, token, "/api/v1/offers/partner/offers").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo(type("forbidden"));
            call(HttpMethod.POST, token, MediaType.APPLICATION_JSON, offerBody(Map.of()), "/api/v1/offers/partner/offers").expectStatus().isForbidden();
            call(HttpMethod.POST, token, "/api/v1/offers/admin/offers/{id}/approve", draftA).expectStatus().isForbidden();
        }
        // partners, buyers and admins do not claim: claims are an SME's
        for (String token : List.of(partnerA(), buyer(), admin())) {
            call(HttpMethod.POST, token, "/api/v1/offers/{id}/claims", offerA).expectStatus().isForbidden();
            call(HttpMethod.GET, token, "/api/v1/offers/claims/mine").expectStatus().isForbidden();
        }
        call(HttpMethod.GET, partnerA(), "/api/v1/offers/admin/offers").expectStatus().isForbidden();
        call(HttpMethod.GET, null, "/api/v1/offers/partner/offers").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(type("unauthorized"));
        call(HttpMethod.GET, null, "/api/v1/offers/claims/mine").expectStatus().isUnauthorized();
        call(HttpMethod.GET, null, "/api/v1/offers/admin/offers").expectStatus().isUnauthorized();
        // the catalogue is public
        call(HttpMethod.GET, null, "/api/v1/offers/catalogue").expectStatus().isOk();
        call(HttpMethod.GET, null, "/api/v1/offers/catalogue/{id}", offerA).expectStatus().isOk();
        // an admin sees every partner's offers
        call(HttpMethod.GET, admin(), "/api/v1/offers/admin/offers?status=PUBLISHED").expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void aUserInSeveralCompaniesMustActForExactlyOne() {
        String twoCompanies = ISSUER.token().subject("consultant").roles(List.of("sme")).organizations(SME_A, SME_B).sign();
        call(HttpMethod.POST, twoCompanies, "/api/v1/offers/{id}/claims", offerA).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(type("company-required"));
        String none = ISSUER.token().subject("loner").roles(List.of("partner")).sign();
        call(HttpMethod.POST, none, MediaType.APPLICATION_JSON, offerBody(Map.of()), "/api/v1/offers/partner/offers").expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(type("company-required"));
    }

    @Test
    void theOwnerAndTheQuotaComeFromTheServiceNotTheRequest() {
        String created = createOffer(partnerB(), Map.of("quota", 7));
        call(HttpMethod.GET, partnerB(), "/api/v1/offers/partner/offers/{id}", created).expectBody()
                .jsonPath("$.partnerId").isEqualTo(PARTNER_B)
                .jsonPath("$.remaining").isEqualTo(7)
                .jsonPath("$.status").isEqualTo("DRAFT");
        call(HttpMethod.POST, partnerB(), MediaType.APPLICATION_JSON, offerBody(Map.of("partnerId", PARTNER_A)), "/api/v1/offers/partner/offers")
                .expectStatus().isBadRequest();
    }
}
