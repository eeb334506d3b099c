package hk.esgone.web.check.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.PageTest;

class CheckPageTests extends PageTest {

    static final String VERDICT = """
            {"badgeId":"bdg-green-pack-esg","status":"REVOKED","valid":false,
             "holder":{"companyId":"cmp-green-pack","name":{"en":"<b>Green</b> Pack","zhHant":"綠色包裝"}},
             "achievement":{"id":"ach-esg-one","name":{"en":"ESG One e-Badge","zhHant":"ESG One 電子徽章"}},
             "issuedAt":"2026-01-01T00:00:00Z","validUntil":"2027-01-01T00:00:00Z",
             "checks":[{"check":"STATUS","outcome":"FAILED","detail":"Revoked on 2026-06-01."}]}""";

    @Test
    void aBadgeLinkIsCheckedByIdAndTheResultCanBeShared() {
        SERVICES.json("/api/v1/badges/verify/bdg-green-pack-esg", VERDICT);

        String html = page("/check?badge=https://esg-one.hk/badges/bdg-green-pack-esg?lang=en", 200);

        assertThat(html).contains("Revoked", "&lt;b&gt;Green&lt;/b&gt; Pack", "ESG One e-Badge", "Revoked on 2026-06-01.", "FAILED")
                .contains("href=\"/badges/bdg-green-pack-esg\"", "href=\"/companies/cmp-green-pack\"");
    }

    @Test
    void aPastedCredentialIsSentAsItIs() {
        SERVICES.json("/api/v1/badges/verify", VERDICT.replace("REVOKED", "VALID").replace("\"valid\":false", "\"valid\":true"));
        String jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

        String html = postForm("credential", jwt, 200);

        assertThat(html).contains("有效");
        assertThat(SERVICES.calls()).anyMatch(c -> c.method().equals("POST") && c.body().equals(jwt));
    }

    /** Posts the check form as a browser does: with the CSRF cookie and field of the page it was rendered on. */
    private String postForm(String field, String value, int status) {
        var form = web.get().uri("/check").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String cookie = form.getResponseCookies().getFirst("ESG_CSRF").getValue();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getResponseBody());
        assertThat(token.find()).isTrue();
        return web.post().uri("/check").header("Accept-Language", "zh-HK").cookie("ESG_CSRF", cookie)
                .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(field, value).with("_csrf", token.group(1)))
                .exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void garbageUnknownIdsAndHugeInputAreExplainedOnThePage() {
        assertThat(page("/check?badge=hello world", 400)).contains("This is not a badge link, a badge id or a credential.");
        SERVICES.problem("/api/v1/badges/verify/bdg-not-there", 404, "not-found");
        assertThat(page("/check?badge=bdg-not-there", 404)).contains("No badge has this id.");
        assertThat(postForm("credential", "a".repeat(70_000), 413)).contains("64 KB");
        assertThat(page("/check", 200)).contains("Badge link or id", "Or paste a credential");
    }
}
