package hk.esgone.offers.offer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.config.JsonConfiguration;
import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.config.SecurityConfig;
import hk.esgone.offers.eligibility.EligibilityChecker;
import hk.esgone.offers.offer.OfferCatalogue;
import hk.esgone.offers.offer.OfferLifecycle;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.pageviews.OfferPageViews;
import hk.esgone.offers.support.OfferBodies;
import hk.esgone.offers.support.WebSliceTest;
import hk.esgone.platform.PlatformAutoConfiguration;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.testsupport.time.MutableClock;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offers' web layer alone (controllers, JSON reading, validation, security and problem rendering) with
 * fakes behind it: bad input gets a 4xx problem with a stable type and never reaches the domain. The
 * catalogue is real down to its store (a fake), so cursors and search words are checked as in production.
 */
@WebFluxTest(controllers = {PartnerOfferController.class, AdminOfferController.class, CatalogueController.class})
@ImportAutoConfiguration(PlatformAutoConfiguration.class)
@Import({SecurityConfig.class, JsonConfiguration.class, OfferCatalogue.class, OfferWebFluxTests.Beans.class})
@EnableConfigurationProperties(OffersProperties.class)
class OfferWebFluxTests extends WebSliceTest {

    private static final String PARTNER_A = "cmp-demo-partner";
    private static final String PARTNER_B = "cmp-demo-partner-2";
    private static final String DRAFT = "off-draftoffer01";
    private static final String PUBLISHED = "off-published01";

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        MutableClock clock() {
            return new MutableClock();
        }

        @Bean
        CursorCodec cursors() {
            return new CursorCodec("test-cursor-secret");
        }
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JsonMapper json;

    @MockitoBean
    private OfferLifecycle offers;

    @MockitoBean
    private OfferStore store;

    @MockitoBean
    private CodePool codePool;

    @MockitoBean
    private EligibilityChecker eligibility;

    /** Counting page views is not this slice's concern (OfferPageViewsIntegrationTests): a mock that counts nothing. */
    @MockitoBean
    private OfferPageViews pageViews;

    @BeforeEach
    void fakes() {
        clock.reset();
        // the partner owns the draft; nothing else exists
        when(offers.owned(any(), any())).thenReturn(Mono.empty());
        when(offers.any(any())).thenReturn(Mono.empty());
    }

    @AfterEach
    void nothingReachedTheDomain() {
        verify(offers, never()).create(any(), any());
        verify(offers, never()).update(any(), any(), any());
        verify(offers, never()).reject(any(), any());
        verify(store, never()).catalogue(any(), any(), any(), any(), any(), any(), any(), anyInt());
    }

    private static String partnerA() {
        return token("partner", PARTNER_A);
    }

    private static String admin() {
        return token("admin", null);
    }

    private Map<String, Object> offerBody(Map<String, Object> overrides) {
        return OfferBodies.valid(clock.instant(), overrides);
    }

    private WebTestClient.ResponseSpec create(String body) {
        return web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec create(Map<String, Object> overrides) {
        return create(json.writeValueAsString(offerBody(overrides)));
    }

    private WebTestClient.ResponseSpec update(String id, Map<String, Object> overrides) {
        return web.put().uri("/api/v1/offers/partner/offers/{id}", id).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(offerBody(overrides))).exchange();
    }

    private void invalid(Map<String, Object> overrides, String field) {
        create(overrides).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(type("validation"))
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        update(DRAFT, overrides).expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("validation"));
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
    void textThatDisplaysAsSomethingElseIsRefused() {
        // U+202E (right-to-left override) makes "Free\u202Eeert" display as "Free" + "tree" reversed
        invalid(Map.of("title", Map.of("en", "Free \u202Eeert", "zhHant", "標題")), "title.en");
        invalid(Map.of("title", Map.of("en", "Title", "zhHant", "\uFEFF標題")), "title.zhHant");
        invalid(Map.of("title", Map.of("en", "Title\uFDD0", "zhHant", "標題")), "title.en");
        invalid(Map.of("terms", Map.of("en", "ok \u2066isolate\u2069", "zhHant", "條款")), "terms.en");
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
    }

    @Test
    void oversizedBodiesAndWrongMediaTypesAreRefused() {
        String huge = json.writeValueAsString(offerBody(Map.of("description", Map.of("en", "x".repeat(300_000), "zhHant", "y"))));
        create(huge).expectStatus().isEqualTo(413).expectBody().jsonPath("$.type").isEqualTo(type("payload-too-large"));
        web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.type").isEqualTo(type("unsupported-media-type"));
        web.post().uri("/api/v1/offers/partner/offers").headers(h -> h.setBearerAuth(partnerA()))
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("malformed-request"));
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
        web.post().uri("/api/v1/offers/admin/offers/{id}/reject", PUBLISHED).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", " ")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("validation"));
    }
}
