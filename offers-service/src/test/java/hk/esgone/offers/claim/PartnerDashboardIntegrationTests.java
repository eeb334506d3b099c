package hk.esgone.offers.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.support.OffersIntegrationTest;

/** A partner confirms redemptions (one by one or by CSV), reads figures and exports claims. */
class PartnerDashboardIntegrationTests extends OffersIntegrationTest {

    private WebTestClient.ResponseSpec redeem(String offer, Object code) {
        return web.post().uri("/api/v1/offers/partner/offers/{id}/redemptions", offer).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", code)).exchange();
    }

    private WebTestClient.ResponseSpec redeemCsv(String offer, String csv) {
        return web.post().uri("/api/v1/offers/partner/offers/{id}/redemptions/csv", offer).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange();
    }

    @Test
    void redemptionsAreConfirmedOnceByCode() {
        String offer = publishedOffer(partnerA(), Map.of());
        Map<String, Object> claim = claimOk(smeA(), offer);
        redeem(offer, claim.get("code").toString().toLowerCase()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REDEEMED").jsonPath("$.companyId").isEqualTo(SME_A).jsonPath("$.redeemedAt").exists();
        redeem(offer, claim.get("code")).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(type("already-redeemed"));
        redeem(offer, "NOPE-NOPE1").expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("code-not-found"));
        redeem(offer, "bad code!").expectStatus().isBadRequest();
        web.get().uri("/api/v1/offers/claims/{id}", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("REDEEMED");
        // a cancelled claim's code is not redeemable
        Map<String, Object> other = claimOk(smeB(), offer);
        web.post().uri("/api/v1/offers/claims/{id}/cancel", other.get("id")).headers(h -> h.setBearerAuth(smeB())).exchange().expectStatus().isOk();
        redeem(offer, other.get("code")).expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(type("claim-cancelled"));
    }

    @Test
    void aCsvOfCodesIsCheckedWholeThenAppliedAndCanBeUploadedTwice() {
        String offer = publishedOffer(partnerA(), Map.of());
        String a = claimOk(smeA(), offer).get("code").toString();
        String b = claimOk(smeB(), offer).get("code").toString();
        claimOk(sme("cmp-third-co"), offer);
        var before = snapshot();
        redeemCsv(offer, "code\n" + a + "\nUNKNOWN-CODE1\n" + b + "\n").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(type("invalid-csv"))
                .jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].reason").isEqualTo("unknown-code");
        redeemCsv(offer, a + ",extra\n").expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].line").isEqualTo(1);
        assertThat(snapshot()).as("nothing redeemed").isEqualTo(before);

        redeemCsv(offer, "code\n" + a + "\n" + b + "\n").expectStatus().isOk().expectBody()
                .jsonPath("$.counts.REDEEMED").isEqualTo(2)
                .jsonPath("$.results[0].line").isEqualTo(2)
                .jsonPath("$.results[0].result").isEqualTo("REDEEMED");
        redeemCsv(offer, "code\n" + a + "\n" + b + "\n").expectStatus().isOk().expectBody()
                .jsonPath("$.counts.REDEEMED").isEqualTo(0)
                .jsonPath("$.counts.ALREADY_REDEEMED").isEqualTo(2);
        assertThat(count("claims", Filters.and(Filters.eq("offerId", offer), Filters.eq("status", "REDEEMED")))).isEqualTo(2);
    }

    @Test
    void figuresCountClaimsPerDayRedemptionsAndTheRate() {
        String offer = publishedOffer(partnerA(), Map.of("quota", 10));
        String a = claimOk(smeA(), offer).get("code").toString();
        clock.advance(Duration.ofDays(1));
        claimOk(smeB(), offer);
        Map<String, Object> third = claimOk(sme("cmp-third-co"), offer);
        Map<String, Object> fourth = claimOk(sme("cmp-fourth-co"), offer);
        redeem(offer, a).expectStatus().isOk();
        web.post().uri("/api/v1/offers/claims/{id}/cancel", fourth.get("id")).headers(h -> h.setBearerAuth(sme("cmp-fourth-co"))).exchange()
                .expectStatus().isOk();
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = web.get().uri("/api/v1/offers/partner/offers/{id}/figures", offer).headers(h -> h.setBearerAuth(partnerA()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(figures).containsEntry("quota", 10).containsEntry("remaining", 7).containsEntry("claimed", 3)
                .containsEntry("active", 2).containsEntry("redeemed", 1).containsEntry("cancelled", 1)
                .containsEntry("timeZone", "Asia/Hong_Kong");
        assertThat(figures.get("redemptionRate").toString()).isEqualTo("0.3333");
        List<?> perDay = (List<?>) figures.get("claimsPerDay");
        assertThat(perDay).hasSize(2);
        assertThat(((Map<?, ?>) perDay.get(0)).get("claims")).isEqualTo(1);
        assertThat(((Map<?, ?>) perDay.get(1)).get("claims")).isEqualTo(3);
        assertThat(third).isNotNull();
    }

    @Test
    void claimsExportAsSpreadsheetSafeCsv() {
        String offer = publishedOffer(partnerA(), Map.of());
        web.post().uri("/api/v1/offers/{id}/claims", offer).headers(h -> {
                    h.setBearerAuth(smeA());
                    h.set("Idempotency-Key", newKey());
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "=HYPERLINK(\"http://evil\")"))
                .exchange().expectStatus().isCreated();
        claimOk(smeB(), offer);
        String csv = web.get().uri("/api/v1/offers/partner/offers/{id}/claims/export", offer).headers(h -> h.setBearerAuth(partnerA()))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().value("Content-Disposition", v -> assertThat(v).contains("claims-" + offer + ".csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("claimId,companyId,code,status,claimedAt,redeemedAt,cancelledAt,note");
        assertThat(lines.get(1)).contains(SME_A).contains("ACTIVE").contains("'=HYPERLINK");
        assertThat(lines.get(2)).contains(SME_B);
    }

    @Test
    void partnerClaimListsArePaginatedAndFilteredByStatus() {
        String offer = publishedOffer(partnerA(), Map.of());
        for (int i = 0; i < 5; i++) {
            claimOk(sme("cmp-list-co-" + i), offer);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> first = web.get().uri("/api/v1/offers/partner/offers/{id}/claims?limit=2", offer).headers(h -> h.setBearerAuth(partnerA()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(2);
        web.get().uri("/api/v1/offers/partner/offers/{id}/claims?limit=2&cursor={c}", offer, first.get("nextCursor"))
                .headers(h -> h.setBearerAuth(partnerA())).exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(2);
        // a cursor of one list does not work on another
        web.get().uri("/api/v1/offers/partner/claims?limit=2&cursor={c}", first.get("nextCursor")).headers(h -> h.setBearerAuth(partnerA()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("invalid-cursor"));
        web.get().uri("/api/v1/offers/partner/claims?status=REDEEMED").headers(h -> h.setBearerAuth(partnerA())).exchange()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}
