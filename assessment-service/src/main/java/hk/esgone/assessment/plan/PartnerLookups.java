package hk.esgone.assessment.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.assessment.config.LookupProperties;
import hk.esgone.assessment.support.Bilingual;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * The two public lookups of the improvement plan: service providers of a green-solution category from
 * directory-service's search, live offers of a category from offers-service's catalogue. Each is bounded in time
 * and never fails: when the other service is down, slow or answers nonsense, the answer is "unavailable".
 */
@Component
public class PartnerLookups {

    /** A plan shows a few names, not a directory. */
    public static final int MAX_ITEMS = 3;

    private final WebClient directory;
    private final WebClient offers;
    private final Duration timeout;

    PartnerLookups(WebClient.Builder builder, LookupProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
                .responseTimeout(properties.timeout());
        WebClient.Builder base = builder.clone().clientConnector(new ReactorClientHttpConnector(http));
        this.directory = base.clone().baseUrl(properties.directoryUrl().toString()).build();
        this.offers = base.clone().baseUrl(properties.offersUrl().toString()).build();
        this.timeout = properties.timeout();
    }

    public record Provider(String id, Bilingual name) {
    }

    public record Offer(String id, String partnerId, Bilingual title, String type, BigDecimal value, String currency) {
    }

    /** Items found, or unavailable (the service could not be asked). */
    public record Lookup<T>(boolean available, List<T> items) {

        public Lookup {
            items = items == null ? List.of() : List.copyOf(items);
        }

        static <T> Lookup<T> unavailable() {
            return new Lookup<>(false, List.of());
        }
    }

    /** Published environmental-technology service providers offering solutions of this category. */
    public Mono<Lookup<Provider>> providers(String solutionCategory) {
        return directory.get()
                .uri(u -> u.path("/api/v1/directory/search").queryParam("kind", "SERVICE_PROVIDER")
                        .queryParam("solution", solutionCategory).queryParam("limit", MAX_ITEMS).build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(JsonNode.class)
                .map(answer -> {
                    List<Provider> items = new ArrayList<>();
                    for (JsonNode hit : answer.path("items")) {
                        Bilingual name = bilingual(hit.path("name"));
                        if (hit.path("id").isString() && name != null && items.size() < MAX_ITEMS) {
                            items.add(new Provider(hit.path("id").asString(), name));
                        }
                    }
                    return new Lookup<>(true, items);
                })
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Lookup.unavailable()))
                .defaultIfEmpty(Lookup.unavailable());
    }

    /** Published, live offers of this category that are not sold out. */
    public Mono<Lookup<Offer>> offers(String offerCategory) {
        return offers.get()
                .uri(u -> u.path("/api/v1/offers/catalogue").queryParam("category", offerCategory).queryParam("limit", 10).build())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(JsonNode.class)
                .map(answer -> {
                    List<Offer> items = new ArrayList<>();
                    for (JsonNode offer : answer.path("items")) {
                        Bilingual title = bilingual(offer.path("title"));
                        if (offer.path("soldOut").asBoolean(false) || !offer.path("id").isString() || title == null
                                || items.size() >= MAX_ITEMS) {
                            continue;
                        }
                        items.add(new Offer(offer.path("id").asString(), offer.path("partnerId").asString(null), title,
                                offer.path("type").asString(null),
                                offer.path("value").isNumber() ? offer.path("value").decimalValue() : null,
                                offer.path("currency").asString(null)));
                    }
                    return new Lookup<>(true, items);
                })
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Lookup.unavailable()))
                .defaultIfEmpty(Lookup.unavailable());
    }

    private static Bilingual bilingual(JsonNode text) {
        return text.path("en").isString() && text.path("zhHant").isString()
                ? Bilingual.of(text.path("en").asString(), text.path("zhHant").asString()) : null;
    }
}
