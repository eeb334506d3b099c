package hk.esgone.offers.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import com.mongodb.client.model.Filters;

import hk.esgone.offers.support.OffersIntegrationTest;
import reactor.core.publisher.Flux;

/** Code pools: CSV uploads all-or-nothing with errors by line, one code per claim, no code twice, low stock. */
class CodePoolIntegrationTests extends OffersIntegrationTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private String poolOffer(int quota) {
        return createOffer(partnerA(), Map.of("quota", quota, "perCompanyLimit", 1, "redemption", Map.of("method", "CODE_POOL")));
    }

    private WebTestClient.ResponseSpec upload(String offer, String csv) {
        return web.post().uri("/api/v1/offers/partner/offers/{id}/codes", offer).headers(h -> h.setBearerAuth(partnerA()))
                .contentType(CSV).bodyValue(csv).exchange();
    }

    @Test
    void aGoodFileIsImportedWhole() {
        String offer = poolOffer(10);
        upload(offer, "code\r\nWELCOME-0001\r\n\r\n\"WELCOME-0002\"\r\nWELCOME-0003,\r\n").expectStatus().isCreated().expectBody()
                .jsonPath("$.imported").isEqualTo(3)
                .jsonPath("$.codePool.available").isEqualTo(3)
                .jsonPath("$.codePool.lowStock").isEqualTo(true)
                .jsonPath("$.codePool.shortfall").isEqualTo(7);
        upload(offer, "WELCOME-0004\nWELCOME-0005\n").expectStatus().isCreated().expectBody().jsonPath("$.codePool.available").isEqualTo(5);
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithTheLinesNamed() {
        String offer = poolOffer(10);
        upload(offer, "GOOD-0001\n").expectStatus().isCreated();
        var before = snapshot();
        String csv = String.join("\n",
                "code",                 // 1 header
                "GOOD-0002",            // 2 fine
                "bad code!",            // 3 characters
                "TWO,COLUMNS",          // 4 columns
                "GOOD-0002",            // 5 duplicate of line 2
                "\"UNBALANCED-0001",    // 6 quotes
                "abc",                  // 7 too short
                "GOOD-0003");           // 8 fine
        upload(offer, csv).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(type("invalid-csv"))
                .jsonPath("$.errors.length()").isEqualTo(5)
                .jsonPath("$.errors[0].line").isEqualTo(3)
                .jsonPath("$.errors[0].reason").isEqualTo("bad-code")
                .jsonPath("$.errors[1].line").isEqualTo(4)
                .jsonPath("$.errors[1].reason").isEqualTo("field-count")
                .jsonPath("$.errors[1].found").isEqualTo(2)
                .jsonPath("$.errors[2].line").isEqualTo(5)
                .jsonPath("$.errors[2].message").isEqualTo("Duplicate of line 2.")
                .jsonPath("$.errors[2].reason").isEqualTo("duplicate")
                .jsonPath("$.errors[2].firstLine").isEqualTo(2)
                .jsonPath("$.errors[3].line").isEqualTo(6)
                .jsonPath("$.errors[3].reason").isEqualTo("not-csv")
                .jsonPath("$.errors[4].line").isEqualTo(7);
        // a code already in the pool is reported by line too
        upload(offer, "NEW-00001\nGOOD-0001\n").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].line").isEqualTo(2).jsonPath("$.errors[0].reason").isEqualTo("already-in-pool")
                .jsonPath("$.errors.length()").isEqualTo(1);
        upload(offer, "\n\n").expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(type("invalid-csv"))
                .jsonPath("$.reason").isEqualTo("empty");
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            tooMany.append("C").append(i + 100_000).append('\n');
        }
        upload(offer, tooMany.toString()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].line").isEqualTo(10_001).jsonPath("$.errors[0].reason").isEqualTo("too-many")
                .jsonPath("$.errors[0].max").isEqualTo(10_000);
        assertThat(snapshot()).as("nothing half-imported").isEqualTo(before);
        assertThat(count("pool_codes", Filters.eq("offerId", offer))).isEqualTo(1);
    }

    @Test
    void onlyCodePoolOffersTakeCodes() {
        String offer = createOffer(partnerA(), Map.of());
        upload(offer, "CODE-0001\n").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(type("not-a-code-pool"));
        web.post().uri("/api/v1/offers/partner/offers/{id}/codes", offer).headers(h -> h.setBearerAuth(smeA()))
                .contentType(CSV).bodyValue("CODE-0001\n").exchange().expectStatus().isForbidden();
    }

    @Test
    void eachClaimGetsItsOwnCodeAndAnEmptyPoolRefusesWithoutLosingAPlace() {
        String offer = poolOffer(10);
        upload(offer, "POOL-0001\nPOOL-0002\nPOOL-0003\n").expectStatus().isCreated();
        submitAndApprove(partnerA(), offer);
        Set<Object> codes = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            codes.add(claimOk(sme("cmp-pool-co-" + i), offer).get("code"));
        }
        assertThat(codes).containsExactlyInAnyOrder("POOL-0001", "POOL-0002", "POOL-0003");
        claim(sme("cmp-pool-co-9"), offer, newKey()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(type("codes-exhausted"));
        assertThat(remaining(offer)).isEqualTo(7);
        assertAtRest(offer, 10);
        web.get().uri("/api/v1/offers/partner/offers/{id}/figures", offer).headers(h -> h.setBearerAuth(partnerA())).exchange()
                .expectBody().jsonPath("$.codePool.available").isEqualTo(0).jsonPath("$.codePool.lowStock").isEqualTo(true)
                .jsonPath("$.codePool.assigned").isEqualTo(3);
        // a top-up serves the next claim
        upload(offer, "POOL-0004\n").expectStatus().isCreated();
        claimOk(sme("cmp-pool-co-9"), offer);
    }

    @Test
    void concurrentClaimsNeverShareACode() {
        String offer = poolOffer(30);
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            csv.append("RACE-%04d%n".formatted(i));
        }
        upload(offer, csv.toString()).expectStatus().isCreated();
        submitAndApprove(partnerA(), offer);
        WebClient client = loadClient();
        List<Answer> answers = Flux.range(0, 60).flatMap(i -> postClaim(client, sme("cmp-race-co-" + i), offer, newKey(), null), 60)
                .collectList().block(Duration.ofMinutes(2));
        List<Object> codes = new ArrayList<>();
        answers.stream().filter(a -> a.status() == 201).forEach(a -> codes.add(parse(a.body()).get("code")));
        assertThat(codes).hasSize(30).doesNotHaveDuplicates();
        for (Document code : all("pool_codes", Filters.eq("offerId", offer))) {
            assertThat(code.getString("status")).isEqualTo("ASSIGNED");
            List<Document> holders = all("claims", Filters.eq("code", code.getString("code")));
            assertThat(holders).hasSize(1);
            assertThat(holders.getFirst().getString("_id")).isEqualTo(code.getString("claimId"));
        }
        assertThat(remaining(offer)).isZero();
        assertAtRest(offer, 30);
    }

    @Test
    void aCancelledClaimsCodeIsRetiredAndItsPlaceReturns() {
        String offer = poolOffer(5);
        upload(offer, "ONE-00001\nTWO-00002\n").expectStatus().isCreated();
        submitAndApprove(partnerA(), offer);
        Map<String, Object> claim = claimOk(smeA(), offer);
        web.post().uri("/api/v1/offers/claims/{id}/cancel", claim.get("id")).headers(h -> h.setBearerAuth(smeA())).exchange().expectStatus().isOk();
        assertThat(remaining(offer)).isEqualTo(5);
        assertThat(all("pool_codes", Filters.eq("code", claim.get("code"))).getFirst().getString("status")).isEqualTo("VOID");
        Map<String, Object> next = claimOk(smeB(), offer);
        assertThat(next.get("code")).isNotEqualTo(claim.get("code"));
    }
}
