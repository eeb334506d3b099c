package hk.esgone.web.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * An SME's offers and claims, through offers-service's API with the person's own token: the catalogue split into
 * what the company may claim and what it may not (with the rule it does not meet), one-click claims that are
 * idempotent per rendered form, the company's claims with their codes, and cancelling one. offers-service decides
 * who may claim what; this class only asks and shows.
 */
@Service
public class ClaimsWorkspace {

    /** One offer as a card of the workspace. */
    public record OfferCard(String id, Bilingual title, Bilingual terms, String partnerId, String type, Integer remaining,
                            Integer quota, boolean soldOut, String requiredAchievementId, String minScorecardLevel,
                            List<String> industries) {

        /** Whether the offer has any rule beyond "a listed company". */
        public boolean restricted() {
            return requiredAchievementId != null || minScorecardLevel != null || !industries.isEmpty();
        }
    }

    /** The catalogue as this company sees it. */
    public record OffersForMe(List<OfferCard> claimable, List<OfferCard> notForUs, String nextCursor) {
    }

    /** One claim of the company. */
    public record ClaimRow(String id, String offerId, Bilingual offerTitle, String status, String code, String redemptionLink,
                           Instant claimedAt, Instant redeemBy) {

        public boolean cancellable() {
            return "ACTIVE".equals(status);
        }

        /** When it was claimed, in Hong Kong time. */
        public ZonedDateTime claimedAtLocal() {
            return claimedAt == null ? null : claimedAt.atZone(HONG_KONG);
        }

        /** The last day to redeem it, in Hong Kong time. */
        public ZonedDateTime redeemByLocal() {
            return redeemBy == null ? null : redeemBy.atZone(HONG_KONG);
        }
    }

    /** A page of the company's claims. */
    public record Claims(List<ClaimRow> items, String nextCursor) {
    }

    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private final ServiceApi api;

    public ClaimsWorkspace(ServiceApi api) {
        this.api = api;
    }

    public Mono<OffersForMe> offersForMe(ServerWebExchange exchange, String cursor) {
        MultiValueMap<String, String> eligible = ServiceApi.query("eligibleForMe", "true", "limit", "50", "cursor", cursor);
        MultiValueMap<String, String> all = ServiceApi.query("limit", "50", "cursor", cursor);
        return Mono.zip(api.getAsUser(exchange, ServiceApi.Service.OFFERS, "/api/v1/offers/catalogue", eligible),
                        api.get(ServiceApi.Service.OFFERS, "/api/v1/offers/catalogue", all))
                .map(both -> {
                    List<OfferCard> claimable = cards(both.getT1());
                    Set<String> ids = new LinkedHashSet<>();
                    claimable.forEach(card -> ids.add(card.id()));
                    List<OfferCard> others = cards(both.getT2()).stream().filter(card -> !ids.contains(card.id())).toList();
                    String next = both.getT2().path("nextCursor").asString(null);
                    return new OffersForMe(claimable, others, next == null || next.isEmpty() ? null : next);
                });
    }

    /**
     * Claims one place. {@code formKey} comes from the form that was rendered, so a double click or a form sent again
     * is one claim: offers-service answers a repeated key with the first answer. While the first is still running it
     * answers 409 {@code idempotency-key-in-use}; then this asks again, briefly.
     */
    public Mono<String> claim(ServerWebExchange exchange, String offerId, String formKey) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", "/api/v1/offers/" + offerId + "/claims",
                        Map.of(), Map.of("Idempotency-Key", formKey))
                .retryWhen(Retry.fixedDelay(20, Duration.ofMillis(150)).filter(ClaimsWorkspace::stillRunning)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .map(claim -> claim.path("id").asString());
    }

    public Mono<Claims> myClaims(ServerWebExchange exchange, String status, String cursor) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, "/api/v1/offers/claims/mine",
                ServiceApi.query("status", status, "cursor", cursor, "limit", "50")).map(page -> {
                    List<ClaimRow> rows = new ArrayList<>();
                    for (JsonNode claim : page.path("items")) {
                        rows.add(row(claim));
                    }
                    String next = page.path("nextCursor").asString(null);
                    return new Claims(rows, next == null || next.isEmpty() ? null : next);
                });
    }

    public Mono<ClaimRow> claimOf(ServerWebExchange exchange, String claimId) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, "/api/v1/offers/claims/" + claimId, null).map(ClaimsWorkspace::row);
    }

    public Mono<ClaimRow> cancel(ServerWebExchange exchange, String claimId) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", "/api/v1/offers/claims/" + claimId + "/cancel",
                Map.of(), Map.of()).map(ClaimsWorkspace::row);
    }

    private static boolean stillRunning(Throwable failure) {
        return failure instanceof ServiceFailure f && f.status() == HttpStatus.CONFLICT
                && "idempotency-key-in-use".equals(f.problemType());
    }

    private static List<OfferCard> cards(JsonNode page) {
        List<OfferCard> cards = new ArrayList<>();
        for (JsonNode offer : page.path("items")) {
            JsonNode rules = offer.path("eligibility");
            List<String> industries = new ArrayList<>();
            rules.path("industries").forEach(i -> industries.add(i.asString()));
            cards.add(new OfferCard(offer.path("id").asString(), Bilingual.of(offer.path("title")), Bilingual.of(offer.path("terms")),
                    offer.path("partnerId").asString(null), offer.path("type").asString(null),
                    offer.path("remaining").isNumber() ? offer.path("remaining").asInt() : null,
                    offer.path("quota").isNumber() ? offer.path("quota").asInt() : null,
                    offer.path("soldOut").asBoolean(false), rules.path("requiredAchievementId").asString(null),
                    rules.path("minScorecardLevel").asString(null), List.copyOf(industries)));
        }
        return cards;
    }

    private static ClaimRow row(JsonNode claim) {
        return new ClaimRow(claim.path("id").asString(), claim.path("offerId").asString(null), Bilingual.of(claim.path("offer").path("title")),
                claim.path("status").asString("").toUpperCase(Locale.ROOT), claim.path("code").asString(null),
                claim.path("redemptionLink").asString(null), ServiceJson.instant(claim.path("claimedAt")), ServiceJson.instant(claim.path("redeemBy")));
    }
}
