package hk.esgone.web.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * The search index page, signed in through the real Keycloak, directory-service faked: its state in words, a
 * rebuild and a reconcile sent only with a ticked confirmation and returning with their outcome, a rebuild already
 * running and Elasticsearch down explained in place, and the 403 page for someone who is not staff.
 */
class SearchIndexPagesIntegrationTests extends SignedInPageTest {

    static final String API = "/api/v1/directory/admin/search";
    static final String PAGE = "/workspace/admin/search";

    @Test
    void theStateIsShownInWordsInBothLanguages() {
        status();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Search index", "the alias companies, which points at companies-v3-20261205",
                "3 companies changed in the directory and are waiting to be indexed.", "Working: 120 companies indexed since it started, 3 queued.",
                "Last success 2026-12-05 18:00:00.", "Done", "120 companies copied, 2 repaired",
                "120 companies checked, 3 differences found, 3 repaired.", "Missing 1, out of date 2, different 0, ahead of the record 0, not in the record 0.",
                "For example: cmp-green-pack", "Reconcile now", "Rebuild now");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().equals(API + "/status")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.authorization()).startsWith("Bearer "));
        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("搜尋索引", "有 3 間公司在名錄中已更改", "立即核對", "立即重建");
    }

    @Test
    void rebuildingAndReconcilingNeedATickAndReturnWithTheirOutcome() {
        status();
        SERVICES.answer("POST", API + "/reindex", 202, "{\"state\":\"RUNNING\",\"index\":\"companies-v3-new\"}");
        SERVICES.answer("POST", API + "/reconcile", 200, "{\"checked\":120,\"missing\":0}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer unticked = browser.postForm(SITE + PAGE + "/reindex", Map.of("_csrf", csrf));
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.body()).contains("Rebuild the index: please tick the box to confirm.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));

        Traffic.Answer reindex = browser.postForm(SITE + PAGE + "/reindex", Map.of("_csrf", csrf, "confirm", "yes"));
        Traffic.Answer reconcile = browser.postForm(SITE + PAGE + "/reconcile", Map.of("_csrf", csrf, "confirm", "yes"));

        assertThat(reindex.location()).isEqualTo(PAGE + "?done=reindex");
        assertThat(browser.follow(reindex).body()).contains("The rebuild has started.");
        assertThat(reconcile.location()).isEqualTo(PAGE + "?done=reconcile");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).extracting(FakeServices.Call::pathAndQuery)
                .containsExactly(API + "/reindex", API + "/reconcile");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).allSatisfy(c -> assertThat(c.authorization()).startsWith("Bearer "));
    }

    @Test
    void aRebuildAlreadyRunningAndElasticsearchDownAreExplainedInPlace() {
        status();
        SERVICES.answer("POST", API + "/reindex", 409, AdminBadgesPagesIntegrationTests.problem(409, "reindex-in-progress"));
        SERVICES.answer("POST", API + "/reconcile", 503, AdminBadgesPagesIntegrationTests.problem(503, "search-unavailable"));
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer running = browser.postForm(SITE + PAGE + "/reindex", Map.of("_csrf", csrf, "confirm", "yes"));
        Traffic.Answer down = browser.postForm(SITE + PAGE + "/reconcile", Map.of("_csrf", csrf, "confirm", "yes"));

        assertThat(running.status()).isEqualTo(409);
        assertThat(running.body()).contains("a rebuild is running already");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("Elasticsearch is not answering, so nothing ran.");
        assertThat(browser.postForm(SITE + PAGE + "/drop", Map.of("_csrf", csrf, "confirm", "yes")).status()).isEqualTo(404);
    }

    @Test
    void someoneWhoIsNotStaffGetsTheFriendlyRefusal() {
        SERVICES.problem(API + "/status", 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.SME, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("Rebuild now");
    }

    static void status() {
        SERVICES.json(API + "/status", """
                {"alias":"companies","aliasedIndexes":["companies-v3-20261205"],"mappingVersion":3,"recordsPendingIndex":3,
                 "indexer":{"aliasReady":true,"queued":3,"indexedSinceStart":120,"consecutiveFailures":0,"lastSuccessAt":"2026-12-05T10:00:00Z",
                   "lastError":null,"writeTargets":["companies-v3-20261205"]},
                 "lastReindex":{"state":"DONE","index":"companies-v3-20261205","reason":"requested by an admin","startedAt":"2026-12-05T09:00:00Z",
                   "finishedAt":"2026-12-05T09:01:00Z","copied":120,"repaired":2,"replaced":["companies-v2"],"error":null},
                 "lastReconcile":{"checked":120,"missing":1,"stale":2,"diverged":0,"ahead":0,"orphaned":0,"repaired":3,"sampleIds":["cmp-green-pack"],
                   "startedAt":"2026-12-05T09:30:00Z","finishedAt":"2026-12-05T09:30:05Z"}}""");
    }
}
