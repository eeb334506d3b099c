package hk.esgone.offers.claim.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.offers.claim.ClaimQueries;
import hk.esgone.offers.claim.ClaimService;
import hk.esgone.offers.config.JsonConfiguration;
import hk.esgone.offers.config.SecurityConfig;
import hk.esgone.offers.offer.OfferLifecycle;
import hk.esgone.offers.support.WebSliceTest;
import hk.esgone.platform.PlatformAutoConfiguration;
import hk.esgone.platform.idempotency.IdempotentEndpoint;

/**
 * The SME's claim endpoints alone, with fakes behind them: a request that is malformed, names fields the
 * service sets, carries no valid Idempotency-Key or asks for an unknown status is refused before anything
 * is claimed or any key is stored.
 */
@WebFluxTest(controllers = ClaimController.class)
@ImportAutoConfiguration(PlatformAutoConfiguration.class)
@Import({SecurityConfig.class, JsonConfiguration.class, ClaimControllerWebFluxTests.Beans.class})
class ClaimControllerWebFluxTests extends WebSliceTest {

    private static final String OFFER = "off-published01";

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    private WebTestClient web;

    @MockitoBean
    private ClaimService claims;

    @MockitoBean
    private ClaimQueries queries;

    @MockitoBean
    private OfferLifecycle offers;

    @MockitoBean
    private IdempotentEndpoint idempotent;

    @AfterEach
    void nothingWasClaimedNorAnyKeyStored() {
        verify(idempotent, never()).run(any(), any(), any(), any(), any(), any());
        verify(claims, never()).claim(any(), any(), any(), any(), any());
    }

    private static String smeA() {
        return token("sme", "cmp-demo-supplier");
    }

    private WebTestClient.ResponseSpec claim(String key) {
        return web.post().uri("/api/v1/offers/{id}/claims", OFFER)
                .headers(h -> {
                    h.setBearerAuth(smeA());
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .exchange();
    }

    @Test
    void aClaimWithoutAKeyIsRefused() {
        claim(null).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(type("idempotency-key-missing"));
        for (String bad : List.of("short", "has spaces in it", "x".repeat(129), "semi;colon;key")) {
            claim(bad).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo(type("idempotency-key-invalid"));
        }
    }

    @Test
    void aClaimBodyCannotSetTheCodeOrTheStatus() {
        for (String body : List.of("{\"code\":\"MINE-1234\"}", "{\"status\":\"REDEEMED\"}", "{\"companyId\":\"cmp-demo-supplier-2\"}", "{\"note\":5}", "[1,2]")) {
            web.post().uri("/api/v1/offers/{id}/claims", OFFER).headers(h -> {
                        h.setBearerAuth(smeA());
                        h.set("Idempotency-Key", UUID.randomUUID().toString());
                    }).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("malformed-request"));
        }
        web.post().uri("/api/v1/offers/{id}/claims", OFFER).headers(h -> {
                    h.setBearerAuth(smeA());
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "x".repeat(501)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(type("validation"));
        for (String unreadable : List.of("call \u202Eevael", "call\u0000me", "\u2066hidden\u2069")) {
            web.post().uri("/api/v1/offers/{id}/claims", OFFER).headers(h -> {
                        h.setBearerAuth(smeA());
                        h.set("Idempotency-Key", UUID.randomUUID().toString());
                    }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", unreadable))
                    .exchange().expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.type").isEqualTo(type("validation")).jsonPath("$.errors[0].field").isEqualTo("note");
        }
    }

    @Test
    void anUnknownStatusFilterIsABadRequest() {
        web.get().uri("/api/v1/offers/claims/mine?status=SOMETHING").headers(h -> h.setBearerAuth(smeA())).exchange()
                .expectStatus().isBadRequest();
        verify(queries, never()).ofCompany(any(), any(), any(), org.mockito.ArgumentMatchers.anyInt());
    }
}
