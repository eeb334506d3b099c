package hk.esgone.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.badge.support.FakeDirectory;
import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.mongo.TestMongo;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm's {@code assessment-service} client as it really is (real Keycloak, realm file of the repository): its
 * client-credentials token carries the audience esg-api and the realm role badge-issuer and no other marketplace role,
 * and badge-service lets it issue an earned e-badge and nothing an admin does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EarnedBadgesKeycloakIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FakeDirectory DIRECTORY = new FakeDirectory();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path keys = Files.createTempDirectory("badge-keys-kc-");
        keys.toFile().deleteOnExit();
        registry.add("esg.security.issuer", TestKeycloak::issuer);
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("badge-keycloak"));
        registry.add("spring.mongodb.database", () -> "badge-keycloak");
        registry.add("esg.badge.keys.dir", keys::toString);
        registry.add("esg.badge.public-url", () -> "https://esg-one.test");
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("esg.badge.directory.url", DIRECTORY::url);
    }

    @LocalServerPort
    int port;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = TestWebClients.unpooled(port);
    }

    @Test
    void theAssessmentServiceTokenIsNarrowAndIssuesOnlyEarnedBadges() {
        String token = TestKeycloak.assessmentServiceToken();
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("azp").asString()).isEqualTo(TestKeycloak.ASSESSMENT_SERVICE_CLIENT_ID);
        assertThat(claims.path("aud").toString()).contains(TestKeycloak.AUDIENCE);
        assertThat(claims.path("realm_access").path("roles").valueStream().map(JsonNode::asString))
                .containsExactly(TestKeycloak.BADGE_ISSUER_ROLE);

        String achievement = achievement();
        String company = "cmp-kc-earned-" + UUID.randomUUID().toString().substring(0, 8);
        String br = String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
        DIRECTORY.published(company, br);
        JsonNode earned = JSON.readTree(web.post().uri("/internal/badges/earned").headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("achievementId", achievement, "companyId", company))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        String badgeId = earned.path("badge").path("id").asString();

        web.post().uri("/api/v1/badges/admin/badges/" + badgeId + "/revoke").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "not allowed"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/badges/admin/badges?companyId=" + company).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isForbidden();
    }

    /** An e-badge achievement, created with a real admin token of the same realm. */
    private String achievement() {
        String id = "ach-kc-earned-" + UUID.randomUUID().toString().substring(0, 8);
        web.post().uri("/api/v1/badges/admin/achievements").headers(h -> h.setBearerAuth(TestKeycloak.adminToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", id, "kind", "E_BADGE", "name", Map.of("en", "ESG One e-Badge", "zhHant", "ESG One 電子徽章"),
                        "description", Map.of("en", "Completed the self-assessment.", "zhHant", "完成自我評估。"),
                        "criteria", Map.of("en", "Submit every section.", "zhHant", "提交所有部分。"), "validity", "P1Y"))
                .exchange().expectStatus().isCreated();
        return id;
    }
}
