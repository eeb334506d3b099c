package hk.esgone.offers.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import hk.esgone.offers.support.FakeUpstreams.Mode;
import hk.esgone.offers.support.OffersIntegrationTest;

/** The public catalogue: only live offers, filters, bilingual text search, eligible-for-me, cursors. */
class CatalogueIntegrationTests extends OffersIntegrationTest {

    @SuppressWarnings("unchecked")
    private List<String> ids(String query, String token) {
        Map<String, Object> page = web.get().uri("/api/v1/offers/catalogue" + query)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(o -> o.get("id").toString()).toList();
    }

    @Test
    void onlyPublishedOffersInsideTheirWindowAreListed() {
        String live = publishedOffer(partnerA(), Map.of());
        createOffer(partnerA(), Map.of());
        String submitted = createOffer(partnerA(), Map.of());
        web.post().uri("/api/v1/offers/partner/offers/{id}/submit", submitted).headers(h -> h.setBearerAuth(partnerA())).exchange();
        String paused = publishedOffer(partnerA(), Map.of());
        web.post().uri("/api/v1/offers/partner/offers/{id}/pause", paused).headers(h -> h.setBearerAuth(partnerA())).exchange();
        String withdrawn = publishedOffer(partnerA(), Map.of());
        web.post().uri("/api/v1/offers/partner/offers/{id}/withdraw", withdrawn).headers(h -> h.setBearerAuth(partnerA())).exchange();
        publishedOffer(partnerA(), Map.of("validFrom", clock.instant().plusSeconds(86_400).toString()));
        assertThat(ids("", null)).containsExactly(live);
    }

    @Test
    void filtersByPartnerTypeCategoryAndWordsInEitherLanguage() {
        String bank = publishedOffer(partnerA(), Map.of());
        String cashback = publishedOffer(partnerA(), Map.of("type", "CASHBACK_PERCENTAGE", "value", 8,
                "title", Map.of("en", "8% cashback on business spend", "zhHant", "商業消費8%現金回贈")));
        String freight = publishedOffer(partnerB(), Map.of("type", "FIXED_DISCOUNT", "value", 500, "category", "LOGISTICS",
                "title", Map.of("en", "HK$500 off green freight", "zhHant", "綠色貨運減五百元"),
                "description", Map.of("en", "Low-emission trucking to Shenzhen.", "zhHant", "往深圳的低排放貨運。")));
        assertThat(ids("?partner=" + PARTNER_B, null)).containsExactly(freight);
        assertThat(ids("?type=CASHBACK_PERCENTAGE", null)).containsExactly(cashback);
        assertThat(ids("?category=LOGISTICS", null)).containsExactly(freight);
        assertThat(ids("?category=BANKING_AND_FINANCE", null)).containsExactlyInAnyOrder(bank, cashback);
        assertThat(ids("?q=CASHBACK", null)).containsExactly(cashback);
        assertThat(ids("?q=綠色", null)).containsExactlyInAnyOrder(freight, bank, cashback);
        assertThat(ids("?q=現金回贈", null)).containsExactly(cashback);
        assertThat(ids("?q=綠色 貨運", null)).containsExactly(freight);
        assertThat(ids("?q=green Shenzhen", null)).containsExactly(freight);
        assertThat(ids("?q=深圳 freight", null)).containsExactly(freight);
        assertThat(ids("?q=.*", null)).as("regex characters are literal").isEmpty();
        assertThat(ids("?q=nothing-matches", null)).isEmpty();
    }

    @Test
    void cursorsWalkEveryPageOnceAndRefuseTamperingOrOtherFilters() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(publishedOffer(i % 2 == 0 ? partnerA() : partnerB(), Map.of()));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String query = "/api/v1/offers/catalogue?limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
            @SuppressWarnings("unchecked")
            Map<String, Object> page = web.get().uri(query).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            for (Object item : (List<?>) page.get("items")) {
                assertThat(seen.add(((Map<?, ?>) item).get("id").toString())).as("no offer twice").isTrue();
            }
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);

        @SuppressWarnings("unchecked")
        String next = (String) web.get().uri("/api/v1/offers/catalogue?limit=3").exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("nextCursor");
        char[] chars = next.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        web.get().uri("/api/v1/offers/catalogue?limit=3&cursor=" + new String(chars)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(type("invalid-cursor"));
        web.get().uri("/api/v1/offers/catalogue?limit=3&type=FIXED_DISCOUNT&cursor=" + next).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(type("invalid-cursor"));
    }

    @Test
    void eligibleForMeUsesTheCallersLiveBadgesAndIndustry() {
        String open = publishedOffer(partnerA(), Map.of());
        String gold = publishedOffer(partnerA(), Map.of("eligibility", Map.of("requiredAchievementId", GOLD)));
        String silver = publishedOffer(partnerA(), Map.of("eligibility", Map.of("minScorecardLevel", "SILVER")));
        String manufacturing = publishedOffer(partnerB(), Map.of("eligibility", Map.of("industries", List.of("C"))));
        String retail = publishedOffer(partnerB(), Map.of("eligibility", Map.of("industries", List.of("G"))));
        UPSTREAMS.validBadge(SME_A, GOLD, "GOLD");
        UPSTREAMS.profile(SME_A, "C");

        assertThat(ids("", null)).hasSize(5);
        assertThat(ids("?eligibleForMe=true", smeA())).containsExactlyInAnyOrder(open, gold, silver, manufacturing);
        assertThat(ids("?eligibleForMe=true", smeB())).containsExactly(open);
        web.get().uri("/api/v1/offers/catalogue?eligibleForMe=true").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectBody().jsonPath("$.eligibility.companyId").isEqualTo(SME_A).jsonPath("$.eligibility.badgesChecked").isEqualTo(true);
        web.get().uri("/api/v1/offers/catalogue?eligibleForMe=true").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(type("unauthorized"));

        // badge-service down: offers that need a badge are left out, not shown on doubt
        UPSTREAMS.badgeMode(Mode.DOWN);
        assertThat(ids("?eligibleForMe=true", smeA())).containsExactlyInAnyOrder(open, manufacturing);
        web.get().uri("/api/v1/offers/catalogue?eligibleForMe=true").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectBody().jsonPath("$.eligibility.badgesChecked").isEqualTo(false);
        assertThat(retail).isNotNull();
    }
}
