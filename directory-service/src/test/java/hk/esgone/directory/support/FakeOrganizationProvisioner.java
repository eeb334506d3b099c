package hk.esgone.directory.support;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import hk.esgone.directory.onboarding.OrganizationProvisioner;
import reactor.core.publisher.Mono;

/** Keycloak as the hermetic tests see it: organizations by alias, and a switch that makes it unreachable. */
public class FakeOrganizationProvisioner implements OrganizationProvisioner {

    public final Map<String, String> organizationsByAlias = new ConcurrentHashMap<>();
    public final List<OrganizationRequest> requests = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public Mono<String> provision(OrganizationRequest request) {
        return Mono.defer(() -> {
            requests.add(request);
            if (down) {
                return Mono.error(new ConnectException("Connection refused (fake Keycloak is down)"));
            }
            return Mono.just(organizationsByAlias.computeIfAbsent(request.companyId(), alias -> UUID.randomUUID().toString()));
        });
    }
}
