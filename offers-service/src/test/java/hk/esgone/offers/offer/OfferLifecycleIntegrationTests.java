package hk.esgone.offers.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.support.OffersIntegrationTest;

/** Draft → submitted → published (admin) ⇄ paused → expired or withdrawn; the clock publishes and expires. */
class OfferLifecycleIntegrationTests extends OffersIntegrationTest {

    private WebTestClientHelper as(String token) {
        return new WebTestClientHelper(token);
    }

    private final class WebTestClientHelper {
        private final String token;

        WebTestClientHelper(String token) {
            this.token = token;
        }

        org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path, Object... vars) {
            return web.post().uri(path, vars).headers(h -> h.setBearerAuth(token)).exchange();
        }

        org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String path, Object... vars) {
            return web.get().uri(path, vars).headers(h -> h.setBearerAuth(token)).exchange();
        }
    }

    @Test
    void aDraftIsPrivateUntilAnAdminApprovesIt() {
        String id = createOffer(partnerA(), Map.of());
        as(partnerA()).get("/api/v1/offers/partner/offers/{id}", id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.remaining").isEqualTo(50)
                .jsonPath("$.partnerId").isEqualTo(PARTNER_A);
        web.get().uri("/api/v1/offers/catalogue/{id}", id).exchange().expectStatus().isNotFound();

        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        as(admin()).get("/api/v1/offers/admin/offers").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(id);
        web.get().uri("/api/v1/offers/catalogue/{id}", id).exchange().expectStatus().isNotFound();
        // a partner cannot approve, even its own offer
        as(partnerA()).post("/api/v1/offers/admin/offers/{id}/approve", id).expectStatus().isForbidden();

        as(admin()).post("/api/v1/offers/admin/offers/{id}/approve", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        web.get().uri("/api/v1/offers/catalogue/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title.zhHant").isEqualTo("服務費九折");
        as(admin()).post("/api/v1/offers/admin/offers/{id}/approve", id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("invalid-transition")).jsonPath("$.offerStatus").isEqualTo("PUBLISHED");
    }

    @Test
    void aRejectedOfferGoesBackToDraftWithTheReasonAndCanBeFixedAndResubmitted() {
        String id = createOffer(partnerA(), Map.of());
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isOk();
        var submitted = offerDoc(id);
        // the partner reads the reason: a bidirectional override (reversing its words) or a control character is refused
        for (String unreadable : List.of("Terms \u202Edneps muminim", "Terms\u0007 missing", "\uFEFFTerms")) {
            web.post().uri("/api/v1/offers/admin/offers/{id}/reject", id).headers(h -> h.setBearerAuth(admin()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", unreadable))
                    .exchange().expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.type").isEqualTo(type("validation")).jsonPath("$.errors[0].field").isEqualTo("reason");
        }
        assertThat(offerDoc(id)).isEqualTo(submitted);
        web.post().uri("/api/v1/offers/admin/offers/{id}/reject", id).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Terms must name the minimum spend."))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT").jsonPath("$.reviewNote").isEqualTo("Terms must name the minimum spend.");
        web.put().uri("/api/v1/offers/partner/offers/{id}", id).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(offerBody(Map.of("terms", Map.of("en", "Minimum spend HK$1,000.", "zhHant", "最低消費港幣1,000元。"), "quota", 80)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.quota").isEqualTo(80).jsonPath("$.remaining").isEqualTo(80);
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isOk();
        as(admin()).post("/api/v1/offers/admin/offers/{id}/approve", id).expectStatus().isOk()
                .expectBody().jsonPath("$.reviewNote").doesNotExist();
    }

    @Test
    void onlyADraftCanBeEdited() {
        String id = publishedOffer(partnerA(), Map.of());
        var before = offerDoc(id);
        web.put().uri("/api/v1/offers/partner/offers/{id}", id).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(offerBody(Map.of("quota", 5000)))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(type("invalid-transition"));
        assertThat(offerDoc(id)).isEqualTo(before);
    }

    @Test
    void anApprovedOfferGoesLiveWhenItsWindowOpensAndExpiresWhenItClosesWithoutAnyoneActing() {
        String id = createOffer(partnerA(), Map.of(
                "validFrom", clock.instant().plus(Duration.ofDays(2)).toString(),
                "validUntil", clock.instant().plus(Duration.ofDays(5)).toString()));
        submitAndApprove(partnerA(), id);
        as(partnerA()).get("/api/v1/offers/partner/offers/{id}", id).expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
        web.get().uri("/api/v1/offers/catalogue").exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        claim(smeA(), id, newKey()).expectStatus().isEqualTo(409).expectBody().jsonPath("$.offerStatus").isEqualTo("SCHEDULED");

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        as(partnerA()).get("/api/v1/offers/partner/offers/{id}", id).expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        web.get().uri("/api/v1/offers/catalogue").exchange().expectBody().jsonPath("$.items[0].id").isEqualTo(id);
        Map<String, Object> claim = claimOk(smeA(), id);

        clock.advance(Duration.ofDays(3));
        as(partnerA()).get("/api/v1/offers/partner/offers/{id}", id).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
        web.get().uri("/api/v1/offers/catalogue").exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        web.get().uri("/api/v1/offers/catalogue/{id}", id).exchange().expectStatus().isNotFound();
        as(smeA()).get("/api/v1/offers/claims/{id}", claim.get("id")).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
        claim(smeB(), id, newKey()).expectStatus().isEqualTo(409);

        // the sweep persists what reads already show
        assertThat(offerDoc(id).getString("status")).isEqualTo("PUBLISHED");
        var report = sweep.run().block(Duration.ofSeconds(30));
        assertThat(report.offersExpired()).isEqualTo(1);
        assertThat(report.claimsExpired()).isEqualTo(1);
        assertThat(offerDoc(id).getString("status")).isEqualTo("EXPIRED");
        assertThat(all("claims", Filters.eq("_id", claim.get("id"))).getFirst().getString("status")).isEqualTo("EXPIRED");
        as(partnerA()).get("/api/v1/offers/partner/offers?status=EXPIRED").expectBody().jsonPath("$.items[0].id").isEqualTo(id);
    }

    @Test
    void pauseResumeAndWithdraw() {
        String id = publishedOffer(partnerA(), Map.of());
        Map<String, Object> claim = claimOk(smeA(), id);
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/pause", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PAUSED");
        web.get().uri("/api/v1/offers/catalogue/{id}", id).exchange().expectStatus().isNotFound();
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/pause", id).expectStatus().isEqualTo(409);
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/resume", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/resume", id).expectStatus().isEqualTo(409);
        // an admin may pause any offer (and a partner resumes it)
        as(admin()).post("/api/v1/offers/admin/offers/{id}/pause", id).expectStatus().isOk();
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/withdraw", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/resume", id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.offerStatus").isEqualTo("WITHDRAWN");
        claim(smeB(), id, newKey()).expectStatus().isEqualTo(409);
        // claims already made are honoured
        as(smeA()).get("/api/v1/offers/claims/{id}", claim.get("id")).expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        web.post().uri("/api/v1/offers/partner/offers/{id}/redemptions", id).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", claim.get("code"))).exchange().expectStatus().isOk();
    }

    @Test
    void invalidTransitionsAreConflicts() {
        String id = createOffer(partnerA(), Map.of());
        as(admin()).post("/api/v1/offers/admin/offers/{id}/approve", id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.offerStatus").isEqualTo("DRAFT");
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/pause", id).expectStatus().isEqualTo(409);
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isOk();
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isEqualTo(409);
        as(admin()).post("/api/v1/offers/admin/offers/{id}/withdraw", id).expectStatus().isOk();
        as(admin()).post("/api/v1/offers/admin/offers/{id}/approve", id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.offerStatus").isEqualTo("WITHDRAWN");
    }

    @Test
    void aCodePoolOfferNeedsCodesBeforeItIsSubmitted() {
        String id = createOffer(partnerA(), Map.of("redemption", Map.of("method", "CODE_POOL")));
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("code-pool-empty"));
        web.post().uri("/api/v1/offers/partner/offers/{id}/codes", id).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("ABCD-0001\nABCD-0002\n").exchange().expectStatus().isCreated();
        as(partnerA()).post("/api/v1/offers/partner/offers/{id}/submit", id).expectStatus().isOk();
    }

    @Test
    void partnersListTheirOwnOffersByStatusWithACursor() {
        for (int i = 0; i < 5; i++) {
            createOffer(partnerA(), Map.of());
        }
        String published = publishedOffer(partnerA(), Map.of());
        createOffer(partnerB(), Map.of());
        var first = as(partnerA()).get("/api/v1/offers/partner/offers?limit=4").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((java.util.List<?>) first.get("items")).hasSize(4);
        var second = as(partnerA()).get("/api/v1/offers/partner/offers?limit=4&cursor={c}", first.get("nextCursor")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((java.util.List<?>) second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor")).isNull();
        as(partnerA()).get("/api/v1/offers/partner/offers?status=PUBLISHED").expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(published);
        as(partnerA()).get("/api/v1/offers/partner/offers?status=DRAFT").expectBody().jsonPath("$.items.length()").isEqualTo(5);
    }
}
