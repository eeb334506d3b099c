package hk.esgone.directory.onboarding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Provisions through Keycloak's admin REST API with {@code keycloak-admin-client}. The client is
 * blocking (JAX-RS), so every call runs on the bounded-elastic scheduler under a timeout.
 *
 * <p>Idempotent by construction: the organization is looked up by its alias before it is created (and
 * looked up again when creating it races with another attempt), adding an existing member answers 409
 * which counts as done, and granting a realm role the user already has changes nothing.
 */
public class KeycloakOrganizationProvisioner implements OrganizationProvisioner, AutoCloseable {

    static final String COMPANY_ATTRIBUTE = "esgCompanyId";
    private static final Logger log = LoggerFactory.getLogger(KeycloakOrganizationProvisioner.class);

    private final KeycloakAdminProperties properties;
    private final String realm;
    private final Duration timeout;
    private volatile Keycloak keycloak;

    public KeycloakOrganizationProvisioner(KeycloakAdminProperties properties) {
        this.properties = properties;
        this.realm = properties.realm();
        // several calls per attempt; the whole attempt gets a few call timeouts
        this.timeout = properties.timeout().multipliedBy(4);
    }

    /**
     * The admin client, built on first use: approvals are rare, and the JAX-RS client behind it is a good
     * part of the service's classes (memory at rest).
     */
    public Keycloak keycloak() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                client = keycloak;
                if (client == null) {
                    Client http = ClientBuilder.newBuilder()
                            .connectTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)
                            .build();
                    client = KeycloakBuilder.builder()
                            .serverUrl(properties.url())
                            .realm(properties.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(properties.clientId())
                            .clientSecret(properties.clientSecret())
                            .resteasyClient(http)
                            .build();
                    keycloak = client;
                }
            }
        }
        return client;
    }

    @Override
    public Mono<String> provision(OrganizationRequest request) {
        return Mono.fromCallable(() -> provisionBlocking(request))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(timeout);
    }

    private String provisionBlocking(OrganizationRequest request) {
        RealmResource realmResource = keycloak().realm(realm);
        UserResource user = realmResource.users().get(request.applicantUserId());
        try {
            user.toRepresentation();
        } catch (NotFoundException e) {
            throw new PermanentProvisioningException("the applicant's account " + request.applicantUserId() + " does not exist");
        }
        String organizationId = findOrganization(realmResource, request.companyId())
                .orElseGet(() -> createOrganization(realmResource, request));
        OrganizationResource organization = realmResource.organizations().get(organizationId);
        try (Response added = organization.members().addMember(request.applicantUserId())) {
            int status = added.getStatus();
            if (status != 201 && status != 204 && status != 409) {
                throw new IllegalStateException("adding the member answered HTTP " + status);
            }
        }
        RoleRepresentation role = realmResource.roles().get(request.memberRole()).toRepresentation();
        boolean hasRole = user.roles().realmLevel().listAll().stream().anyMatch(r -> r.getName().equals(role.getName()));
        if (!hasRole) {
            user.roles().realmLevel().add(List.of(role));
        }
        log.info("Provisioned organization {} (alias {}) with member {} as {}", organizationId, request.companyId(),
                request.applicantUserId(), request.memberRole());
        return organizationId;
    }

    private String createOrganization(RealmResource realmResource, OrganizationRequest request) {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias(request.companyId());
        // the name must be unique in the realm, company names need not be: the id makes it so
        org.setName(truncate(request.displayName(), 200) + " (" + request.companyId() + ")");
        org.setDescription(truncate(request.description(), 250));
        org.setEnabled(true);
        org.setAttributes(Map.of(COMPANY_ATTRIBUTE, List.of(request.companyId())));
        try (Response created = realmResource.organizations().create(org)) {
            if (created.getStatus() == 201) {
                String location = created.getLocation() == null ? null : created.getLocation().getPath();
                if (location != null) {
                    return location.substring(location.lastIndexOf('/') + 1);
                }
            } else if (created.getStatus() != 409) {
                throw new IllegalStateException("creating the organization answered HTTP " + created.getStatus());
            }
        }
        // created without a location, or another attempt created it first
        return findOrganization(realmResource, request.companyId())
                .orElseThrow(() -> new IllegalStateException("organization " + request.companyId() + " not found after creating it"));
    }

    /** By alias: the search matches names (which contain the id), the attribute query is the fallback. */
    Optional<String> findOrganization(RealmResource realmResource, String companyId) {
        List<OrganizationRepresentation> found = realmResource.organizations().search(companyId, false, 0, 20);
        Optional<String> byName = found.stream().filter(o -> companyId.equals(o.getAlias())).map(OrganizationRepresentation::getId).findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        try {
            return realmResource.organizations().searchByAttribute(COMPANY_ATTRIBUTE + ":" + companyId).stream()
                    .filter(o -> companyId.equals(o.getAlias())).map(OrganizationRepresentation::getId).findFirst();
        } catch (WebApplicationException e) {
            return Optional.empty();
        }
    }

    /** For tests and cleanup. */
    @Override
    public void close() {
        Keycloak client = keycloak;
        if (client != null) {
            client.close();
        }
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
