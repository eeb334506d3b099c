package hk.esgone.web.home;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Counts for the home page from the public APIs: the directory's search total and its badge facet (valid badges
 * of listed companies), and the offers catalogue (counted up to {@link #OFFERS_COUNTED}, "1,000+" beyond).
 * Kept for a short while, so that a busy home page does not repeat the same three calls.
 */
@Service
public class HomeFiguresService {

    static final int OFFERS_COUNTED = 1_000;

    private final ServiceApi api;
    private final Mono<HomeFigures> cached;

    public HomeFiguresService(ServiceApi api, @Value("${esg.web.home-figures-fresh-for:30s}") Duration freshFor) {
        this.api = api;
        this.cached = Mono.defer(this::load).cache(figures -> freshFor, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<HomeFigures> figures() {
        return cached;
    }

    private Mono<HomeFigures> load() {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("limit", "1");
        Mono<JsonNode> search = api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/search", query)
                .onErrorResume(e -> Mono.empty());
        Mono<long[]> offers = countOffers(null, 0).onErrorResume(e -> Mono.empty());
        return Mono.zip(search.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        offers.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(both -> {
                    JsonNode answer = both.getT1().orElse(null);
                    Long companies = answer == null ? null : answer.path("total").path("value").asLong();
                    Long badges = null;
                    if (answer != null) {
                        long sum = 0;
                        for (JsonNode value : answer.path("facets").path("badge")) {
                            sum += value.path("count").asLong();
                        }
                        badges = sum;
                    }
                    long[] counted = both.getT2().orElse(null);
                    return new HomeFigures(companies, badges, counted == null ? null : counted[0],
                            counted != null && counted[1] == 1);
                });
    }

    /** Walks the catalogue 100 at a time; {count, 1 if there are more than counted}. */
    private Mono<long[]> countOffers(String cursor, long counted) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("limit", "100");
        if (cursor != null) {
            query.add("cursor", cursor);
        }
        return api.get(ServiceApi.Service.OFFERS, "/api/v1/offers/catalogue", query).flatMap(page -> {
            long total = counted + page.path("items").size();
            String next = page.path("nextCursor").asString(null);
            if (next == null || next.isEmpty()) {
                return Mono.just(new long[] {total, 0});
            }
            if (total >= OFFERS_COUNTED) {
                return Mono.just(new long[] {total, 1});
            }
            return countOffers(next, total);
        });
    }
}
