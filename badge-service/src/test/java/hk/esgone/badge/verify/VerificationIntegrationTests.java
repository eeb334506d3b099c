package hk.esgone.badge.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.badge.status.Bitstring;
import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class VerificationIntegrationTests extends BadgeServiceIntegrationTest {

    private static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    @Test
    void verificationByIdAnswersWithHolderAchievementDatesAndEachCheck() {
        String achievement = createAchievement("verify-id");
        String company = company("verify-id");
        String br = brNumber();
        String id = issue(achievement, company, br).path("id").asString();

        JsonNode result = getJson("/api/v1/badges/verify/" + id);

        assertThat(result.path("status").asString()).isEqualTo("VALID");
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("holder").path("companyId").asString()).isEqualTo(company);
        assertThat(result.path("holder").path("brNumber").asString()).isEqualTo(br);
        assertThat(result.path("achievement").path("id").asString()).isEqualTo(achievement);
        assertThat(result.path("achievement").path("name").path("zhHant").asString()).isEqualTo("ESG One 電子徽章");
        assertThat(result.path("validFrom").asString()).isNotBlank();
        assertThat(result.path("validUntil").asString()).isNotBlank();
        assertThat(result.path("checkedAt").asString()).isNotBlank();
        assertThat(result.path("checks").findValuesAsString("check"))
                .containsExactly("RECORD", "SIGNATURE", "VALIDITY_PERIOD", "REVOCATION", "SUSPENSION");
        assertThat(result.path("checks").findValuesAsString("outcome")).containsOnly("PASSED");
    }

    @Test
    void unknownAndMalformedIdsAreUnknownNotErrors() {
        for (String id : new String[] {"bdg-never-issued", "<img src=x onerror=alert(1)>", "x".repeat(2000)}) {
            JsonNode result = JSON.readTree(web.get().uri("/api/v1/badges/verify/{id}", id).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            assertThat(result.path("status").asString()).isEqualTo("UNKNOWN");
            assertThat(result.path("valid").asBoolean()).isFalse();
            assertThat(result.path("checks").get(0).path("outcome").asString()).isEqualTo("FAILED");
        }
    }

    @Test
    void aPostedCredentialIsVerifiedFromScratchInEveryAcceptedForm() {
        String id = issue(createAchievement("verify-post"), company("verify-post"), brNumber()).path("id").asString();
        String jwt = web.get().uri("/api/v1/badges/credentials/" + id).exchange().expectStatus().isOk()
                .expectHeader().contentType(VC_JWT).expectBody(String.class).returnResult().getResponseBody();

        assertThat(verifyPosted(jwt, VC_JWT).path("status").asString()).isEqualTo("VALID");
        assertThat(verifyPosted(jwt, MediaType.TEXT_PLAIN).path("status").asString()).isEqualTo("VALID");
        assertThat(verifyPosted(JSON.writeValueAsString(Map.of("credential", jwt)), MediaType.APPLICATION_JSON).path("status").asString())
                .isEqualTo("VALID");
        String enveloped = JSON.writeValueAsString(Map.of("@context", "https://www.w3.org/ns/credentials/v2",
                "type", "EnvelopedVerifiableCredential", "id", "data:application/vc+jwt," + jwt));
        JsonNode verdict = verifyPosted(enveloped, MediaType.APPLICATION_JSON);
        assertThat(verdict.path("status").asString()).isEqualTo("VALID");
        assertThat(verdict.path("checks").findValuesAsString("check")).contains("SIGNATURE", "REVOCATION", "SUSPENSION");
        assertThat(verdict.path("credential").path("kid").asString()).isEqualTo(jwtPart(jwt, 0).path("kid").asString());

        // the same credential as plain JSON carries no signature: not valid, with the reason
        String plain = JSON.writeValueAsString(Map.of("credential", jwtPart(jwt, 1)));
        JsonNode unsigned = verifyPosted(plain, MediaType.APPLICATION_JSON);
        assertThat(unsigned.path("valid").asBoolean()).isFalse();
        assertThat(unsigned.path("reasons").get(0).asString()).contains("carries no signature");
    }

    @Test
    void aRevocationOrSuspensionIsVisibleToVerifiersThroughTheSignedStatusList() {
        JsonNode badge = issue(createAchievement("verify-status"), company("verify-status"), brNumber());
        String id = badge.path("id").asString();
        String jwt = badge.path("credential").asString();
        JsonNode entry = jwtPart(jwt, 1).path("credentialStatus").get(0);
        String listPath = entry.path("statusListCredential").asString().replace("https://esg-one.test", "");
        int index = Integer.parseInt(entry.path("statusListIndex").asString());

        var before = web.get().uri(listPath).exchange().expectStatus().isOk()
                .expectHeader().contentType(VC_JWT)
                .expectHeader().value("Cache-Control", cc -> assertThat(maxAge(cc)).isBetween(1, 60))
                .expectHeader().value("Access-Control-Allow-Origin", v -> assertThat(v).isNull())
                .expectBody(String.class).returnResult();
        String etag = before.getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        assertThat(bit(before.getResponseBody(), index)).isFalse();
        web.get().uri(listPath).header("If-None-Match", etag).exchange().expectStatus().isNotModified();

        adminPost("/api/v1/badges/admin/badges/" + id + "/suspend", Map.of("reason", "Audit"));
        assertThat(verifyPosted(jwt, VC_JWT).toString()).contains("\"status\":\"SUSPENDED\"");
        adminPost("/api/v1/badges/admin/badges/" + id + "/reinstate", Map.of());
        assertThat(verifyPosted(jwt, VC_JWT).path("status").asString()).isEqualTo("VALID");

        adminPost("/api/v1/badges/admin/badges/" + id + "/revoke", Map.of("reason", "Withdrawn"));
        var after = web.get().uri(listPath).header("If-None-Match", etag).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        assertThat(after.getResponseHeaders().getETag()).isNotEqualTo(etag);
        assertThat(bit(after.getResponseBody(), index)).isTrue();
        JsonNode verdict = verifyPosted(jwt, VC_JWT);
        assertThat(verdict.path("status").asString()).isEqualTo("REVOKED");
        assertThat(verdict.path("valid").asBoolean()).isFalse();
    }

    @Test
    void statusListsAreAtLeast131072EntriesSignedAndPublic() {
        issue(createAchievement("verify-list"), company("verify-list"), brNumber());
        String list = web.get().uri("/api/v1/badges/status-lists/revocation/0").header("Origin", "https://verifier.example")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode header = jwtPart(list, 0);
        JsonNode vc = jwtPart(list, 1);
        assertThat(header.path("typ").asString()).isEqualTo("vc+jwt");
        assertThat(vc.path("type").toString()).contains("BitstringStatusListCredential");
        assertThat(vc.path("credentialSubject").path("statusPurpose").asString()).isEqualTo("revocation");
        assertThat(Bitstring.decode(vc.path("credentialSubject").path("encodedList").asString(), 1 << 20).size())
                .isGreaterThanOrEqualTo(131_072);
        web.get().uri("/api/v1/badges/status-lists/other/0").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/badges/status-lists/revocation/999").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/badges/status-lists/revocation/-1").exchange().expectStatus().isNotFound();
    }

    @Test
    void tamperedForgedAndMalformedCredentialsAreNotValidNeverAServerError() {
        String jwt = issue(createAchievement("verify-bad"), company("verify-bad"), brNumber()).path("credential").asString();
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + b64(payload.replace("2026", "2099").replace("2027", "2099")) + "." + parts[2];
        String unsigned = b64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        String unknownKid = b64("{\"alg\":\"ES256\",\"kid\":\"not-ours\",\"typ\":\"vc+jwt\"}") + "." + parts[1] + "." + parts[2];

        assertThat(verifyPosted(forged, VC_JWT).path("reasons").get(0).asString()).contains("signature does not match");
        assertThat(verifyPosted(unsigned, VC_JWT).path("reasons").get(0).asString()).contains("unsigned");
        assertThat(verifyPosted(unknownKid, VC_JWT).path("reasons").get(0).asString()).contains("not published");
        for (String bad : new String[] {"hello", "a.b.c", "{\"credential\": 42}".substring(0, 5) + "x", "x".repeat(100_000)}) {
            web.post().uri("/api/v1/badges/verify").contentType(MediaType.TEXT_PLAIN).bodyValue(bad).exchange()
                    .expectStatus().value(s -> assertThat(s).isIn(200, 400));
        }
        assertThat(verifyPosted("x".repeat(100_000), MediaType.TEXT_PLAIN).path("reasons").get(0).asString()).contains("at most 16384");
        // bodies refused before any verification (malformed JSON, no credential, too large): VerificationControllerWebFluxTests
    }

    @Test
    void afterKeyRotationOldAndNewBadgesBothVerify() {
        String achievement = createAchievement("rotation");
        JsonNode old = issue(achievement, company("rot-old"), brNumber());
        String oldKid = jwtPart(old.path("credential").asString(), 0).path("kid").asString();

        web.post().uri("/api/v1/badges/admin/keys/rotate").headers(h -> h.setBearerAuth(sme(company("x"))))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isForbidden();
        JsonNode rotated = JSON.readTree(web.post().uri("/api/v1/badges/admin/keys/rotate").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("algorithm", "RS256"))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String newKid = rotated.path("activeKid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        JsonNode fresh = issue(achievement, company("rot-new"), brNumber());
        JsonNode freshHeader = jwtPart(fresh.path("credential").asString(), 0);
        assertThat(freshHeader.path("kid").asString()).isEqualTo(newKid);
        assertThat(freshHeader.path("alg").asString()).isEqualTo("RS256");
        assertThat(getJson("/.well-known/jwks.json").path("keys").findValuesAsString("kid")).contains(oldKid, newKid);

        assertThat(verifyPosted(old.path("credential").asString(), VC_JWT).path("status").asString()).isEqualTo("VALID");
        assertThat(verifyPosted(fresh.path("credential").asString(), VC_JWT).path("status").asString()).isEqualTo("VALID");
        assertThat(getJson("/api/v1/badges/verify/" + old.path("id").asString()).path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void theIssuerProfileAndKeysArePublished() {
        JsonNode issuer = getJson("/.well-known/issuer");
        assertThat(issuer.path("id").asString()).isEqualTo("https://esg-one.test/.well-known/issuer");
        assertThat(issuer.path("type").toString()).contains("Profile");
        web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/jwk-set+json")
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("\"d\""));
    }

    private static boolean bit(String statusListJwt, int index) {
        return Bitstring.decode(jwtPart(statusListJwt, 1).path("credentialSubject").path("encodedList").asString(), 1 << 20).get(index);
    }

    private static int maxAge(String cacheControl) {
        var m = java.util.regex.Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
