package hk.esgone.badge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.events.store.BadgeEventDocument;
import hk.esgone.badge.events.store.EventStore;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.badge.support.store.Counters;
import hk.esgone.testsupport.mongo.TestMongo;

/** The feed's ordering rule against a real MongoDB driver: never hand out an event that follows a fresh hole. */
class EventFeedMongoTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private MongoClient client;
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestMongo.uri());
        mongo = new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, "badge-events-" + System.nanoTime()));
    }

    @AfterEach
    void close() {
        mongo.getMongoDatabase().flatMap(db -> reactor.core.publisher.Mono.from(db.drop())).block();
        client.close();
    }

    private EventFeed store(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new EventFeed(new EventStore(mongo, new CountersForTests(mongo), clock), clock);
    }

    private void insert(long seq, Instant recordedAt) {
        mongo.insert(new BadgeEventDocument(seq, "evt-" + seq, BadgeEventType.BADGE_ISSUED, recordedAt, recordedAt,
                new BadgeEvent.State("bdg-x" + seq, "ach-x", AchievementKind.E_BADGE, null, Bilingual.of("a", "b"),
                        BadgeStatus.VALID, NOW, NOW.plusSeconds(10), "cmp-x"))).block();
    }

    @Test
    void stopsBeforeAHoleThatMayStillBeFilledAndSkipsItOnceItIsOld() {
        insert(1, NOW);
        insert(2, NOW);
        insert(4, NOW); // 3 was taken by a writer that has not inserted yet

        EventFeed.Slice fresh = store(NOW.plusSeconds(1)).read(0, 100).block();
        assertThat(fresh.events()).extracting(BadgeEvent::seq).containsExactly(1L, 2L);
        assertThat(fresh.next()).isEqualTo(2);

        insert(3, NOW.plusSeconds(1));
        assertThat(store(NOW.plusSeconds(2)).read(2, 100).block().events()).extracting(BadgeEvent::seq).containsExactly(3L, 4L);

        insert(6, NOW); // 5 never came (its writer died): after the grace period the feed moves on
        EventFeed.Slice later = store(NOW.plus(EventFeed.GAP_GRACE).plusSeconds(1)).read(4, 100).block();
        assertThat(later.events()).extracting(BadgeEvent::seq).containsExactly(6L);
    }

    @Test
    void pagesByLimitAndReturnsTheGivenCursorWhenNothingIsNew() {
        for (long i = 1; i <= 5; i++) {
            insert(i, NOW);
        }
        EventFeed.Slice first = store(NOW).read(0, 2).block();
        assertThat(first.events()).extracting(BadgeEvent::seq).containsExactly(1L, 2L);
        assertThat(store(NOW).read(first.next(), 10).block().events()).extracting(BadgeEvent::seq).containsExactly(3L, 4L, 5L);
        assertThat(store(NOW).read(5, 10).block().next()).isEqualTo(5);
    }

    /** The production counter class, created outside Spring. */
    static final class CountersForTests extends Counters {
        CountersForTests(ReactiveMongoTemplate mongo) {
            super(mongo);
        }
    }

    static Duration grace() {
        return EventFeed.GAP_GRACE;
    }
}
