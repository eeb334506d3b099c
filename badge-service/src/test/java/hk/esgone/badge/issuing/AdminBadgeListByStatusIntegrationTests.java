package hk.esgone.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import hk.esgone.badge.issuing.store.IssuedBadgeDocument;
import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The admin list by status ({@code GET /api/v1/badges/admin/badges?status=}): each status as the badge shows it now
 * (an expired badge is EXPIRED whether or not it is also suspended), with a company, paged across a page boundary with
 * a cursor bound to the status, and a status that is none a 400 problem naming the parameter.
 */
class AdminBadgeListByStatusIntegrationTests extends BadgeServiceIntegrationTest {

    private static final String LIST = "/api/v1/badges/admin/badges";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void eachStatusListsExactlyTheCompanysBadgesThatHaveItNow() {
        String company = company("by-status");
        String br = brNumber();
        String valid = issued("st-valid", company, br);
        String suspended = issued("st-suspended", company, br);
        adminPost(LIST + "/" + suspended + "/suspend", Map.of("reason", "Under review"));
        String expired = issued("st-expired", company, br);
        endValidity(expired);
        String expiredAndSuspended = issued("st-expired-suspended", company, br);
        adminPost(LIST + "/" + expiredAndSuspended + "/suspend", Map.of("reason", "Under review"));
        endValidity(expiredAndSuspended);
        String revoked = issued("st-revoked", company, br);
        adminPost(LIST + "/" + revoked + "/revoke", Map.of("reason", "Withdrawn"));

        Map<String, List<String>> expected = Map.of("VALID", List.of(valid), "SUSPENDED", List.of(suspended),
                "EXPIRED", List.of(expired, expiredAndSuspended), "REVOKED", List.of(revoked));
        expected.forEach((status, ids) -> {
            List<JsonNode> items = all("companyId=" + company + "&status=" + status, 50);
            assertThat(items).extracting(b -> b.path("id").asString()).as(status).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(items).extracting(b -> b.path("status").asString()).as(status).containsOnly(status);
        });
        assertThat(all("companyId=" + company, 50)).as("no status: all five").hasSize(5);
        assertThat(all("companyId=" + company("nobody") + "&status=VALID", 50)).isEmpty();
    }

    @Test
    void aStatusPagesAcrossPageBoundariesWithACursorBoundToIt() {
        String company = company("st-paging");
        String br = brNumber();
        List<String> suspended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = issued("st-page-" + i, company, br);
            adminPost(LIST + "/" + id + "/suspend", Map.of("reason", "Under review"));
            suspended.add(id);
        }
        String valid = issued("st-page-valid", company, br);

        JsonNode first = page("companyId=" + company + "&status=SUSPENDED&limit=2");
        assertThat(first.path("items")).hasSize(2);
        String cursor = first.path("nextCursor").asString();
        assertThat(cursor).isNotBlank();
        JsonNode second = page("companyId=" + company + "&status=SUSPENDED&limit=2&cursor=" + cursor);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextCursor").asString("")).as("the last page").isEmpty();
        List<String> seen = new ArrayList<>();
        first.path("items").forEach(b -> seen.add(b.path("id").asString()));
        second.path("items").forEach(b -> seen.add(b.path("id").asString()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(suspended).isSorted();

        // the cursor of the suspended list does not page through another status, nor through the unfiltered list
        for (String other : List.of("&status=VALID", "")) {
            web.get().uri(LIST + "?companyId=" + company + other + "&limit=2&cursor=" + cursor).headers(h -> h.setBearerAuth(admin()))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/invalid-cursor");
        }

        // without a company: every page of the whole list holds only suspended badges, these three among them
        List<JsonNode> everySuspended = all("status=SUSPENDED", 2);
        assertThat(everySuspended).extracting(b -> b.path("status").asString()).containsOnly("SUSPENDED");
        assertThat(everySuspended).extracting(b -> b.path("id").asString()).containsAll(suspended).doesNotContain(valid)
                .doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aStatusThatIsNoneIsA400ProblemNamingTheParameter() {
        for (String status : List.of("suspended", "ACTIVE", "", "VALID,REVOKED", "$ne")) {
            web.get().uri(LIST + "?status=" + status).headers(h -> h.setBearerAuth(admin())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/validation")
                    .jsonPath("$.detail").value(detail -> assertThat(String.valueOf(detail)).startsWith("status must be"));
        }
        web.get().uri(LIST + "?status=VALID").headers(h -> h.setBearerAuth(sme("cmp-not-an-admin"))).exchange()
                .expectStatus().isForbidden();
    }

    /** Issues a badge of a new achievement (a company holds one current badge of each) and answers its id. */
    private String issued(String slug, String company, String br) {
        return issue(createAchievement(slug), company, br).path("id").asString();
    }

    /** The badge's validity ended a minute ago (as if its time had passed). */
    private void endValidity(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("validUntil", Instant.now().minusSeconds(60)),
                IssuedBadgeDocument.class).block();
    }

    private JsonNode page(String query) {
        return JSON.readTree(web.get().uri(LIST + "?" + query).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** Every item of the list, following its cursors. */
    private List<JsonNode> all(String query, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").asString(null);
        } while (cursor != null && !cursor.isEmpty());
        return items;
    }
}
