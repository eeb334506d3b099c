package hk.esgone.offers.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.offers.support.OffersIntegrationTest;

/** Bad input gets a 4xx problem with a stable type, and nothing stored changes. */
class OfferValidationIntegrationTests extends OffersIntegrationTest {

    private String draft;
    private String published;

    @BeforeEach
    void someOffersExist() {
        draft = createOffer(partnerA(), Map.of());
        published = publishedOffer(partnerA(), Map.of());
        claimOk(smeA(), published);
    }

    private WebTestClient.ResponseSpec create(String json) {
        return web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec create(Map<String, Object> overrides) {
        return create(json.writeValueAsString(offerBody(overrides)));
    }

    private WebTestClient.ResponseSpec update(String id, Map<String, Object> overrides) {
        return web.put().uri("/api/v1/offers/partner/offers/{id}", id).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(offerBody(overrides))).exchange();
    }

    private void invalid(Map<String, Object> overrides, String field) {
        var before = snapshot();
        create(overrides).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(type("validation"))
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        update(draft, overrides).expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("validation"));
        assertThat(snapshot()).as("nothing stored changed after invalid %s", field).isEqualTo(before);
    }

    @Test
    void absurdNumbersAreRefused() {
        invalid(Map.of("value", 110), "value");
        invalid(Map.of("value", -5), "value");
        invalid(Map.of("value", 0), "value");
        invalid(Map.of("value", 12.345), "value");
        invalid(Map.of("type", "CASHBACK_PERCENTAGE", "value", 100.5), "value");
        invalid(Map.of("type", "FIXED_DISCOUNT", "value", 5_000_000), "value");
        invalid(Map.of("quota", 0), "quota");
        invalid(Map.of("quota", -1), "quota");
        invalid(Map.of("quota", 100_001), "quota");
        invalid(Map.of("perCompanyLimit", 0), "perCompanyLimit");
        invalid(Map.of("quota", 5, "perCompanyLimit", 6), "perCompanyLimit");
        invalid(Map.of("currency", "USD"), "currency");
    }

    @Test
    void windowsMustMakeSense() {
        Instant now = clock.instant();
        invalid(Map.of("validFrom", now.plus(Duration.ofDays(3)).toString(), "validUntil", now.plus(Duration.ofDays(2)).toString()), "validUntil");
        invalid(Map.of("validFrom", now.minus(Duration.ofDays(3)).toString(), "validUntil", now.minus(Duration.ofDays(1)).toString()), "validUntil");
        invalid(Map.of("validUntil", now.plus(Duration.ofDays(5000)).toString()), "validUntil");
        invalid(Map.of("validFrom", now.plus(Duration.ofDays(1000)).toString(), "validUntil", now.plus(Duration.ofDays(1001)).toString()), "validFrom");
    }

    @Test
    void textMustBeBilingualAndBounded() {
        invalid(Map.of("title", Map.of("en", "x".repeat(121), "zhHant", "標題")), "title.en");
        invalid(Map.of("title", Map.of("en", "Title")), "title.zhHant");
        invalid(Map.of("title", Map.of("en", "  ", "zhHant", "標題")), "title.en");
        invalid(Map.of("title", Map.of("en", "Line\nbreak", "zhHant", "標題")), "title.en");
        invalid(Map.of("description", Map.of("en", "d".repeat(2001), "zhHant", "描述")), "description.en");
        invalid(Map.of("terms", Map.of("en", "ok", "zhHant", "條".repeat(4001))), "terms.zhHant");
        Map<String, Object> noTitle = new HashMap<>();
        noTitle.put("title", null);
        invalid(noTitle, "title");
    }

    @Test
    void eligibilityAndRedemptionMustBeWellFormed() {
        invalid(Map.of("eligibility", Map.of("requiredAchievementId", "gold badge")), "eligibility.requiredAchievementId");
        invalid(Map.of("eligibility", Map.of("industries", List.of("C", "not an industry"))), "eligibility.industries[1]");
        invalid(Map.of("redemption", Map.of("method", "LINK")), "redemption.link");
        invalid(Map.of("redemption", Map.of("method", "LINK", "link", "http://plain.example/offer")), "redemption.link");
        invalid(Map.of("redemption", Map.of("method", "LINK", "link", "javascript:alert(1)")), "redemption.link");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAreMalformedRequests() {
        var before = snapshot();
        List<String> bodies = List.of(
                "{\"type\": \"PERCENTAGE_DISCOUNT\", \"value\": ",
                "not json at all",
                json.writeValueAsString(offerBody(Map.of("quota", "fifty"))),
                json.writeValueAsString(offerBody(Map.of("quota", 1.5))),
                json.writeValueAsString(offerBody(Map.of("quota", 1e12))),
                json.writeValueAsString(offerBody(Map.of("quota", "50"))),
                json.writeValueAsString(offerBody(Map.of("type", "BUY_ONE_GET_ONE"))),
                json.writeValueAsString(offerBody(Map.of("validFrom", "yesterday"))),
                json.writeValueAsString(offerBody(Map.of("title", "just a string"))),
                // fields that are the service's: refused, never applied
                json.writeValueAsString(offerBody(Map.of("remaining", 1_000_000))),
                json.writeValueAsString(offerBody(Map.of("status", "PUBLISHED"))),
                json.writeValueAsString(offerBody(Map.of("partnerId", PARTNER_B))),
                json.writeValueAsString(offerBody(Map.of("id", "off-chosen-by-me"))),
                json.writeValueAsString(offerBody(Map.of("redemption", Map.of("method", "UNIQUE_CODE", "code", "FREE")))));
        for (String body : bodies) {
            create(body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(type("malformed-request"))
                    .jsonPath("$.detail").value(d -> assertThat(d).asString().doesNotContain("Exception").doesNotContain("tools.jackson"));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void oversizedBodiesAndWrongMediaTypesAreRefused() {
        var before = snapshot();
        String huge = json.writeValueAsString(offerBody(Map.of("description", Map.of("en", "x".repeat(300_000), "zhHant", "y"))));
        create(huge).expectStatus().isEqualTo(413).expectBody().jsonPath("$.type").isEqualTo(type("payload-too-large"));
        web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.type").isEqualTo(type("unsupported-media-type"));
        web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("malformed-request"));
        assertThat(snapshot()).isEqualTo(before);
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

    @Test
    void badQueryParametersAreProblems() {
        web.get().uri("/api/v1/offers/catalogue?limit=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(type("validation"));
        web.get().uri("/api/v1/offers/catalogue?limit=101").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/offers/catalogue?limit=ten").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(type("bad-request"));
        web.get().uri("/api/v1/offers/catalogue?type=BOGO").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/offers/catalogue?partner=../../etc").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/offers/catalogue?q={q}", "x".repeat(101)).exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/offers/catalogue?cursor=garbage").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(type("invalid-cursor"));
        web.get().uri("/api/v1/offers/claims/mine?status=SOMETHING").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/v1/offers/admin/offers/{id}/reject", published).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("validation"));
    }
}
