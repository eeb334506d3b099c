package hk.esgone.badge.verify.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import hk.esgone.badge.support.BadgeWebFluxTest;
import hk.esgone.badge.verify.BadgeVerification;
import hk.esgone.badge.verify.CredentialVerifier;

/** Posted bodies the verification endpoint refuses before verifying anything: problem details, never a 500. */
@WebFluxTest(VerificationController.class)
class VerificationControllerWebFluxTests extends BadgeWebFluxTest {

    @MockitoBean
    BadgeVerification byId;

    @MockitoBean
    CredentialVerifier verifier;

    @Test
    void malformedEmptyAndOversizedBodiesAreProblemsNeverAServerError() {
        web.post().uri("/api/v1/badges/verify").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"credential\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/badges/verify").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"credential\": 42}")
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/badges/verify").contentType(MediaType.TEXT_PLAIN).bodyValue(" ")
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/badges/verify").contentType(MediaType.TEXT_PLAIN).bodyValue("x".repeat(300_000))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/payload-too-large");
    }
}
