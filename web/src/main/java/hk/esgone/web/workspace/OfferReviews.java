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
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Partners' offers through offers-service with the person's own token: for council staff (the admin API) offers by
 * status — submitted ones are the review queue — approving, rejecting with a note the partner sees, pausing and
 * withdrawing; for a partner's members (the partner API) their company's own offers with their status, the note of a
 * rejection and the code stock, submitting a draft, pausing, resuming and withdrawing. offers-service decides who may
 * do what; the portal only shows its answers.
 */
@Service
public class OfferReviews {

    /** The statuses staff look at, the review queue first. */
    public static final List<String> STATUSES = List.of("SUBMITTED", "SCHEDULED", "PUBLISHED", "PAUSED", "WITHDRAWN", "EXPIRED");
    /** The statuses a partner filters their own offers by (none: all of them). */
    public static final List<String> PARTNER_STATUSES = List.of("DRAFT", "SUBMITTED", "SCHEDULED", "PUBLISHED", "PAUSED", "WITHDRAWN", "EXPIRED");

    private static final String ADMIN = "/api/v1/offers/admin/offers";
    private static final String PARTNER = "/api/v1/offers/partner/offers";

    /**
     * One offer with what staff need to decide or its partner to manage: the offer as the catalogue shows it, its
     * status, the last review note and, for a code-pool offer its partner reads, the codes left.
     */
    public record Reviewed(OfferCatalogue.Offer offer, String status, String reviewNote, ZonedDateTime submittedAt, Long codesLeft,
                           boolean lowStock) {
    }

    public record Page(List<Reviewed> offers, String nextCursor) {
    }

    private final ServiceApi api;
    private final OfferCatalogue catalogue;

    public OfferReviews(ServiceApi api, OfferCatalogue catalogue) {
        this.api = api;
        this.catalogue = catalogue;
    }

    /** Staff: offers in {@code status}. */
    public Mono<Page> queue(ServerWebExchange exchange, String status, String cursor) {
        return list(exchange, ADMIN, status, cursor);
    }

    /** A partner's members: their company's own offers, in {@code status} or all when it is null. */
    public Mono<Page> mine(ServerWebExchange exchange, String status, String cursor) {
        return list(exchange, PARTNER, status, cursor);
    }

    /** Staff carry out {@code action} (approve, reject, pause, withdraw) on an offer; answers its status afterwards. */
    public Mono<String> act(ServerWebExchange exchange, String offerId, String action, String reason) {
        return send(exchange, ADMIN, offerId, action, reason == null ? Map.of() : Map.of("reason", reason));
    }

    /** A partner's member carries out {@code action} (submit, pause, resume, withdraw) on their company's offer. */
    public Mono<String> actOnMine(ServerWebExchange exchange, String offerId, String action) {
        return send(exchange, PARTNER, offerId, action, Map.of());
    }

    private Mono<Page> list(ServerWebExchange exchange, String base, String status, String cursor) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (status != null) {
            query.add("status", status);
        }
        query.add("limit", "25");
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, base, query).flatMap(answer -> {
            List<JsonNode> items = new ArrayList<>();
            answer.path("items").forEach(items::add);
            String next = answer.path("nextCursor").asString(null);
            return Flux.fromIterable(items).concatMap(o -> catalogue.offer(o).map(offer -> {
                JsonNode stock = o.path("codePool");
                return new Reviewed(offer, o.path("status").asString(""), o.path("reviewNote").asString(null),
                        time(o.path("submittedAt").asString(null)), stock.path("available").isNumber() ? stock.path("available").asLong() : null,
                        stock.path("lowStock").asBoolean(false));
            })).collectList().map(offers -> new Page(offers, next == null || next.isBlank() ? null : next));
        });
    }

    private Mono<String> send(ServerWebExchange exchange, String base, String offerId, String action, Map<String, String> body) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", base + "/" + offerId + "/" + action, body, Map.of())
                .map(offer -> offer.path("status").asString(""));
    }

    private static ZonedDateTime time(String text) {
        java.time.Instant at = ServiceJson.instant(text);
        return at == null ? null : at.atZone(ClaimsWorkspace.HONG_KONG);
    }
}
