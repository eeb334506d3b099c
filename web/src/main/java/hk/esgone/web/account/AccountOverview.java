package hk.esgone.web.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The account page's view of the signed-in person as the directory knows them ({@code GET /api/v1/directory/me},
 * with their own token): the companies they belong to. The directory, not the portal, decides what that is.
 */
@Service
public class AccountOverview {

    /** The companies the person is a member of, by id. */
    public record Membership(List<String> companyIds) {
    }

    private final ServiceApi api;

    public AccountOverview(ServiceApi api) {
        this.api = api;
    }

    public Mono<Membership> of(ServerWebExchange exchange) {
        return api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, "/api/v1/directory/me", null).map(me -> {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : me.path("companyIds")) {
                ids.add(id.asString());
            }
            return new Membership(List.copyOf(ids));
        });
    }
}
