package hk.esgone.directory.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import hk.esgone.directory.onboarding.OrganizationProvisioner.OrganizationRequest;
import hk.esgone.directory.support.TcpProxy;
import hk.esgone.testsupport.keycloak.TestKeycloak;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisioning against the real Keycloak (KEYCLOAK_URL, realm esg-one) as directory-service's own
 * confidential client: the organization's alias is the company id, the applicant becomes a member with
 * the role of the company's kind, their next token carries the organization, and repeating any of it —
 * or resuming after a failure half-way — creates nothing twice. Every test uses its own user and ids.
 */
class KeycloakProvisioningIntegrationTests {

    static KeycloakOrganizationProvisioner provisioner;
    static RealmResource realm;
    static final List<String> createdUsers = new ArrayList<>();
    static final List<String> companyIds = new ArrayList<>();

    @BeforeAll
    static void connect() {
        provisioner = new KeycloakOrganizationProvisioner(properties(TestKeycloak.url()));
        realm = provisioner.keycloak().realm(TestKeycloak.REALM);
    }

    @AfterAll
    static void cleanUp() {
        for (String companyId : companyIds) {
            realm.organizations().search(companyId, false, 0, 10).stream()
                    .filter(o -> companyId.equals(o.getAlias()))
                    .forEach(o -> realm.organizations().get(o.getId()).delete().close());
        }
        createdUsers.forEach(id -> realm.users().delete(id).close());
        provisioner.close();
    }

    @Test
    void approvalCreatesTheOrganizationMembershipAndRoleAndTheNextTokenCarriesThem() {
        String password = "Pw-" + UUID.randomUUID();
        String username = newUser(password);
        String userId = createdUsers.getLast();
        String companyId = newCompanyId();

        String organizationId = provisioner.provision(new OrganizationRequest(companyId, "Harbour Eco Plastics Ltd", "海港環保塑膠有限公司",
                userId, "sme")).block(Duration.ofSeconds(60));

        OrganizationRepresentation org = realm.organizations().get(organizationId).toRepresentation();
        assertThat(org.getAlias()).isEqualTo(companyId);
        assertThat(org.getName()).contains("Harbour Eco Plastics Ltd").contains(companyId);
        assertThat(realm.organizations().get(organizationId).members().getAll()).extracting(MemberRepresentation::getId).containsExactly(userId);
        assertThat(realm.users().get(userId).roles().realmLevel().listAll()).anyMatch(r -> r.getName().equals("sme"));

        // the applicant signs in again: the token says which company they act for, with the right role
        JsonNode claims = claims(TestKeycloak.passwordToken(username, password));
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"sme\"");
        assertThat(claims.path("organization").toString()).contains(companyId);
        assertThat(claims.path("aud").toString()).contains("esg-api");

        // approving again (or a retry) creates nothing twice
        String again = provisioner.provision(new OrganizationRequest(companyId, "Harbour Eco Plastics Ltd", null, userId, "sme"))
                .block(Duration.ofSeconds(60));
        assertThat(again).isEqualTo(organizationId);
        assertThat(organizationsWithAlias(companyId)).hasSize(1);
        assertThat(realm.organizations().get(organizationId).members().getAll()).hasSize(1);
    }

    @Test
    void aRetryAfterAFailureHalfWayFindsTheOrganizationInsteadOfCreatingAnother() {
        newUser("Pw-" + UUID.randomUUID());
        String userId = createdUsers.getLast();
        String companyId = newCompanyId();
        // a first attempt that created the organization and then died
        OrganizationRepresentation half = new OrganizationRepresentation();
        half.setAlias(companyId);
        half.setName("Half Done Ltd (" + companyId + ")");
        half.setEnabled(true);
        half.setAttributes(Map.of(KeycloakOrganizationProvisioner.COMPANY_ATTRIBUTE, List.of(companyId)));
        try (Response created = realm.organizations().create(half)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        String organizationId = provisioner.provision(new OrganizationRequest(companyId, "Half Done Ltd", null, userId, "partner"))
                .block(Duration.ofSeconds(60));
        assertThat(organizationsWithAlias(companyId)).singleElement().extracting(OrganizationRepresentation::getId).isEqualTo(organizationId);
        assertThat(realm.users().get(userId).roles().realmLevel().listAll()).anyMatch(r -> r.getName().equals("partner"));
    }

    @Test
    void anUnreachableKeycloakIsAFailureToRetryAndAMissingApplicantIsPermanent() {
        try (KeycloakOrganizationProvisioner down = new KeycloakOrganizationProvisioner(
                properties("http://127.0.0.1:" + TcpProxy.freePort()))) {
            assertThatThrownBy(() -> down.provision(new OrganizationRequest(newCompanyId(), "Down Ltd", null,
                    UUID.randomUUID().toString(), "sme")).block(Duration.ofSeconds(60)))
                    .isNotInstanceOf(OrganizationProvisioner.PermanentProvisioningException.class);
        }
        String companyId = newCompanyId();
        assertThatThrownBy(() -> provisioner.provision(new OrganizationRequest(companyId, "Nobody Ltd", null,
                UUID.randomUUID().toString(), "sme")).block(Duration.ofSeconds(60)))
                .isInstanceOf(OrganizationProvisioner.PermanentProvisioningException.class);
        assertThat(organizationsWithAlias(companyId)).as("nothing created for a missing applicant").isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    static KeycloakAdminProperties properties(String url) {
        return new KeycloakAdminProperties(url, TestKeycloak.REALM, TestKeycloak.DIRECTORY_SERVICE_CLIENT_ID,
                TestKeycloak.DIRECTORY_SERVICE_SECRET, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static String newUser(String password) {
        String username = "dir-it-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username);
        user.setFirstName("Directory");
        user.setLastName("Test");
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response created = realm.users().create(user)) {
            assertThat(created.getStatus()).as("create user").isEqualTo(201);
            String path = created.getLocation().getPath();
            createdUsers.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return username;
    }

    static String newCompanyId() {
        String id = "cmp-it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        companyIds.add(id);
        return id;
    }

    static List<OrganizationRepresentation> organizationsWithAlias(String companyId) {
        return realm.organizations().getAll().stream().filter(o -> companyId.equals(o.getAlias())).toList();
    }

    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
