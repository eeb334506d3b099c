package hk.esgone.badge.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole badge service on a random loopback port, against the shared test MongoDB (through the real reactive
 * driver), a fake Keycloak and a fake directory-service. All subclasses share one application context (same configuration), so the
 * tests use their own company and achievement ids instead of a fresh database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BadgeServiceIntegrationTest {

    protected static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();
    protected static final Path KEY_DIR = tempDir();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** directory-service, which confirms each holder before a badge is issued; {@link #issue} registers its company. */
    protected static final FakeDirectory DIRECTORY = new FakeDirectory();
    /** The widget polls this often in the tests (production: 60 s). */
    public static final int POLL_SECONDS = 2;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("esg.security.issuer", KEYCLOAK::issuer);
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("badge-integration"));
        registry.add("spring.mongodb.database", () -> "badge-integration");
        registry.add("esg.badge.keys.dir", KEY_DIR::toString);
        registry.add("esg.badge.widget.poll-interval", () -> POLL_SECONDS + "s");
        registry.add("esg.badge.verifier.jwks-min-refetch", () -> "0s");
        registry.add("esg.badge.public-url", () -> "https://esg-one.test");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("esg.badge.directory.url", DIRECTORY::url);
    }

    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    @org.junit.jupiter.api.BeforeEach
    void unpooledClient() {
        if (web == null) {
            web = TestWebClients.unpooled(port);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("badge-keys-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String admin() {
        return KEYCLOAK.tokenFor("admin-user", List.of("admin"));
    }

    protected static String sme(String companyId) {
        return KEYCLOAK.tokenFor("sme-of-" + companyId, List.of("sme"), companyId);
    }

    /** A company id unique to one test, so tests sharing the database do not see each other's badges. */
    protected static String company(String name) {
        return "cmp-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String brNumber() {
        return String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    protected String createAchievement(String slug, String kind, String nameEn, String nameZh) {
        String id = "ach-" + slug + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", id);
        body.put("kind", kind);
        body.put("name", Map.of("en", nameEn, "zhHant", nameZh));
        body.put("description", Map.of("en", "Completed the ESG One self-assessment.", "zhHant", "完成 ESG One 自我評估。"));
        body.put("criteria", Map.of("en", "Submit every section.", "zhHant", "提交所有部分。"));
        body.put("validity", "P1Y");
        if (kind.equals("SCORECARD_LEVEL")) {
            body.put("scorecardLevel", "GOLD");
        }
        web.post().uri("/api/v1/badges/admin/achievements")
                .headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated();
        return id;
    }

    protected String createAchievement(String slug) {
        return createAchievement(slug, "E_BADGE", "ESG One e-Badge", "ESG One 電子徽章");
    }

    /** Issues a badge and returns the admin view as JSON. */
    protected JsonNode issue(String achievementId, String companyId, String brNumber) {
        return issue(achievementId, companyId, brNumber, null);
    }

    protected JsonNode issue(String achievementId, String companyId, String brNumber, String validUntil) {
        DIRECTORY.published(companyId, brNumber);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("achievementId", achievementId);
        body.put("company", Map.of("id", companyId, "brNumber", brNumber,
                "name", Map.of("en", "Test Company " + companyId, "zhHant", "測試公司")));
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        byte[] response = web.post().uri("/api/v1/badges/admin/badges")
                .headers(h -> h.setBearerAuth(admin()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    protected void adminPost(String path, Object body) {
        web.post().uri(path).headers(h -> h.setBearerAuth(admin())).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    protected JsonNode getJson(String path) {
        return JSON.readTree(web.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    protected JsonNode verifyPosted(String body, MediaType type) {
        return JSON.readTree(web.post().uri("/api/v1/badges/verify").contentType(type).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    protected static JsonNode jwtPart(String jwt, int part) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8));
    }

    protected static Duration poll() {
        return Duration.ofSeconds(POLL_SECONDS);
    }
}
