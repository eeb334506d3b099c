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
import hk.esgone.badge.issuing.BadgeStatus;
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

    @Test
    void theListByStatusAgreesWithEachBadgesStatusNowAndPagesInIdOrder() {
        IssuedBadge valid = insert("bdg-store-a-valid", 10, NOW.plusSeconds(3600));
        IssuedBadge suspended = insert("bdg-store-b-suspended", 11, NOW.plusSeconds(3600));
        store.suspend(suspended.id(), "Audit", NOW).block();
        IssuedBadge expiredAtNow = insert("bdg-store-c-expired", 12, NOW);
        IssuedBadge expiredSuspended = insert("bdg-store-d-expired-suspended", 13, NOW.minusSeconds(60));
        store.suspend(expiredSuspended.id(), "Audit", NOW.minusSeconds(120)).block();
        IssuedBadge revoked = insert("bdg-store-e-revoked", 14, NOW.plusSeconds(3600));
        store.suspend(revoked.id(), "Audit", NOW).block();
        store.revoke(revoked.id(), "Withdrawn", "admin", NOW).block();
        IssuedBadge revokedExpired = insert("bdg-store-f-revoked-expired", 15, NOW.minusSeconds(60));
        store.revoke(revokedExpired.id(), "Withdrawn", "admin", NOW.minusSeconds(120)).block();
        IssuedBadge valid2 = insert("bdg-store-g-valid", 16, NOW.plusSeconds(1));

        for (BadgeStatus status : BadgeStatus.values()) {
            java.util.List<String> expected = store.list(null, null, NOW, null, 100).filter(b -> b.statusAt(NOW) == status)
                    .map(IssuedBadge::id).collectList().block();
            assertThat(ids(store.list(null, status, NOW, null, 100))).as(status.name()).isEqualTo(expected);
            assertThat(ids(store.list("cmp-store", status, NOW, null, 100))).as(status.name() + " of the company").isEqualTo(expected);
            assertThat(ids(store.list("cmp-other", status, NOW, null, 100))).as(status.name() + " of another company").isEmpty();
        }
        assertThat(ids(store.list(null, BadgeStatus.VALID, NOW, null, 100))).containsExactly(valid.id(), valid2.id());
        assertThat(ids(store.list(null, BadgeStatus.SUSPENDED, NOW, null, 100))).containsExactly(suspended.id());
        assertThat(ids(store.list(null, BadgeStatus.EXPIRED, NOW, null, 100))).containsExactly(expiredAtNow.id(), expiredSuspended.id());
        assertThat(ids(store.list(null, BadgeStatus.REVOKED, NOW, null, 100))).containsExactly(revoked.id(), revokedExpired.id());
        // a second later the last valid one has expired too
        assertThat(ids(store.list(null, BadgeStatus.EXPIRED, NOW.plusSeconds(1), null, 100)))
                .containsExactly(expiredAtNow.id(), expiredSuspended.id(), valid2.id());

        // pages of one, each after the last id of the one before
        assertThat(ids(store.list(null, BadgeStatus.VALID, NOW, null, 1))).containsExactly(valid.id());
        assertThat(ids(store.list(null, BadgeStatus.VALID, NOW, valid.id(), 1))).containsExactly(valid2.id());
        assertThat(ids(store.list(null, BadgeStatus.VALID, NOW, valid2.id(), 1))).isEmpty();
    }

    private static java.util.List<String> ids(reactor.core.publisher.Flux<IssuedBadge> badges) {
        return badges.map(IssuedBadge::id).collectList().block();
    }
}
