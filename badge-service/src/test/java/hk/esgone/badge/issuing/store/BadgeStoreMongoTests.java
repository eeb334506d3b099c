package hk.esgone.badge.issuing.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.issuing.Holder;
import hk.esgone.badge.issuing.IssuedBadge;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.testsupport.mongo.TestMongo;
import reactor.core.publisher.Mono;

/**
 * The conditional single-document updates every badge change relies on, against a real MongoDB driver: a change
 * whose condition no longer holds changes nothing, and each change that happens leaves its event in the outbox.
 */
class BadgeStoreMongoTests {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private BadgeStore store;

    @BeforeEach
    void connect() {
        client = MongoClients.create(TestMongo.uri());
        mongo = new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, "badge-store-" + System.nanoTime()));
        store = new BadgeStore(mongo);
        store.createIndexes().block();
    }

    @AfterEach
    void close() {
        mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
        client.close();
    }

    private IssuedBadge insert(String id, int index, Instant validUntil) {
        return store.insert(new IssuedBadge(id, "ach-store", AchievementKind.E_BADGE, null, Bilingual.of("Badge", "徽章"),
                Bilingual.of("d", "d"), new Holder("cmp-store", "12345678", null, Bilingual.of("Co", "公司")), NOW, NOW, validUntil,
                0, index, 1, "urn:uuid:1", "jwt-1", "kid-1", false, null, null, null, null, null, null, "admin", NOW)).block();
    }

    private java.util.List<String> outbox(String id) {
        return mongo.findById(id, IssuedBadgeDocument.class).block().outbox().stream().map(IssuedBadgeDocument.OutboxEntry::type).toList();
    }

    @Test
    void aChangeWhoseConditionNoLongerHoldsChangesNothing() {
        IssuedBadge issued = insert("bdg-store-one", 1, NOW.plusSeconds(3600));

        assertThat(store.suspend(issued.id(), "Audit", NOW).block().suspended()).isTrue();
        assertThat(store.suspend(issued.id(), "Again", NOW).blockOptional()).as("already suspended").isEmpty();
        assertThat(store.reinstate(issued.id(), NOW).block().suspended()).isFalse();
        assertThat(store.reinstate(issued.id(), NOW).blockOptional()).as("not suspended").isEmpty();

        IssuedBadge renewed = store.renew(issued, NOW, NOW.plusSeconds(7200), "urn:uuid:2", "jwt-2", "kid-1", issued.name(),
                issued.description()).block();
        assertThat(renewed.credentialVersion()).isEqualTo(2);
        assertThat(renewed.jwt()).isEqualTo("jwt-2");
        assertThat(store.renew(issued, NOW, NOW.plusSeconds(7200), "urn:uuid:3", "jwt-3", "kid-1", issued.name(), issued.description())
                .blockOptional()).as("renewed from a stale read").isEmpty();

        IssuedBadge revoked = store.revoke(issued.id(), "Withdrawn", "admin", NOW).block();
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.revokedBy()).isEqualTo("admin");
        assertThat(store.revoke(issued.id(), "Again", "admin", NOW).blockOptional()).isEmpty();
        assertThat(store.suspend(issued.id(), "After revocation", NOW).blockOptional()).isEmpty();

        assertThat(outbox(issued.id())).containsExactly("BADGE_ISSUED", "BADGE_SUSPENDED", "BADGE_REINSTATED", "BADGE_RENEWED",
                "BADGE_REVOKED");
    }

    @Test
    void aCompanyHoldsOnlyCurrentBadgesAndAnExpiryIsAnnouncedOnce() {
        IssuedBadge current = insert("bdg-store-current", 2, NOW.plusSeconds(3600));
        IssuedBadge expired = insert("bdg-store-expired", 3, NOW.minusSeconds(1));

        assertThat(store.holdsCurrent("cmp-store", "ach-store", NOW).block()).isTrue();
        store.revoke(current.id(), "Withdrawn", "admin", NOW).block();
        assertThat(store.holdsCurrent("cmp-store", "ach-store", NOW).block()).as("one revoked, one expired").isFalse();

        assertThat(store.expiredUnannounced(NOW).map(IssuedBadge::id).collectList().block()).containsExactly(expired.id());
        assertThat(store.announceExpiry(expired).block()).isTrue();
        assertThat(store.announceExpiry(expired).block()).as("another instance got there first").isFalse();
        assertThat(store.expiredUnannounced(NOW).collectList().block()).isEmpty();
        assertThat(outbox(expired.id())).containsExactly("BADGE_ISSUED", "BADGE_EXPIRED");
    }
}
