package hk.esgone.directory.company.web;

import static hk.esgone.directory.support.ApplicationBodies.application;
import static hk.esgone.directory.support.ApplicationBodies.with;
import static hk.esgone.directory.support.Responses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.directory.benchmark.PeerBenchmarkService;
import hk.esgone.directory.company.CompanyService;
import hk.esgone.directory.config.WebSlice;
import hk.esgone.directory.config.WebSliceConfig;

/**
 * Applications and profile edits as the web layer checks them, before anything reaches the company service:
 * bad input is a 4xx problem and nothing is submitted. (What needs the record — duplicates, versions — is
 * in CompanyApiIntegrationTests.)
 */
@WebFluxTest(controllers = CompanyController.class)
@Import({WebSliceConfig.class, ProfileValidator.class, CompanyViews.class})
class CompanyControllerWebFluxTests extends WebSlice {

    @Autowired
    WebTestClient web;
    @MockitoBean
    CompanyService companies;
    @MockitoBean
    PeerBenchmarkService benchmarks;

    @Test
    void badApplicationsAreRefusedWithProblemDetailsAndNothingIsSubmitted() {
        String applicant = "applicant-bad-" + System.nanoTime();
        record Case(Map<String, Object> body, int status, String kind) {
        }
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(application("1234567", "Short BR Ltd"), 400, "invalid-registration-number"));
        cases.add(new Case(application("ABCDEFGH", "Letters BR Ltd"), 400, "invalid-registration-number"));
        cases.add(new Case(with(application(null, "Both Ltd"), "brNumber", "12345678", "uscc", "91440300MA5DC6QX8L"), 400, "invalid-registration-number"));
        cases.add(new Case(with(application(null, "Bad USCC Ltd"), "uscc", "91440300MA5DC6QX8X"), 400, "invalid-registration-number"));
        cases.add(new Case(with(application("22334455", "Unknown Industry Ltd"), "industry", "Z"), 400, "unknown-taxonomy-code"));
        cases.add(new Case(with(application("22334456", "Atlantis Ltd"), "locations", List.of("ATLANTIS")), 400, "unknown-taxonomy-code"));
        cases.add(new Case(with(application("22334457", "Cert Ltd"), "certifications",
                List.of(Map.of("code", "ISO_99999", "number", "X-1", "issuer", "Nobody", "validUntil", "2030-01-01"))), 400, "unknown-taxonomy-code"));
        cases.add(new Case(application("22334458", "N".repeat(201)), 400, "validation"));
        cases.add(new Case(with(application("22334459", "Long Description Ltd"), "description", Map.of("en", "d".repeat(4001))), 400, "validation"));
        cases.add(new Case(with(application("22334460", "Script Link Ltd"), "website", "javascript:alert(document.cookie)"), 400, "validation"));
        cases.add(new Case(with(application("22334461", "Data Logo Ltd"), "logoUrl", "data:text/html,<script>alert(1)</script>"), 400, "validation"));
        cases.add(new Case(with(application("22334462", "Control Ltd"), "name", Map.of("en", "Bell\u0007 Ltd")), 400, "validation"));
        cases.add(new Case(with(application("22334463", "No Sector Ltd"), "sector", null), 400, "validation"));
        cases.add(new Case(with(application("22334464", "Kind Ltd"), "kind", "GOVERNMENT"), 400, "validation"));
        cases.add(new Case(with(application("22334465", "Solutions Ltd"), "solutions",
                List.of(Map.of("category", "ENERGY_SAVING", "title", Map.of("en", "Not for suppliers")))), 400, "validation"));

        for (Case c : cases) {
            problem(post(tokens.applicant(applicant), c.body()).expectStatus().isEqualTo(c.status()), c.kind());
        }
        // malformed JSON, wrong types, too large
        problem(web.post().uri("/api/v1/directory/applications").headers(h -> h.setBearerAuth(tokens.applicant(applicant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"kind\": \"SUPPLIER\", ").exchange().expectStatus().isBadRequest(), "malformed-request");
        problem(web.post().uri("/api/v1/directory/applications").headers(h -> h.setBearerAuth(tokens.applicant(applicant)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"locations\": 5}").exchange().expectStatus().isBadRequest(), "malformed-request");
        problem(post(tokens.applicant(applicant), with(application("22334466", "Huge Ltd"), "description", Map.of("en", "x".repeat(300_000))))
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE), "payload-too-large");
        // anonymous
        problem(post(null, application("22334467", "Anon Ltd")).expectStatus().isUnauthorized(), "unauthorized");

        verify(companies, never()).submitApplication(any(), any(), any(), any());
    }

    WebTestClient.ResponseSpec post(String token, Object body) {
        return web.post().uri("/api/v1/directory/applications").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
