package hk.esgone.offers.pageviews.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import hk.esgone.offers.support.StoreMongoTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The page-view counters against the test MongoDB: increments that arrive together are all counted; ranges are by day. */
@DataMongoTest
@Import(OfferViewStore.class)
class OfferViewStoreMongoTests extends StoreMongoTest {

    @Autowired
    private OfferViewStore store;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void empty() {
        mongo.getCollection(OfferViewStore.COLLECTION).flatMap(c -> Mono.from(c.deleteMany(new Document()))).block(TIMEOUT);
    }

    @Test
    void viewsArrivingTogetherOnANewDayAreAllCounted() {
        Flux.range(0, 40).flatMap(i -> store.increment("off-busy", "2026-12-05"), 16).blockLast(TIMEOUT);

        assertThat(store.perDay("off-busy", "2026-12-05", "2026-12-05").block(TIMEOUT)).isEqualTo(Map.of("2026-12-05", 40L));
    }

    @Test
    void aRangeHoldsOnlyItsDaysAndOnlyThatOffer() {
        store.increment("off-a", "2026-11-30").block(TIMEOUT);
        store.increment("off-a", "2026-12-01").block(TIMEOUT);
        store.increment("off-a", "2026-12-01").block(TIMEOUT);
        store.increment("off-a", "2026-12-03").block(TIMEOUT);
        store.increment("off-ab", "2026-12-01").block(TIMEOUT);
        store.increment("off-b", "2026-12-02").block(TIMEOUT);

        assertThat(store.perDay("off-a", "2026-12-01", "2026-12-02").block(TIMEOUT)).isEqualTo(Map.of("2026-12-01", 2L));
        assertThat(store.perDay("off-a", "2026-11-01", "2026-12-31").block(TIMEOUT)).containsExactly(
                Map.entry("2026-11-30", 1L), Map.entry("2026-12-01", 2L), Map.entry("2026-12-03", 1L));
        assertThat(store.perDay("off-c", "2026-11-01", "2026-12-31").block(TIMEOUT)).isEmpty();
    }
}
