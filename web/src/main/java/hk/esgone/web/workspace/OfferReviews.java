package hk.esgone.web.workspace;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.offers.OfferCatalogue;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Council staff's review of partners' offers, through offers-service's admin API with the person's own token:
 * offers by status (submitted ones are the queue), approving, rejecting with a note the partner sees, pausing and
 * withdrawing a listed offer. offers-service decides who is staff; the portal only shows its answers.
 */
@Service
public class OfferReviews {

    /** The statuses staff look at, the review queue first. */
    public static final List<String> STATUSES = List.of("SUBMITTED", "SCHEDULED", "PUBLISHED", "PAUSED", "WITHDRAWN", "EXPIRED");

    /** One offer with what staff need to decide: the offer as the catalogue shows it, its status and the last note. */
    public record Reviewed(OfferCatalogue.Offer offer, String status, String reviewNote, ZonedDateTime submittedAt) {
    }

    public record Page(List<Reviewed> offers, String nextCursor) {
    }

    private final ServiceApi api;
    private final OfferCatalogue catalogue;

    public OfferReviews(ServiceApi api, OfferCatalogue catalogue) {
        this.api = api;
        this.catalogue = catalogue;
    }

    public Mono<Page> queue(ServerWebExchange exchange, String status, String cursor) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("status", status);
        query.add("limit", "25");
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, "/api/v1/offers/admin/offers", query).flatMap(answer -> {
            List<JsonNode> items = new ArrayList<>();
            answer.path("items").forEach(items::add);
            String next = answer.path("nextCursor").asString(null);
            return Flux.fromIterable(items).concatMap(o -> catalogue.offer(o).map(offer -> new Reviewed(offer,
                            o.path("status").asString(""), o.path("reviewNote").asString(null),
                            time(o.path("submittedAt").asString(null)))))
                    .collectList().map(offers -> new Page(offers, next == null || next.isBlank() ? null : next));
        });
    }

    /** Carries out {@code action} (approve, reject, pause, withdraw) on an offer; answers its status afterwards. */
    public Mono<String> act(ServerWebExchange exchange, String offerId, String action, String reason) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", "/api/v1/offers/admin/offers/" + offerId + "/" + action,
                reason == null ? Map.of() : Map.of("reason", reason), Map.of()).map(offer -> offer.path("status").asString(""));
    }

    private static ZonedDateTime time(String text) {
        java.time.Instant at = CompanyReviews.instant(text);
        return at == null ? null : at.atZone(ClaimsWorkspace.HONG_KONG);
    }
}
