package hk.esgone.web.workspace;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Council staff's queue of company applications, through directory-service's admin API with the person's own
 * token: applications by status, approving (which creates the company's organization in Keycloak, retried by the
 * directory when Keycloak cannot be reached), rejecting with a reason, suspending and reinstating a listed company.
 * directory-service decides who is staff; the portal only shows its answers.
 */
@Service
public class CompanyReviews {

    /** The statuses of the queue, in the order staff work through them. */
    public static final List<String> STATUSES = List.of("SUBMITTED", "PROVISIONING", "PUBLISHED", "SUSPENDED", "REJECTED");

    /** One company in the queue, with what staff need to decide. */
    public record Application(String id, Bilingual name, String kind, Bilingual kindLabel, String brNumber, String uscc,
                              Bilingual industry, List<Bilingual> locations, String status, String applicant,
                              Instant createdAt, String reviewReason, String suspensionReason, String provisioningState,
                              int provisioningAttempts, String provisioningError, Instant nextProvisioningAttemptAt) {

        public ZonedDateTime createdAtLocal() {
            return createdAt == null ? null : createdAt.atZone(ClaimsWorkspace.HONG_KONG);
        }

        /** The districts, in {@code lang}, separated as that language does. */
        public String locationsIn(String lang) {
            return String.join("zh-Hant".equals(lang) ? "、" : ", ", locations.stream().map(l -> l.in(lang)).toList());
        }

        public ZonedDateTime nextAttemptLocal() {
            return nextProvisioningAttemptAt == null ? null : nextProvisioningAttemptAt.atZone(ClaimsWorkspace.HONG_KONG);
        }
    }

    private final ServiceApi api;

    public CompanyReviews(ServiceApi api) {
        this.api = api;
    }

    public Mono<List<Application>> queue(ServerWebExchange exchange, String status) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("status", status);
        query.add("limit", "100");
        return api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, "/api/v1/directory/admin/applications", query)
                .map(list -> {
                    List<Application> rows = new ArrayList<>();
                    list.forEach(company -> rows.add(application(company)));
                    return rows;
                });
    }

    /** Approves an application; answers the company's status afterwards (PUBLISHED, or PROVISIONING while Keycloak is retried). */
    public Mono<String> approve(ServerWebExchange exchange, String id) {
        return act(exchange, id, "approve", Map.of());
    }

    public Mono<String> reject(ServerWebExchange exchange, String id, String reason) {
        return act(exchange, id, "reject", Map.of("reason", reason));
    }

    public Mono<String> suspend(ServerWebExchange exchange, String id, String reason) {
        return act(exchange, id, "suspend", Map.of("reason", reason));
    }

    public Mono<String> reinstate(ServerWebExchange exchange, String id) {
        return act(exchange, id, "reinstate", Map.of());
    }

    private Mono<String> act(ServerWebExchange exchange, String id, String action, Map<String, String> body) {
        return api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "POST", "/api/v1/directory/admin/companies/" + id + "/" + action,
                body, Map.of()).map(company -> company.path("status").asString(""));
    }

    private static Application application(JsonNode c) {
        JsonNode owner = c.path("owner");
        List<Bilingual> locations = new ArrayList<>();
        c.path("locations").forEach(l -> locations.add(Bilingual.of(l.path("label"))));
        return new Application(c.path("id").asString(""), Bilingual.of(c.path("name")), c.path("kind").asString(null),
                Bilingual.of(c.path("kindLabel")), c.path("brNumber").asString(null), c.path("uscc").asString(null),
                Bilingual.of(c.path("industry").path("label")), locations, c.path("status").asString(""),
                owner.path("applicantUsername").asString(null), ServiceJson.instant(owner.path("createdAt").asString(null)),
                owner.path("reviewReason").asString(null), owner.path("suspensionReason").asString(null),
                owner.path("provisioningState").asString(null), owner.path("provisioningAttempts").asInt(0),
                owner.path("provisioningError").asString(null), ServiceJson.instant(owner.path("nextProvisioningAttemptAt").asString(null)));
    }
}
