package hk.esgone.web.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The account page's view of the signed-in person as the directory knows them ({@code GET /api/v1/directory/me},
 * with their own token): the companies they belong to, and the applications they made with the decision on each
 * ({@code GET /api/v1/directory/applications/mine}). The directory, not the portal, decides what that is.
 */
@Service
public class AccountOverview {

    /** The companies the person is a member of, by id. */
    public record Membership(List<String> companyIds) {
    }

    /** A company the person applied to list, with the decision so far and the reason given. */
    public record Application(String id, Bilingual name, String status, String reviewReason, String suspensionReason) {
    }

    private final ServiceApi api;

    public AccountOverview(ServiceApi api) {
        this.api = api;
    }

    /** The person is typing in a long form: their session and tokens are kept alive (see site.js). */
    public Mono<Void> keepSignedIn(ServerWebExchange exchange) {
        return api.keepSignedIn(exchange);
    }

    /** The person's applications (the directory answers those they made), newest decisions included. */
    public Mono<List<Application>> applications(ServerWebExchange exchange) {
        return api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, "/api/v1/directory/applications/mine", null).map(list -> {
            List<Application> applications = new ArrayList<>();
            for (JsonNode company : list) {
                JsonNode owner = company.path("owner");
                applications.add(new Application(company.path("id").asString(""), Bilingual.of(company.path("name")),
                        company.path("status").asString(""), owner.path("reviewReason").asString(null),
                        owner.path("suspensionReason").asString(null)));
            }
            return List.copyOf(applications);
        }).onErrorResume(ServiceFailure.class, failure -> failure.serviceDown() || failure.status() == HttpStatus.UNAUTHORIZED
                ? Mono.error(failure)
                // the account page still shows who the person is when only this list cannot be read
                : Mono.just(List.of()));
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
