package hk.esgone.badge.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.status.Bitstring;
import hk.esgone.badge.support.Bilingual;
import tools.jackson.databind.json.JsonMapper;

/**
 * The from-scratch verifier against a fake issuer (a loopback HTTP server publishing a JWKS and status lists):
 * every way a credential or its status can be forged, damaged or unavailable ends in "not valid" with a reason.
 */
class CredentialVerifierClientTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PUBLIC = "https://esg-one.test";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final int INDEX = 4242;

    private final BadgeProperties properties = new BadgeProperties(URI.create(PUBLIC), false, null, null, null, null, null, null, null, null);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private HttpServer server;
    private ECKey ecKey;
    private RSAKey rsaKey;
    private ECKey strangerKey;
    private String fetchBase;

    private record Route(int status, String body, long delayMillis) {
    }

    @BeforeEach
    void start() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        strangerKey = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            Route route = routes.get(exchange.getRequestURI().getPath());
            try {
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (route.delayMillis() > 0) {
                    Thread.sleep(route.delayMillis());
                }
                byte[] body = route.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(route.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        fetchBase = "http://127.0.0.1:" + server.getAddress().getPort();
        publishKeys(ecKey, rsaKey);
        publishList("revocation", list("revocation", false), ecKey);
        publishList("suspension", list("suspension", false), ecKey);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CredentialVerifier verifier() {
        return verifier(fetchBase, Duration.ofSeconds(2));
    }

    private CredentialVerifier verifier(String base, Duration timeout) {
        PublishedDocuments documents = new PublishedDocuments(PUBLIC, () -> base, WebClient.builder(), timeout, Duration.ZERO, clock);
        return new CredentialVerifier(properties.issuerId(), documents, 16_384, clock);
    }

    private void publishKeys(JWK... keys) {
        routes.put("/.well-known/jwks.json", new Route(200, new JWKSet(List.of(keys)).toPublicJWKSet().toString(), 0));
    }

    private void publishList(String purpose, Map<String, Object> list, JWK key) {
        routes.put("/api/v1/badges/status-lists/" + purpose + "/0", new Route(200, sign(list, key), 0));
    }

    private Map<String, Object> list(String purpose, boolean set) {
        Bitstring bits = new Bitstring(Bitstring.MIN_BITS);
        if (set) {
            bits.set(INDEX);
        }
        return CredentialFormat.statusListCredential(properties, purpose, 0, bits.encode(), NOW.minusSeconds(10), NOW.plusSeconds(3600));
    }

    private Map<String, Object> credential(Instant validFrom, Instant validUntil) {
        Achievement achievement = new Achievement("ach-esg-one-ebadge", AchievementKind.E_BADGE, Bilingual.of("ESG One e-Badge", "ESG One 電子徽章"),
                Bilingual.of("Completed the self-assessment", "完成自我評估"), Bilingual.of("Complete it", "完成"), null, null, "P1Y",
                null, false, NOW, NOW);
        return CredentialFormat.openBadgeCredential(properties, "urn:uuid:3b7e0c1a-0000-4000-8000-000000000001", achievement,
                new CredentialFormat.Subject("cmp-acme-metal", "12345678", null, "Acme Metal Ltd"), validFrom, validFrom,
                validUntil, 0, INDEX);
    }

    private Map<String, Object> credential() {
        return credential(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(300)));
    }

    private static String sign(Map<String, Object> payload, JWK key) {
        try {
            boolean ec = key instanceof ECKey;
            JWSObject jws = new JWSObject(new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("vc+jwt")).build(), new Payload(JSON.writeValueAsString(payload)));
            jws.sign(ec ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private CredentialVerifier.Verdict verify(String token) {
        return verifier().verify(token).block(Duration.ofSeconds(10));
    }

    private static void assertNotValid(CredentialVerifier.Verdict verdict, String check, String reason) {
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.status()).isEqualTo(VerificationStatus.INVALID);
        assertThat(verdict.checks()).filteredOn(c -> c.check().equals(check))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(Check.Outcome.FAILED);
                    assertThat(c.detail()).containsIgnoringCase(reason);
                });
        assertThat(verdict.reasons()).isNotEmpty();
    }

    @Test
    void aGenuineCurrentCredentialIsValidWithEveryCheckPassed() {
        CredentialVerifier.Verdict verdict = verify(sign(credential(), ecKey));

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.status()).isEqualTo(VerificationStatus.VALID);
        assertThat(verdict.checks()).extracting(Check::check).containsExactly("FORMAT", "ALGORITHM", "KEY", "SIGNATURE", "ISSUER",
                "CREDENTIAL", "VALIDITY_PERIOD", "REVOCATION", "SUSPENSION");
        assertThat(verdict.checks()).allMatch(c -> c.outcome() == Check.Outcome.PASSED);
        assertThat(verdict.credential().holderCompanyId()).isEqualTo("cmp-acme-metal");
        assertThat(verdict.credential().holderBrNumber()).isEqualTo("12345678");
        assertThat(verdict.credential().achievementName()).isEqualTo("ESG One e-Badge");
    }

    @Test
    void anRs256CredentialVerifiesToo() {
        assertThat(verify(sign(credential(), rsaKey)).status()).isEqualTo(VerificationStatus.VALID);
    }

    @Test
    void aChangedPayloadBreaksTheSignature() {
        String token = sign(credential(), ecKey);
        String[] parts = token.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("cmp-acme-metal", "cmp-forger-ltd");
        CredentialVerifier.Verdict verdict = verify(parts[0] + "." + b64(forged) + "." + parts[2]);
        assertNotValid(verdict, "SIGNATURE", "does not match");
        assertThat(verdict.credential()).as("nothing unverified is presented as fact").isNull();
    }

    @Test
    void aDamagedSignatureIsRejected() {
        String token = sign(credential(), ecKey);
        char last = token.charAt(token.length() - 5);
        String damaged = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
        assertNotValid(verify(damaged), "SIGNATURE", "does not match");
        assertNotValid(verify(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA"), "SIGNATURE", "does not match");
    }

    @Test
    void aKeyTheIssuerDoesNotPublishIsRejected() {
        assertNotValid(verify(sign(credential(), strangerKey)), "KEY", "not published");
    }

    @Test
    void unsignedAndHmacTokensAreRejectedBeforeAnyKeyIsLookedUp() throws Exception {
        String payload = b64(JSON.writeValueAsString(credential()));
        assertNotValid(verify(b64("{\"alg\":\"none\",\"typ\":\"vc+jwt\"}") + "." + payload + "."), "ALGORITHM", "unsigned");
        assertNotValid(verify(b64("{\"alg\":\"NONE\",\"kid\":\"ec-1\"}") + "." + payload + ".c2ln"), "ALGORITHM", "unsigned");
        // the classic confusion attack: HMAC "signed" with the issuer's public key as the secret
        JWSObject hmac = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").build(), new Payload(JSON.writeValueAsString(credential())));
        hmac.sign(new MACSigner(ecKey.toPublicJWK().toJSONString().repeat(2).getBytes(StandardCharsets.UTF_8)));
        assertNotValid(verify(hmac.serialize()), "ALGORITHM", "HS256");
        assertThat(hits.get()).as("no key fetched for tokens rejected on their header").isZero();
    }

    @Test
    void aKeyOfTheWrongTypeForTheAlgorithmIsRejected() {
        // header says RS256 but names the EC key: never "verify" with a mismatched key
        String token = sign(credential(), ecKey);
        String[] parts = token.split("\\.");
        String header = b64("{\"alg\":\"RS256\",\"kid\":\"ec-1\",\"typ\":\"vc+jwt\"}");
        assertNotValid(verify(header + "." + parts[1] + "." + parts[2]), "KEY", "cannot verify an RS256");
        String rsaToken = sign(credential(), rsaKey);
        String[] rsaParts = rsaToken.split("\\.");
        String esHeader = b64("{\"alg\":\"ES256\",\"kid\":\"rsa-1\",\"typ\":\"vc+jwt\"}");
        assertNotValid(verify(esHeader + "." + rsaParts[1] + "." + rsaParts[2]), "KEY", "cannot verify an ES256");
    }

    @Test
    void malformedAndHugeInputIsNotValidWithAReason() {
        assertNotValid(verify("not-a-jwt"), "FORMAT", "compact JWT");
        assertNotValid(verify("a.b"), "FORMAT", "compact JWT");
        assertNotValid(verify("a.b.c.d"), "FORMAT", "compact JWT");
        assertNotValid(verify("eyJ.eyJ.sig"), "FORMAT", "not a valid JSON");
        assertNotValid(verify(b64("[1,2]") + "." + b64("{}") + ".c2ln"), "FORMAT", "not a JSON object");
        assertNotValid(verify(b64("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}") + "." + b64("{\"a\":1,\"a\":2}") + ".c2ln"), "FORMAT", "repeats a member");
        assertNotValid(verify("eyJhbGciOiJFUzI1NiJ9." + "A".repeat(20_000) + ".c2ln"), "FORMAT", "at most 16384");
        assertNotValid(verify(""), "FORMAT", "No credential");
    }

    @Test
    void aCredentialOfAnotherIssuerSignedWithAPublishedKeyIsRejected() {
        Map<String, Object> vc = new LinkedHashMap<>(credential());
        vc.put("issuer", Map.of("id", "https://evil.example/issuer", "type", List.of("Profile"), "name", "Evil"));
        vc.remove("iss");
        assertNotValid(verify(sign(vc, ecKey)), "ISSUER", "not ESG One");
    }

    @Test
    void aRevokedCredentialIsRevokedAndASuspendedOneSuspended() {
        publishList("revocation", list("revocation", true), ecKey);
        CredentialVerifier.Verdict revoked = verify(sign(credential(), ecKey));
        assertThat(revoked.valid()).isFalse();
        assertThat(revoked.status()).isEqualTo(VerificationStatus.REVOKED);
        assertThat(revoked.reasons()).contains("Revoked by the issuer.");

        publishList("revocation", list("revocation", false), ecKey);
        publishList("suspension", list("suspension", true), ecKey);
        CredentialVerifier.Verdict suspended = verify(sign(credential(), ecKey));
        assertThat(suspended.status()).isEqualTo(VerificationStatus.SUSPENDED);
        assertThat(suspended.valid()).isFalse();
    }

    @Test
    void anExpiredCredentialIsExpired() {
        CredentialVerifier.Verdict verdict = verify(sign(credential(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35))), ecKey));
        assertThat(verdict.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reasons()).anyMatch(r -> r.startsWith("Expired on"));
    }

    @Test
    void anUnreachableStatusListFailsClosed() {
        routes.put("/api/v1/badges/status-lists/revocation/0", new Route(503, "down", 0));
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "could not be fetched: the issuer answered HTTP 503");
    }

    @Test
    void aStatusListThatTakesTooLongFailsClosed() {
        routes.put("/api/v1/badges/status-lists/revocation/0", new Route(200, sign(list("revocation", false), ecKey), 3000));
        CredentialVerifier.Verdict verdict = verifier(fetchBase, Duration.ofMillis(500)).verify(sign(credential(), ecKey)).block(Duration.ofSeconds(10));
        assertNotValid(verdict, "REVOCATION", "did not answer in time");
    }

    @Test
    void anIssuerThatCannotBeReachedAtAllFailsClosed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CredentialVerifier.Verdict verdict = verifier("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1))
                .verify(sign(credential(), ecKey)).block(Duration.ofSeconds(10));
        assertNotValid(verdict, "KEY", "could not be fetched");
    }

    @Test
    void aTamperedStatusListIsNotTrusted() {
        String genuine = sign(list("revocation", true), ecKey);
        String[] parts = genuine.split("\\.");
        // a man in the middle swaps in an all-zero list under the genuine signature
        String cleared = b64(JSON.writeValueAsString(list("revocation", false)));
        routes.put("/api/v1/badges/status-lists/revocation/0", new Route(200, parts[0] + "." + cleared + "." + parts[2], 0));
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "cannot be trusted: The signature does not match");
    }

    @Test
    void aStatusListSignedByAnUnpublishedKeyIsNotTrusted() {
        publishList("revocation", list("revocation", false), strangerKey);
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "key ESG One does not publish");
    }

    @Test
    void aStatusListOfTheWrongPurposeOrAnotherListIsNotTrusted() {
        publishList("revocation", list("suspension", false), ecKey);
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "not the one the credential refers to");

        Map<String, Object> wrongPurpose = list("revocation", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) wrongPurpose.get("credentialSubject"));
        subject.put("statusPurpose", "suspension");
        wrongPurpose.put("credentialSubject", subject);
        publishList("revocation", wrongPurpose, ecKey);
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "purpose is not revocation");
    }

    @Test
    void aStaleStatusListIsNotTrusted() {
        Bitstring bits = new Bitstring(Bitstring.MIN_BITS);
        publishList("revocation", CredentialFormat.statusListCredential(properties, "revocation", 0, bits.encode(),
                NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2))), ecKey);
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "a stale copy");
    }

    @Test
    void aStatusIndexOutOfRangeIsNotValid() {
        Map<String, Object> vc = credential();
        vc.put("credentialStatus", List.of(Map.of("id", PUBLIC + "/api/v1/badges/status-lists/revocation/0#999999",
                "type", "BitstringStatusListEntry", "statusPurpose", "revocation", "statusListIndex", "999999",
                "statusListCredential", PUBLIC + "/api/v1/badges/status-lists/revocation/0")));
        assertNotValid(verify(sign(vc, ecKey)), "REVOCATION", "status index 999999 is out of range");
    }

    @Test
    void aStatusListBelowTheMinimumSizeIsNotTrusted() throws Exception {
        Map<String, Object> small = list("revocation", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) small.get("credentialSubject"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(new byte[1024]);
        }
        subject.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray()));
        small.put("credentialSubject", subject);
        publishList("revocation", small, ecKey);
        assertNotValid(verify(sign(credential(), ecKey)), "REVOCATION", "at least 131072");
    }

    @Test
    void aStatusListElsewhereIsNeverFetched() {
        Map<String, Object> vc = credential();
        vc.put("credentialStatus", List.of(Map.of("id", "http://169.254.169.254/latest#1", "type", "BitstringStatusListEntry",
                "statusPurpose", "revocation", "statusListIndex", "1", "statusListCredential", "http://169.254.169.254/latest")));
        int before = hits.get();
        assertNotValid(verify(sign(vc, ecKey)), "REVOCATION", "not at the issuer's address");
        assertThat(hits.get() - before).as("only the JWKS was fetched").isLessThanOrEqualTo(1);
    }

    @Test
    void aCredentialWithoutRevocationStatusFailsClosed() {
        Map<String, Object> vc = credential();
        vc.remove("credentialStatus");
        assertNotValid(verify(sign(vc, ecKey)), "REVOCATION", "no revocation status");
    }

    @Test
    void aNewKeyAfterRotationIsFoundAndTheOldOneStillVerifies() {
        String oldBadge = sign(credential(), ecKey);
        assertThat(verify(oldBadge).valid()).isTrue();
        CredentialVerifier verifier = verifier();
        assertThat(verifier.verify(oldBadge).block().valid()).isTrue();

        publishKeys(ecKey, rsaKey, strangerKey); // the issuer rotates: a new key is published, the old ones stay
        String newBadge = sign(credential(), strangerKey);

        assertThat(verifier.verify(newBadge).block().valid()).as("unknown kid refetches the JWKS").isTrue();
        assertThat(verifier.verify(oldBadge).block().valid()).isTrue();
    }
}
