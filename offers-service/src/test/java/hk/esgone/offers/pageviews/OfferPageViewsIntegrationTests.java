package hk.esgone.offers.pageviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.offers.support.OffersIntegrationTest;

/**
 * Reads of an offer's public page are counted per offer and Hong Kong day, with nothing personal; a partner's
 * figures show them in a date range beside the claims, as the funnel views → claims → redeemed.
 */
class OfferPageViewsIntegrationTests extends OffersIntegrationTest {

    private void view(String offer, String token) {
        web.get().uri("/api/v1/offers/catalogue/{id}", offer).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> figures(String token, String offer, String query) {
        return web.get().uri("/api/v1/offers/partner/offers/" + offer + "/figures" + query).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> funnel(Map<String, Object> figures) {
        return (Map<String, Object>) figures.get("funnel");
    }

    /** Counting happens after the read has answered: wait (generously) until the counter shows {@code views}. */
    private Map<String, Object> figuresOnceCounted(String offer, String query, int views) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> figures = figures(partnerA(), offer, query);
        while (((Number) funnel(figures).get("views")).intValue() < views && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            figures = figures(partnerA(), offer, query);
        }
        return figures;
    }

    private LocalDate today() {
        return clock.instant().atZone(OfferPageViews.DAY_ZONE).toLocalDate();
    }

    @Test
    void eachReadOfAnOfferCountsOnItsDayWithNothingAboutTheReader() {
        String offer = publishedOffer(partnerA(), Map.of("quota", 10));
        String other = publishedOffer(partnerA(), Map.of());
        view(offer, null);
        view(offer, null);
        view(offer, smeA());
        view(other, null);
        web.get().uri("/api/v1/offers/catalogue/off-nothing-here").exchange().expectStatus().isNotFound();
        String draft = createOffer(partnerA(), Map.of());
        web.get().uri("/api/v1/offers/catalogue/{id}", draft).exchange().expectStatus().isNotFound();

        Map<String, Object> figures = figuresOnceCounted(offer, "", 3);

        assertThat(funnel(figures)).containsEntry("views", 3);
        assertThat((List<?>) figures.get("viewsPerDay")).singleElement()
                .isEqualTo(Map.of("date", today().toString(), "views", 3));
        figuresOnceCounted(other, "", 1);
        List<Document> counters = all("offer_views", new Document());
        assertThat(counters).as("one counter per offer and day; unknown and unlisted offers are not counted").hasSize(2);
        assertThat(counters).allSatisfy(d -> assertThat(d.keySet()).containsExactlyInAnyOrder("_id", "offerId", "day", "views"));
        assertThat(counters).extracting(d -> d.getString("offerId")).containsExactlyInAnyOrder(offer, other);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFunnelAndTheDaysFollowTheRange() {
        String offer = publishedOffer(partnerA(), Map.of("quota", 10));
        LocalDate first = today();
        view(offer, null);
        view(offer, null);
        String a = claimOk(smeA(), offer).get("code").toString();
        figuresOnceCounted(offer, "", 2);
        clock.advance(Duration.ofDays(1));
        LocalDate second = today();
        view(offer, null);
        view(offer, smeB());
        view(offer, null);
        claimOk(smeB(), offer);
        claimOk(sme("cmp-third-co"), offer);
        web.post().uri("/api/v1/offers/partner/offers/{id}/redemptions", offer).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", a)).exchange().expectStatus().isOk();

        Map<String, Object> both = figuresOnceCounted(offer, "?from=" + first + "&to=" + second, 5);
        assertThat(both).containsEntry("from", first.toString()).containsEntry("to", second.toString());
        assertThat(funnel(both)).isEqualTo(Map.of("views", 5, "claims", 3, "redeemed", 1));
        assertThat((List<Object>) both.get("viewsPerDay")).containsExactly(Map.of("date", first.toString(), "views", 2),
                Map.of("date", second.toString(), "views", 3));
        assertThat((List<Object>) both.get("claimsPerDay")).containsExactly(Map.of("date", first.toString(), "claims", 1),
                Map.of("date", second.toString(), "claims", 2));

        // the first day alone: its claim was redeemed on the second day, and still counts for the day it was made
        Map<String, Object> firstDay = figures(partnerA(), offer, "?from=" + first + "&to=" + first);
        assertThat(funnel(firstDay)).isEqualTo(Map.of("views", 2, "claims", 1, "redeemed", 1));
        // the default: the last 30 days up to today
        Map<String, Object> usual = figures(partnerA(), offer, "");
        assertThat(usual).containsEntry("to", second.toString()).containsEntry("from", second.minusDays(29).toString());
        assertThat(funnel(usual)).isEqualTo(Map.of("views", 5, "claims", 3, "redeemed", 1));
        // days before the offer: nothing, and the totals since the start stay as they are
        Map<String, Object> before = figures(partnerA(), offer, "?from=" + first.minusDays(40) + "&to=" + first.minusDays(1));
        assertThat(funnel(before)).isEqualTo(Map.of("views", 0, "claims", 0, "redeemed", 0));
        assertThat(before).containsEntry("claimed", 3).containsEntry("redeemed", 1);
        // a whole year and a day is the longest range
        figures(partnerA(), offer, "?from=" + second.minusDays(365) + "&to=" + second);
    }

    @Test
    void aBadRangeIsRefusedWithAProblem() {
        String offer = publishedOffer(partnerA(), Map.of());
        LocalDate today = today();
        for (String query : List.of("?from=2026-13-01", "?to=tomorrow", "?from=2026-1-5", "?from=" + today.plusDays(1) + "&to=" + today,
                "?from=" + today.minusDays(366) + "&to=" + today, "?from=%E2%80%AE2026-01-01", "?to=2026-02-30")) {
            web.get().uri("/api/v1/offers/partner/offers/" + offer + "/figures" + query).headers(h -> h.setBearerAuth(partnerA())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(type("validation")).jsonPath("$.errors[0].field").exists();
        }
    }

    @Test
    void anotherPartnersOfferIsNotFoundAndAnSmeIsRefused() {
        String offer = publishedOffer(partnerA(), Map.of());
        view(offer, null);
        WebTestClient.ResponseSpec foreign = web.get().uri("/api/v1/offers/partner/offers/{id}/figures?from=2026-01-01&to=2026-01-31", offer)
                .headers(h -> h.setBearerAuth(partnerB())).exchange();
        foreign.expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo(type("not-found"))
                .jsonPath("$.funnel").doesNotExist();
        web.get().uri("/api/v1/offers/partner/offers/{id}/figures", offer).headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/offers/partner/offers/{id}/figures", offer).exchange().expectStatus().isUnauthorized();
    }
}
