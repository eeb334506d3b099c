package hk.esgone.web.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.SignedInPageTest;
import hk.esgone.web.support.Traffic;

/**
 * An error page seen by a signed-in person is still their page: the account menu and its sign-out form, not a
 * "Sign in" button that would only lead back to the same error. And "/workspace", typed, is not an error at all.
 */
class ErrorPagesSignedInIntegrationTests extends SignedInPageTest {

    private static final String MISSING = "/companies/cmp-no-such-company";

    @Test
    void aSignedInPersonOnAnErrorPageKeepsTheirMenuAndCanSignOutFromIt() {
        Traffic browser = signedIn(TestKeycloak.SME, "/check");

        Traffic.Answer missing = browser.get(SITE + MISSING);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "class=\"account-menu\"", "href=\"/account\"", "Sign out")
                .doesNotContain("href=\"/sign-in?next=");
        Traffic.Answer signOut = browser.postForm(SITE + "/sign-out", Map.of("_csrf", Traffic.csrfToken(missing)));
        assertThat(signOut.status()).as("the error page's sign-out form carries a valid CSRF token").isEqualTo(302);
        assertThat(signOut.location()).startsWith(TestKeycloak.issuer() + "/protocol/openid-connect/logout?");
    }

    @Test
    void someoneNotSignedInSeesSignInOnTheSameErrorPage() {
        Traffic.Answer missing = new Traffic().get(SITE + MISSING);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "href=\"/sign-in?next=" + MISSING + "\"")
                .doesNotContain("class=\"account-menu\"", "Sign out");
    }

    @Test
    void workspaceTypedInLeadsToTheAccountPageWithTheWorkspacesOfThePerson() {
        Traffic browser = signedIn(TestKeycloak.SME, "/check");

        for (String typed : new String[] {"/workspace", "/workspace/"}) {
            Traffic.Answer answer = browser.get(SITE + typed);
            assertThat(answer.status()).as(typed).isEqualTo(303);
            assertThat(answer.location()).as(typed).isEqualTo("/account");
        }
        Traffic.Answer anonymous = new Traffic().get(SITE + "/workspace");
        assertThat(anonymous.status()).as("someone not signed in is sent to sign in first").isIn(302, 303);
        assertThat(anonymous.location()).doesNotEndWith("/account");
    }
}
