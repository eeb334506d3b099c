package hk.esgone.web.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Council staff's badges page, signed in through the real Keycloak, badge- and directory-service faked: the list,
 * issuing one badge (the company read from the directory, the form's idempotency key sent), issuing to many from a
 * CSV with a result per line, and suspending, revoking, reinstating and renewing — each with the staff member's
 * token and CSRF, the consequential ones only with a reason and a ticked confirmation; refusals in place.
 */
class AdminBadgesPagesIntegrationTests extends SignedInPageTest {

    static final String BADGES = "/api/v1/badges/admin/badges";
    static final String ACHIEVEMENTS = "/api/v1/badges/admin/achievements";
    static final String PAGE = "/workspace/admin/badges";

    @Test
    void theListShowsEachBadgeWithItsCompanyStatusAndDatesInBothLanguages() {
        badges();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Badges", "Gold scorecard", "bdg-gold-green-pack", "Green Pack Ltd", "cmp-green-pack", "12345678",
                        "ach-gold", "2026-12-01 18:00", "2027-12-01", "Valid", "Suspended", "Packaging under review", "Suspend…", "Revoke…",
                        "Reinstate", "Renew", "Issue a badge…", "Issue to many companies…", "href=\"/workspace/admin/badges\"")
                .contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(SERVICES.calls()).filteredOn(c -> c.pathAndQuery().startsWith(BADGES)).isNotEmpty().allSatisfy(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(BADGES + "?limit=50");
            assertThat(call.authorization()).startsWith("Bearer ");
        });

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE).body()).contains("徽章", "已暫停", "有效", "暫停…", "撤銷…", "頒發徽章…", "向多間公司頒發…");
    }

    @Test
    void theFiltersAskBadgeServiceForOneCompanyAndOneStatusAndMoreBadgesPagesThroughThatStatus() {
        badges();
        // badge-service filters: the page shows what it answers for the status, and follows its cursor
        SERVICES.json(BADGES, "status=SUSPENDED&limit=50", """
                {"items":[{"id":"bdg-silver-green-pack","achievementId":"ach-silver","name":{"en":"Silver scorecard","zhHant":"銀級評分卡"},
                  "holder":{"companyId":"cmp-green-pack","brNumber":"12345678","name":{"en":"Green Pack Ltd"}},
                  "status":"SUSPENDED","suspensionReason":"Packaging under review","issuedAt":"2026-01-01T10:00:00Z","validUntil":"2027-01-01T10:00:00Z"}],
                 "nextCursor":"c-suspended-2"}""");
        SERVICES.json(BADGES, "cursor=c-suspended-2", """
                {"items":[{"id":"bdg-bronze-green-pack","achievementId":"ach-bronze","name":{"en":"Bronze scorecard","zhHant":"銅級評分卡"},
                  "holder":{"companyId":"cmp-green-pack","brNumber":"12345678","name":{"en":"Green Pack Ltd"}},
                  "status":"SUSPENDED","suspensionReason":"Late report","issuedAt":"2026-02-01T10:00:00Z","validUntil":"2027-02-01T10:00:00Z"}],
                 "nextCursor":null}""");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);

        int before = SERVICES.calls().size();
        Traffic.Answer page = browser.get(SITE + PAGE + "?status=SUSPENDED&company=cmp-green-pack");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("bdg-silver-green-pack", "Packaging under review").doesNotContain("bdg-gold-green-pack")
                .doesNotContain("applies to the 50 badges of this page");
        assertThat(badgeListCallsSince(before)).containsExactly(BADGES + "?companyId=cmp-green-pack&status=SUSPENDED&limit=50");
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(page.body());
        assertThat(more.find()).as("a More badges link").isTrue();
        String next = more.group(1).replace("&amp;", "&");
        assertThat(next).isEqualTo(PAGE + "?status=SUSPENDED&company=cmp-green-pack&cursor=c-suspended-2");

        before = SERVICES.calls().size();
        Traffic.Answer second = browser.get(SITE + next);

        assertThat(second.body()).contains("bdg-bronze-green-pack", "Late report").doesNotContain("bdg-silver-green-pack", "rel=\"next\"");
        assertThat(badgeListCallsSince(before)).containsExactly(BADGES + "?companyId=cmp-green-pack&status=SUSPENDED&cursor=c-suspended-2&limit=50");

        browser.get(SITE + "/lang/zh-Hant?next=" + PAGE);
        assertThat(browser.get(SITE + PAGE + "?status=SUSPENDED").body()).contains("已暫停", "銀級評分卡").doesNotContain("狀態篩選只適用於本頁");
    }

    @Test
    void aStatusThatIsNoneAndACompanyIdThatIsNoneAreNotSentOn() {
        badges();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);

        int before = SERVICES.calls().size();
        Traffic.Answer odd = browser.get(SITE + PAGE + "?status=%3Cb%3E&company=%3Cb%3E%00");

        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).contains("That is not a company id (cmp-…): all badges are shown.");
        assertThat(badgeListCallsSince(before)).containsExactly(BADGES + "?limit=50");
    }

    /** The requests for the badge list the portal sent since the {@code before}th call to the services. */
    private static java.util.List<String> badgeListCallsSince(int before) {
        java.util.List<FakeServices.Call> calls = SERVICES.calls();
        return calls.subList(before, calls.size()).stream().map(FakeServices.Call::pathAndQuery)
                .filter(call -> call.equals(BADGES) || call.startsWith(BADGES + "?")).toList();
    }

    @Test
    void issuingOneBadgeReadsTheCompanyFromTheDirectoryAndSendsTheFormsKey() {
        badges();
        company("cmp-green-pack", "Green Pack Ltd", "綠色包裝有限公司", "12345678");
        SERVICES.answer("POST", BADGES, 201, "{\"id\":\"bdg-new-one\",\"status\":\"VALID\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        Traffic.Answer page = browser.get(SITE + PAGE);
        String key = hidden(page, "key");

        Traffic.Answer issued = browser.postForm(SITE + PAGE + "/issue", Map.of("_csrf", Traffic.csrfToken(page), "key", key,
                "achievement", "ach-gold", "company", " cmp-green-pack ", "validUntil", "2027-06-30"));

        assertThat(issued.status()).isEqualTo(303);
        assertThat(issued.location()).isEqualTo(PAGE + "?done=issued&badge=bdg-new-one");
        assertThat(browser.follow(issued).body()).contains("Issued: badge bdg-new-one.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(BADGES);
            assertThat(call.authorization()).startsWith("Bearer ");
            assertThat(call.header("Idempotency-Key")).isEqualTo(key);
            assertThat(call.body()).isEqualTo("{\"achievementId\":\"ach-gold\",\"company\":{\"id\":\"cmp-green-pack\",\"brNumber\":\"12345678\","
                    + "\"name\":{\"en\":\"Green Pack Ltd\",\"zhHant\":\"綠色包裝有限公司\"}},\"validUntil\":\"2027-06-30T15:59:59Z\"}");
        });
    }

    @Test
    void anIssueTheServiceRefusesIsExplainedBesideTheFormWithWhatWasTyped() {
        badges();
        company("cmp-green-pack", "Green Pack Ltd", "綠色包裝有限公司", "12345678");
        SERVICES.answer("POST", BADGES, 409, problem(409, "badge-already-held"));
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer held = browser.postForm(SITE + PAGE + "/issue", Map.of("_csrf", csrf, "achievement", "ach-gold", "company", "cmp-green-pack"));
        Traffic.Answer unknown = browser.postForm(SITE + PAGE + "/issue", Map.of("_csrf", csrf, "achievement", "ach-gold", "company", "cmp-nowhere"));
        Traffic.Answer notAnId = browser.postForm(SITE + PAGE + "/issue", Map.of("_csrf", csrf, "achievement", "ach-gold", "company", "Green Pack"));
        Traffic.Answer badDate = browser.postForm(SITE + PAGE + "/issue", Map.of("_csrf", csrf, "achievement", "ach-gold", "company", "cmp-green-pack",
                "validUntil", "31/12/2027"));

        assertThat(held.status()).isEqualTo(409);
        assertThat(held.body()).contains("This company already holds a current badge of this type.", "<details id=\"issue\" open=\"open\">",
                "value=\"cmp-green-pack\"");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("The directory has no company with this id.");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.body()).contains("That is not a company id");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("The end date is not a date.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).hasSize(1);
    }

    @Test
    void revokingNeedsAReasonAndATickAndSendsTheCleanedReason() {
        badges();
        SERVICES.answer("POST", BADGES + "/bdg-gold-green-pack/revoke", 200, "{\"id\":\"bdg-gold-green-pack\",\"status\":\"REVOKED\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));
        String url = SITE + PAGE + "/bdg-gold-green-pack/revoke";

        Traffic.Answer unticked = browser.postForm(url, Map.of("_csrf", csrf, "reason", "Certificate withdrawn"));
        Traffic.Answer noReason = browser.postForm(url, Map.of("_csrf", csrf, "reason", " \u0007 ", "confirm", "yes"));
        Traffic.Answer tooLong = browser.postForm(url, Map.of("_csrf", csrf, "reason", "x".repeat(501), "confirm", "yes"));
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.body()).contains("Please tick the box to confirm.", "Go to badge bdg-gold-green-pack", ">Certificate withdrawn</textarea>")
                .containsOnlyOnce("open=\"open\"");
        assertThat(noReason.body()).contains("Please give a reason: anyone who checks the badge sees it.");
        assertThat(tooLong.body()).contains("The reason is too long: at most 500 characters.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));

        Traffic.Answer revoked = browser.postForm(url, Map.of("_csrf", csrf, "status", "VALID", "reason", "Certificate\u0000 withdrawn\u202E <b>now</b>",
                "confirm", "yes"));

        assertThat(revoked.status()).isEqualTo(303);
        assertThat(revoked.location()).isEqualTo(PAGE + "?status=VALID&done=revoked&badge=bdg-gold-green-pack");
        assertThat(browser.follow(revoked).body()).contains("Revoked: badge bdg-gold-green-pack. This cannot be undone.");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).startsWith("Bearer ");
            assertThat(call.body()).isEqualTo("{\"reason\":\"Certificate withdrawn <b>now</b>\"}");
        });
    }

    @Test
    void suspendingReinstatingAndRenewingSendTheirRequestsAndAConflictIsExplainedInPlace() {
        badges();
        SERVICES.answer("POST", BADGES + "/bdg-gold-green-pack/suspend", 200, "{\"status\":\"SUSPENDED\"}");
        SERVICES.answer("POST", BADGES + "/bdg-silver-green-pack/reinstate", 409, problem(409, "badge-not-suspended"));
        SERVICES.answer("POST", BADGES + "/bdg-gold-green-pack/renew", 200, "{\"status\":\"VALID\"}");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        Traffic.Answer suspended = browser.postForm(SITE + PAGE + "/bdg-gold-green-pack/suspend",
                Map.of("_csrf", csrf, "reason", "Under review", "confirm", "yes"));
        Traffic.Answer conflict = browser.postForm(SITE + PAGE + "/bdg-silver-green-pack/reinstate", Map.of("_csrf", csrf));
        Traffic.Answer renewed = browser.postForm(SITE + PAGE + "/bdg-gold-green-pack/renew", Map.of("_csrf", csrf));

        assertThat(suspended.location()).isEqualTo(PAGE + "?done=suspended&badge=bdg-gold-green-pack");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("This badge is not suspended.");
        assertThat(renewed.location()).isEqualTo(PAGE + "?done=renewed&badge=bdg-gold-green-pack");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).extracting(FakeServices.Call::pathAndQuery)
                .containsExactly(BADGES + "/bdg-gold-green-pack/suspend", BADGES + "/bdg-silver-green-pack/reinstate",
                        BADGES + "/bdg-gold-green-pack/renew");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        badges();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        browser.get(SITE + PAGE);

        Traffic.Answer plain = browser.postForm(SITE + PAGE + "/bdg-gold-green-pack/renew", Map.of());
        Traffic.Answer upload = browser.postMultipart(SITE + PAGE + "/bulk", Map.of("achievement", "ach-gold"), "file", "c.csv",
                "cmp-green-pack\n".getBytes(StandardCharsets.UTF_8));

        assertThat(plain.status()).isEqualTo(403);
        assertThat(upload.status()).isEqualTo(403);
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void anUnknownBadgeIdIsTheNotFoundPage() {
        badges();
        SERVICES.problem(BADGES + "/bdg-nothing-here", 404, "not-found");
        SERVICES.problem("POST", BADGES + "/bdg-nothing-here/renew", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));

        assertThat(browser.get(SITE + PAGE + "/bdg-nothing-here").status()).isEqualTo(404);
        assertThat(browser.get(SITE + PAGE + "/not-a-badge").status()).isEqualTo(404);
        assertThat(browser.postForm(SITE + PAGE + "/bdg-nothing-here/renew", Map.of("_csrf", csrf)).body()).contains("Page not found");
        assertThat(browser.postForm(SITE + PAGE + "/bdg-gold-green-pack/explode", Map.of("_csrf", csrf)).status()).isEqualTo(404);
        Traffic.Answer one = browser.get(SITE + PAGE + "/bdg-gold-green-pack");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("bdg-gold-green-pack", "All badges").doesNotContain("bdg-silver-green-pack");
    }

    @Test
    void aCsvGetsAResultForEveryLineAndOnlyTheCompaniesTheDirectoryKnowsAreSent() {
        badges();
        company("cmp-green-pack", "Green Pack Ltd", "綠色包裝有限公司", "12345678");
        company("cmp-eco-print", "Eco Print", "環保印刷", "87654321");
        SERVICES.answer("POST", BADGES + "/bulk", 200, """
                {"achievementId":"ach-gold","issued":1,"failed":1,"results":[
                 {"companyId":"cmp-green-pack","outcome":"ISSUED","badge":{"id":"bdg-bulk-one"}},
                 {"companyId":"cmp-eco-print","outcome":"FAILED","problem":{"type":"https://esg-one.hk/problems/badge-already-held","detail":"held"}}]}""");
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        Traffic.Answer page = browser.get(SITE + PAGE);
        String csv = "Company ID,Name\r\ncmp-green-pack,Green Pack\r\nGreen Pack Ltd\r\ncmp-ghost\r\n\r\n\"cmp-green-pack\"\r\ncmp-eco-print;Eco\r\n";

        Traffic.Answer result = browser.postMultipart(SITE + PAGE + "/bulk", Map.of("_csrf", Traffic.csrfToken(page), "achievement", "ach-gold",
                "key", hidden(page, "key"), "csv", ""), "file", "companies.csv", ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("1 issued, 4 not issued.", "bdg-bulk-one",
                "no company id (cmp-…) at the start of the line", "the directory has no company with this id",
                "this company is already on an earlier line", "the company already holds a current badge of this type");
        assertThat(rows(result.body())).containsExactly("2", "3", "4", "6", "7");
        assertThat(SERVICES.calls()).filteredOn(c -> c.method().equals("POST")).singleElement().satisfies(call -> {
            assertThat(call.pathAndQuery()).isEqualTo(BADGES + "/bulk");
            assertThat(call.authorization()).startsWith("Bearer ");
            assertThat(call.header("Idempotency-Key")).isEqualTo(hidden(page, "key"));
            assertThat(call.body()).contains("\"achievementId\":\"ach-gold\"", "\"id\":\"cmp-green-pack\"", "\"id\":\"cmp-eco-print\"")
                    .doesNotContain("cmp-ghost");
        });
    }

    @Test
    void aCsvThatCannotBeUsedIsExplainedAndNothingIsSent() {
        badges();
        Traffic browser = signedIn(TestKeycloak.ADMIN, PAGE);
        String csrf = Traffic.csrfToken(browser.get(SITE + PAGE));
        String url = SITE + PAGE + "/bulk";
        Map<String, String> fields = Map.of("_csrf", csrf, "achievement", "ach-gold");

        Traffic.Answer large = browser.postMultipart(url, fields, "file", "big.csv", "cmp-green-pack,x\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
        Traffic.Answer huge = browser.postMultipart(url, fields, "file", "huge.csv", new byte[400 * 1024]);
        Traffic.Answer many = browser.postMultipart(url, fields, "file", "many.csv", manyCompanies(201).getBytes(StandardCharsets.UTF_8));
        Traffic.Answer binary = browser.postMultipart(url, fields, "file", "x.csv", new byte[] {(byte) 0xC3, (byte) 0x28, 0x0a});
        Traffic.Answer empty = browser.postMultipart(url, fields, "file", null, new byte[0]);
        Traffic.Answer noType = browser.postMultipart(url, Map.of("_csrf", csrf), "file", "c.csv", "cmp-green-pack".getBytes(StandardCharsets.UTF_8));

        assertThat(large.status()).isEqualTo(400);
        assertThat(large.body()).contains("The file is too large: at most 64 KB (200 companies).");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("Too large to send").contains("Nothing was changed");
        assertThat(many.body()).contains("There are more than 200 companies: please split the file.");
        assertThat(binary.body()).contains("The file is not a text (CSV) file in UTF-8.");
        assertThat(empty.body()).contains("Please choose a CSV file or paste the lines");
        assertThat(noType.body()).contains("Please choose a badge type.");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void someoneWhoIsNotStaffGetsTheFriendlyRefusalAndNoLink() {
        SERVICES.problem(BADGES, 403, "forbidden");
        SERVICES.problem(ACHIEVEMENTS, 403, "forbidden");
        Traffic browser = signedIn(TestKeycloak.SME, PAGE);

        Traffic.Answer page = browser.get(SITE + PAGE);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("href=\"/workspace/admin/badges\"")
                .doesNotContain("href=\"/workspace/admin/achievements\"").doesNotContain("href=\"/workspace/admin/search\"");
        // the account menu of an ordinary page has no link to the admin console for them either
        assertThat(browser.get(SITE + "/check").body()).contains("Sign out").doesNotContain("/workspace/admin/badges")
                .doesNotContain("/workspace/admin/achievements").doesNotContain("/workspace/admin/taxonomies").doesNotContain("/workspace/admin/search");
    }

    private static String manyCompanies(int count) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < count; i++) {
            csv.append("cmp-company-").append(i).append('\n');
        }
        return csv.toString();
    }

    static java.util.List<String> rows(String html) {
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr[^>]*>\\s*<td>(\\d+)</td>").matcher(html);
        java.util.List<String> lines = new java.util.ArrayList<>();
        while (row.find()) {
            lines.add(row.group(1));
        }
        return lines;
    }

    static String hidden(Traffic.Answer page, String name) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(field.find()).as("a hidden " + name + " field").isTrue();
        return field.group(1);
    }

    static String problem(int status, String type) {
        return "{\"type\":\"https://esg-one.hk/problems/" + type + "\",\"title\":\"" + type + "\",\"status\":" + status + "}";
    }

    private static void company(String id, String en, String zh, String br) {
        SERVICES.json("/api/v1/directory/companies/" + id, "{\"id\":\"" + id + "\",\"name\":{\"en\":\"" + en + "\",\"zhHant\":\"" + zh
                + "\"},\"brNumber\":\"" + br + "\",\"status\":\"PUBLISHED\"}");
    }

    static void badges() {
        SERVICES.json(ACHIEVEMENTS, """
                {"items":[{"id":"ach-gold","kind":"SCORECARD_LEVEL","scorecardLevel":"GOLD","name":{"en":"Gold scorecard","zhHant":"金級評分卡"},
                  "validity":"P1Y","archived":false},
                 {"id":"ach-old","kind":"E_BADGE","name":{"en":"Old badge","zhHant":"舊徽章"},"validity":"P1Y","archived":true}],"nextCursor":null}""");
        SERVICES.json(BADGES, """
                {"items":[{"id":"bdg-gold-green-pack","achievementId":"ach-gold","name":{"en":"Gold scorecard","zhHant":"金級評分卡"},
                  "holder":{"companyId":"cmp-green-pack","brNumber":"12345678","name":{"en":"Green Pack Ltd","zhHant":"綠色包裝有限公司"}},
                  "status":"VALID","issuedAt":"2026-12-01T10:00:00Z","validUntil":"2027-12-01T10:00:00Z",
                  "links":{"verificationPage":"http://localhost:8080/badges/bdg-gold-green-pack"}},
                 {"id":"bdg-silver-green-pack","achievementId":"ach-silver","name":{"en":"<script>alert(1)</script>"},
                  "holder":{"companyId":"cmp-green-pack","brNumber":"12345678","name":{"en":"Green Pack Ltd"}},
                  "status":"SUSPENDED","suspensionReason":"Packaging under review","issuedAt":"2026-01-01T10:00:00Z","validUntil":"2027-01-01T10:00:00Z"}],
                 "nextCursor":null}""");
        SERVICES.json(BADGES + "/bdg-gold-green-pack", """
                {"id":"bdg-gold-green-pack","achievementId":"ach-gold","name":{"en":"Gold scorecard","zhHant":"金級評分卡"},
                 "holder":{"companyId":"cmp-green-pack","brNumber":"12345678","name":{"en":"Green Pack Ltd","zhHant":"綠色包裝有限公司"}},
                 "status":"VALID","issuedAt":"2026-12-01T10:00:00Z","validUntil":"2027-12-01T10:00:00Z"}""");
    }
}
