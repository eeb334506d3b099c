package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * Once staff approve a company a person applied for, the account page renews the person's tokens at Keycloak (the
 * renewed token names the company), so the company's workspace opens without signing out and in again — once per
 * company and session, so a company Keycloak has not set up yet does not make every visit ask Keycloak again.
 */
class ApprovedCompanyRenewalIntegrationTests extends SignedInPageTest {

    private static final String ME = "/api/v1/directory/me";
    private static final String MINE = "/api/v1/directory/applications/mine";

    @Test
    void aCompanyApprovedSinceSigningInRenewsTheTokensOnceAndTheAccountPageShowsIt() {
        Traffic browser = signedInWithACompanyApprovedSince();

        Traffic.Answer account = browser.get(SITE + "/account?applied=cmp-new-green");

        assertThat(account.status()).isEqualTo(303);
        assertThat(account.location()).isEqualTo("/account?applied=cmp-new-green");
        Traffic.Answer renewed = browser.follow(account);
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.body()).contains("New Green Works Ltd", "Approved and listed in the directory.");
        List<String> tokens = tokensSentTo(ME);
        assertThat(tokens).hasSize(2);
        assertThat(jti(tokens.get(1))).as("the page after the renewal used a new token").isNotEqualTo(jti(tokens.get(0)));

        // the directory still does not name the company for this person (say Keycloak has not set it up yet): once is enough
        Traffic.Answer again = browser.get(SITE + "/account");
        assertThat(again.status()).isEqualTo(200);
        assertThat(tokensSentTo(ME)).hasSize(3).last().satisfies(token -> assertThat(jti(token)).isEqualTo(jti(tokens.get(1))));
    }

    @Test
    void whenKeycloakNoLongerRenewsTheTokensTheAccountPageShowsAsItIs() {
        Traffic browser = signedInWithACompanyApprovedSince();
        // an administrator signed the person out at Keycloak: the refresh token is refused there
        TestKeycloak.endSessions(TestKeycloak.SME);

        Traffic.Answer account = browser.get(SITE + "/account?applied=cmp-new-green");

        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("New Green Works Ltd", "Approved and listed in the directory.");
        List<String> tokens = tokensSentTo(ME);
        assertThat(tokens).hasSize(1);
        // the tokens Keycloak refused are gone from the session: the next page asks the person to sign in again
        Traffic.Answer next = browser.get(SITE + "/account");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/auth?");
        assertThat(next.location()).as("Keycloak's sign-in page in the page's language").endsWith("&ui_locales=en");
    }

    @Test
    void aPersonWhoseTokenNamesTheApprovedCompanyIsNotRenewed() {
        SERVICES.json(ME, """
                {"subject":"x","username":"sme@demo.esg-one.test","roles":["sme"],"companyIds":["cmp-demo-supplier"]}""");
        SERVICES.json(MINE, """
                [{"id":"cmp-demo-supplier","status":"PUBLISHED","name":{"en":"Demo Green Packaging Ltd"},"owner":{}},
                 {"id":"cmp-waiting","status":"SUBMITTED","name":{"en":"Waiting Ltd"},"owner":{}}]""");
        Traffic browser = signedIn(TestKeycloak.SME, "/");

        Traffic.Answer first = browser.get(SITE + "/account");
        Traffic.Answer second = browser.get(SITE + "/account");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        List<String> tokens = tokensSentTo(ME);
        assertThat(tokens).hasSize(2);
        assertThat(jti(tokens.get(1))).isEqualTo(jti(tokens.get(0)));
    }

    /** The demo SME signed in; since then staff approved the company they applied for, which their token does not name. */
    private static Traffic signedInWithACompanyApprovedSince() {
        SERVICES.json(ME, """
                {"subject":"x","username":"sme@demo.esg-one.test","roles":["sme"],"companyIds":[]}""");
        SERVICES.json(MINE, """
                [{"id":"cmp-new-green","status":"PUBLISHED","name":{"en":"New Green Works Ltd"},"owner":{}}]""");
        return signedIn(TestKeycloak.SME, "/");
    }

    private static List<String> tokensSentTo(String path) {
        return SERVICES.calls().stream().filter(c -> c.pathAndQuery().equals(path)).map(c -> c.authorization().substring("Bearer ".length()))
                .toList();
    }

    private static String jti(String token) {
        return SignInIntegrationTests.claims(token).path("jti").asString();
    }
}
