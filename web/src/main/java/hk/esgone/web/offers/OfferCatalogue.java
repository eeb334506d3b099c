package hk.esgone.web.offers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The partner offers catalogue from offers-service (anonymous), with each partner's name from the directory and
 * each required badge's name from badge-service, so that eligibility reads as words ("requires the ESG One
 * e-Badge"), not ids.
 */
@Service
public class OfferCatalogue {

    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    public static final List<String> TYPES = List.of("PERCENTAGE_DISCOUNT", "FIXED_DISCOUNT", "CASHBACK_PERCENTAGE", "FREE_SERVICE_OR_TRIAL");
    public static final List<String> CATEGORIES = List.of("BANKING_AND_FINANCE", "INSURANCE", "LOGISTICS", "SOFTWARE_AND_DIGITAL",
            "ENERGY", "CONSULTING_AND_CERTIFICATION", "TELECOMMUNICATIONS", "TRAINING", "OFFICE_AND_SUPPLIES", "OTHER");

    /** An offer as the catalogue and the offer page show it. */
    public record Offer(String id, Bilingual title, Bilingual description, Bilingual terms, String type, String category,
                        BigDecimal value, String currency, String partnerId, Bilingual partnerName, Integer quota,
                        Integer remaining, Integer perCompanyLimit, boolean soldOut, ZonedDateTime validFrom,
                        ZonedDateTime validUntil, Bilingual requiredBadge, String requiredAchievementId, String minScorecardLevel,
                        List<String> industries, String redemptionMethod) {

        public boolean openToAll() {
            return requiredAchievementId == null && minScorecardLevel == null && industries.isEmpty();
        }
    }

    public record Page(List<Offer> offers, String nextCursor) {
    }

    private final ServiceApi api;
    private final Map<String, Mono<Bilingual>> names = new ConcurrentHashMap<>();

    public OfferCatalogue(ServiceApi api) {
        this.api = api;
    }

    public Mono<Page> page(String type, String category, String q, String cursor) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (type != null) {
            query.add("type", type);
        }
        if (category != null) {
            query.add("category", category);
        }
        if (q != null) {
            query.add("q", q);
        }
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        query.add("limit", "24");
        return api.get(ServiceApi.Service.OFFERS, "/api/v1/offers/catalogue", query).flatMap(answer -> {
            List<JsonNode> items = new ArrayList<>();
            answer.path("items").forEach(items::add);
            String next = answer.path("nextCursor").asString(null);
            return Flux.fromIterable(items).concatMap(this::offer).collectList()
                    .map(offers -> new Page(offers, next == null || next.isBlank() ? null : next));
        });
    }

    public Mono<Offer> offer(String id) {
        if (id == null || !Ids.OFFER.isValid(id)) {
            return Mono.error(new ServiceFailure(org.springframework.http.HttpStatus.NOT_FOUND, NullNode.getInstance(), null));
        }
        return api.get(ServiceApi.Service.OFFERS, "/api/v1/offers/catalogue/" + id, null).flatMap(this::offer);
    }

    /** An offer as the services describe it (catalogue or partner/admin view), with the partner's and badge's names. */
    public Mono<Offer> offer(JsonNode o) {
        JsonNode rules = o.path("eligibility");
        String partnerId = o.path("partnerId").asString(null);
        String achievement = rules.path("requiredAchievementId").asString(null);
        Mono<Bilingual> partner = partnerId != null && Ids.COMPANY.isValid(partnerId)
                ? cachedName("p:" + partnerId, api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/companies/" + partnerId, null))
                : Mono.just(new Bilingual(null, null));
        Mono<Bilingual> badge = achievement != null && Ids.ACHIEVEMENT.isValid(achievement)
                ? cachedName("a:" + achievement, api.get(ServiceApi.Service.BADGES, "/api/v1/badges/achievements/" + achievement, null))
                : Mono.just(new Bilingual(null, null));
        Set<String> industries = new LinkedHashSet<>();
        rules.path("industries").forEach(i -> industries.add(i.asString()));
        return Mono.zip(partner, badge).map(both -> new Offer(o.path("id").asString(), Bilingual.of(o.path("title")),
                Bilingual.of(o.path("description")), Bilingual.of(o.path("terms")), o.path("type").asString(null),
                o.path("category").asString(null), o.path("value").isNumber() ? o.path("value").decimalValue() : null,
                o.path("currency").asString("HKD"), partnerId, both.getT1(), integer(o, "quota"), integer(o, "remaining"),
                integer(o, "perCompanyLimit"), o.path("soldOut").asBoolean(false), time(o.path("validFrom")),
                time(o.path("validUntil")), both.getT2(), achievement, rules.path("minScorecardLevel").asString(null),
                List.copyOf(industries), o.path("redemptionMethod").asString(o.path("redemption").path("method").asString(null))));
    }

    /** A partner's or badge's name, kept for ten minutes; when it cannot be read, the page shows the id instead. */
    private Mono<Bilingual> cachedName(String key, Mono<JsonNode> source) {
        return names.computeIfAbsent(key, k -> source.map(node -> Bilingual.of(node.path("name")))
                .cache(name -> Duration.ofMinutes(10), error -> Duration.ZERO, () -> Duration.ZERO))
                .onErrorResume(e -> Mono.just(new Bilingual(null, null)));
    }

    private static Integer integer(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).asInt() : null;
    }

    private static ZonedDateTime time(JsonNode value) {
        try {
            return value.isString() ? Instant.parse(value.asString()).atZone(HONG_KONG) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
