package hk.esgone.web.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * An SME's "offers for my company" and "my claims": what offers-service says is claimable and what is not (with
 * the rule in words), a claim form that sends its own idempotency key (so a double click is one claim), refusals
 * shown in place in both languages, codes and cancelling.
 */
class ClaimsPagesIntegrationTests extends SignedInPageTest {

    static final String CATALOGUE = "/api/v1/offers/catalogue";
    static final Pattern CLAIM_FORM = Pattern.compile(
            "action=\"/workspace/offers/(off-[a-z0-9-]+)/claim\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"[^>]*>\\s*"
                    + "<input type=\"hidden\" name=\"key\" value=\"([^\"]+)\"");

    @Test
    void showsWhatTheCompanyMayClaimAndWhyNotTheRest() {
        offers();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/offers");

        Traffic.Answer page = browser.get(SITE + "/workspace/offers");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("10% off green audits", "12 of 100 places left", "Claim")
                .contains("Solar loan", "Requires the e-badge ach-esg-one", "Requires a scorecard level of Gold or higher")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
        List<FakeServices.Call> catalogue = SERVICES.calls().stream().filter(c -> c.pathAndQuery().startsWith(CATALOGUE)).toList();
        assertThat(catalogue).anyMatch(c -> c.pathAndQuery().contains("eligibleForMe=true") && c.authorization().startsWith("Bearer "));
    }

    @Test
    void aClaimFormSentTwiceIsOneKeyAndLandsOnTheClaim() {
        offers();
        SERVICES.json("/api/v1/offers/off-green-audit/claims", """
                {"id":"clm-abc123","offerId":"off-green-audit","status":"ACTIVE","code":"GREEN-1234"}""");
        SERVICES.json("/api/v1/offers/claims/mine", """
                {"items":[{"id":"clm-abc123","offerId":"off-green-audit","status":"ACTIVE","code":"GREEN-1234",
                  "claimedAt":"2026-12-05T02:00:00Z","offer":{"title":{"en":"10% off green audits","zhHant":"綠色審核九折"}}}]}""");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/offers");
        Matcher form = CLAIM_FORM.matcher(browser.get(SITE + "/workspace/offers").body());
        assertThat(form.find()).isTrue();
        Map<String, String> fields = Map.of("_csrf", form.group(2), "key", form.group(3));

        Traffic.Answer first = browser.postForm(SITE + "/workspace/offers/" + form.group(1) + "/claim", fields);
        Traffic.Answer second = browser.postForm(SITE + "/workspace/offers/" + form.group(1) + "/claim", fields);

        assertThat(first.status()).isEqualTo(303);
        assertThat(first.location()).isEqualTo("/workspace/claims?claimed=clm-abc123");
        assertThat(second.location()).isEqualTo(first.location());
        List<String> keys = SERVICES.calls().stream().filter(c -> c.method().equals("POST"))
                .map(c -> c.header("Idempotency-Key")).toList();
        assertThat(keys).hasSize(2).containsOnly(form.group(3));
        Traffic.Answer claims = browser.follow(first);
        assertThat(claims.body()).contains("Claimed. Your code is in the table below.", "GREEN-1234", "Cancel claim");
        // the code with a button that copies it (site.js), named for the code it copies
        assertThat(claims.body()).contains("<code class=\"claim-code\" id=\"code-clm-abc123\">GREEN-1234</code>",
                "data-copy=\"code-clm-abc123\"", "aria-label=\"Copy the code GREEN-1234\"", "id=\"copy-status\"");
    }

    @Test
    void aRefusalIsExplainedOnThePageInTheChosenLanguage() {
        offers();
        SERVICES.problem("/api/v1/offers/off-green-audit/claims", 409, "quota-exhausted");
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/offers");
        browser.get(SITE + "/lang/zh-Hant?next=/workspace/offers");
        Matcher form = CLAIM_FORM.matcher(browser.get(SITE + "/workspace/offers").body());
        assertThat(form.find()).isTrue();

        Traffic.Answer refused = browser.postForm(SITE + "/workspace/offers/off-green-audit/claim",
                Map.of("_csrf", form.group(2), "key", form.group(3)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("未能領取", "此優惠已沒有名額。", "綠色審核九折");
    }

    @Test
    void aFormWithoutItsTokenOrKeyDoesNothing() {
        offers();
        Traffic browser = signedIn(TestKeycloak.SME, "/workspace/offers");
        Matcher form = CLAIM_FORM.matcher(browser.get(SITE + "/workspace/offers").body());
        assertThat(form.find()).isTrue();

        assertThat(browser.postForm(SITE + "/workspace/offers/off-green-audit/claim", Map.of("key", form.group(3))).status()).isEqualTo(403);
        Traffic.Answer noKey = browser.postForm(SITE + "/workspace/offers/off-green-audit/claim", Map.of("_csrf", form.group(2), "key", "1"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body()).contains("The form was not complete");
        assertThat(SERVICES.calls()).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void anotherCompanysClaimIsNotFoundAndNothingChanges() {
        SERVICES.json("/api/v1/offers/claims/mine", "{\"items\":[]}");
        SERVICES.problem("/api/v1/offers/claims/clm-of-another/cancel", 404, "not-found");
        Traffic browser = signedIn(TestKeycloak.SME_2, "/workspace/claims");
        String csrf = Traffic.csrfToken(browser.get(SITE + "/workspace/claims"));

        Traffic.Answer answer = browser.postForm(SITE + "/workspace/claims/clm-of-another/cancel", Map.of("_csrf", csrf));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("There is no such offer or claim.");
    }

    @Test
    void visitorsAreSentToSignInFirst() {
        Traffic browser = new Traffic();
        Traffic.Answer answer = browser.get(SITE + "/workspace/claims");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/oauth2/authorization/keycloak");
    }

    private static void offers() {
        SERVICES.json(CATALOGUE, "eligibleForMe=true", """
                {"items":[
                  {"id":"off-green-audit","partnerId":"cmp-demo-partner","title":{"en":"10% off green audits","zhHant":"綠色審核九折"},
                   "remaining":12,"quota":100,"soldOut":false,"eligibility":{}}],
                 "eligibility":{"companyId":"cmp-demo-supplier","badgesChecked":true,"industryChecked":true}}""");
        SERVICES.json(CATALOGUE, """
                {"items":[
                  {"id":"off-green-audit","partnerId":"cmp-demo-partner","title":{"en":"10% off green audits","zhHant":"綠色審核九折"},
                   "remaining":12,"quota":100,"soldOut":false,"eligibility":{}},
                  {"id":"off-solar-loan","partnerId":"cmp-demo-partner","title":{"en":"Solar loan","zhHant":"太陽能貸款"},
                   "remaining":3,"quota":10,"soldOut":false,
                   "eligibility":{"requiredAchievementId":"ach-esg-one","minScorecardLevel":"GOLD"}},
                  {"id":"off-hostile","partnerId":"cmp-demo-partner","title":{"en":"<script>alert(1)</script>","zhHant":"x"},
                   "remaining":1,"quota":1,"soldOut":false,"eligibility":{"industries":["C"]}}]}""");
    }
}
