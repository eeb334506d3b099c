package hk.esgone.directory.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.directory.support.DirectoryTestProperties;
import hk.esgone.directory.support.TcpProxy;
import hk.esgone.directory.support.TestTokens;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.web.TestWebClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole approval through the API with the real Keycloak behind a proxy that can be cut: an admin
 * approves while Keycloak is unreachable (202, recorded), approves again once it is back (200, published),
 * and Keycloak ends up with exactly one organization for the company, with the applicant in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalWithKeycloakIntegrationTests {

    static final TestTokenIssuer issuer = new TestTokenIssuer();
    static final TestTokens tokens = new TestTokens(issuer);
    static final TcpProxy keycloakProxy = new TcpProxy(TestKeycloak.url());
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> users = new ArrayList<>();
    static final List<String> companies = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DirectoryTestProperties.register(registry, issuer, "approval", "http://127.0.0.1:" + TcpProxy.freePort(),
                DirectoryTestProperties.indexPrefix("approval"));
        registry.add("esg.directory.keycloak.url", keycloakProxy::url);
        registry.add("esg.directory.keycloak.timeout", () -> "5s");
    }

    @LocalServerPort
    int port;
    WebTestClient web;
    @Autowired
    KeycloakOrganizationProvisioner provisioner;

    @AfterAll
    static void cleanUp() {
        keycloakProxy.start();
        try (var admin = new KeycloakOrganizationProvisioner(KeycloakProvisioningIntegrationTests.properties(TestKeycloak.url()))) {
            RealmResource realm = admin.keycloak().realm(TestKeycloak.REALM);
            for (String companyId : companies) {
                realm.organizations().getAll().stream().filter(o -> companyId.equals(o.getAlias()))
                        .forEach(o -> realm.organizations().get(o.getId()).delete().close());
            }
            users.forEach(id -> realm.users().delete(id).close());
        }
        keycloakProxy.close();
        issuer.close();
    }

    @Test
    void approvalWaitsOutAKeycloakOutageAndProvisionsExactlyOnce() {
        web = TestWebClients.unpooled(port);
        RealmResource realm = provisioner.keycloak().realm(TestKeycloak.REALM);
        UserRepresentation user = new UserRepresentation();
        // the realm takes the e-mail address as the user name (self-registration)
        String email = "dir-approval-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        String userId;
        try (Response created = realm.users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            String path = created.getLocation().getPath();
            userId = path.substring(path.lastIndexOf('/') + 1);
            users.add(userId);
        }

        Map<String, Object> application = new LinkedHashMap<>();
        application.put("kind", "SERVICE_PROVIDER");
        application.put("uscc", "91440300MA5DC6QX8" + hk.esgone.platform.ids.RegistrationNumbers.usccCheckCharacter("91440300MA5DC6QX8"));
        application.put("name", Map.of("en", "Bay Area Heat Recovery Co., Ltd.", "zhHant", "灣區熱能回收有限公司"));
        application.put("industry", "M");
        application.put("locations", List.of("SHENZHEN", "KWUN_TONG"));
        application.put("solutions", List.of(Map.of("category", "WASTE_HEAT_RECOVERY", "title", Map.of("en", "Oven exhaust heat exchangers"))));
        String applicantToken = issuer.token().subject(userId).roles(List.of()).organizations().sign();
        String id = json(web.post().uri("/api/v1/directory/applications").headers(h -> h.setBearerAuth(applicantToken))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(application).exchange().expectStatus().isCreated()).path("id").asString();
        companies.add(id);

        keycloakProxy.stop();
        try {
            JsonNode pending = json(approve(id).expectStatus().isAccepted());
            assertThat(pending.path("status").asString()).isEqualTo("PROVISIONING");
            assertThat(pending.path("owner").path("provisioningState").asString()).isEqualTo("FAILED");
        } finally {
            keycloakProxy.start();
        }
        JsonNode published = json(approve(id).expectStatus().isOk());
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        String organizationId = published.path("owner").path("organizationId").asString();
        json(approve(id).expectStatus().isOk());

        List<OrganizationRepresentation> orgs = realm.organizations().getAll().stream().filter(o -> id.equals(o.getAlias())).toList();
        assertThat(orgs).singleElement().extracting(OrganizationRepresentation::getId).isEqualTo(organizationId);
        assertThat(realm.organizations().get(organizationId).members().getAll()).singleElement()
                .satisfies(m -> assertThat(m.getId()).isEqualTo(userId));
        assertThat(realm.users().get(userId).roles().realmLevel().listAll()).anyMatch(r -> r.getName().equals("sme"));
        web.get().uri("/api/v1/directory/companies/" + id).exchange().expectStatus().isOk();
    }

    WebTestClient.ResponseSpec approve(String id) {
        return web.post().uri("/api/v1/directory/admin/companies/" + id + "/approve").headers(h -> h.setBearerAuth(tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange();
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBody());
    }
}
