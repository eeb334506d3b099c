package hk.esgone.offers.claim.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import hk.esgone.offers.support.StoreMongoTest;
import reactor.core.publisher.Mono;

/** Reservations against the test MongoDB: one per request, and every move only from the state it leaves. */
@DataMongoTest
@Import(ReservationStore.class)
class ReservationStoreMongoTests extends StoreMongoTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    private ReservationStore reservations;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void emptyWithTheUniqueRequestIndex() {
        mongo.dropCollection(ReservationDocument.class)
                .then(mongo.getCollection(ReservationDocument.COLLECTION).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("requestId"),
                        new IndexOptions().name("requestId_unique").unique(true).sparse(true)))))
                .block(TIMEOUT);
    }

    private static ReservationDocument pending(String id, String requestId, Instant leaseUntil) {
        return new ReservationDocument(id, "off-reserve01", "cmp-demo-partner", "cmp-demo-supplier", requestId, null,
                ReservationDocument.Status.PENDING, null, "sme", NOW, "2026-01-01", NOW.plus(Duration.ofDays(1)), leaseUntil, null);
    }

    @Test
    void oneReservationPerRequest() {
        assertThat(reservations.insert(pending("clm-r1", "req-1", NOW.plusSeconds(30))).block(TIMEOUT)).isNotNull();
        assertThat(reservations.insert(pending("clm-r2", "req-1", NOW.plusSeconds(30))).block(TIMEOUT)).as("same request").isNull();
        assertThat(reservations.byRequest("req-1").block(TIMEOUT).id()).isEqualTo("clm-r1");
        assertThat(reservations.countOfOffer("off-reserve01").block(TIMEOUT)).isEqualTo(1);
    }

    @Test
    void confirmingAndRenewingNeedAPendingReservation() {
        reservations.insert(pending("clm-r1", "req-1", NOW.plusSeconds(30))).block(TIMEOUT);
        assertThat(reservations.renewLease("clm-r1", NOW.plusSeconds(60)).block(TIMEOUT)).isTrue();
        assertThat(reservations.confirm("clm-r1", "CODE-1", NOW, NOW.plusSeconds(60)).block(TIMEOUT)).isTrue();
        assertThat(reservations.confirm("clm-r1", "CODE-2", NOW, NOW.plusSeconds(60)).block(TIMEOUT)).as("only from PENDING").isFalse();
        assertThat(reservations.renewLease("clm-r1", NOW.plusSeconds(90)).block(TIMEOUT)).isFalse();
        ReservationDocument confirmed = reservations.byId("clm-r1").block(TIMEOUT);
        assertThat(confirmed.status()).isEqualTo(ReservationDocument.Status.CONFIRMED);
        assertThat(confirmed.code()).isEqualTo("CODE-1");
    }

    @Test
    void onlyAPendingReservationPastItsLeaseIsAbandonedAndItsRequestFreed() {
        reservations.insert(pending("clm-live", "req-live", NOW.plusSeconds(30))).block(TIMEOUT);
        reservations.insert(pending("clm-stale", "req-stale", NOW.minusSeconds(1))).block(TIMEOUT);
        assertThat(reservations.leaseExpired(ReservationDocument.Status.PENDING, NOW).map(ReservationDocument::id).collectList().block(TIMEOUT))
                .containsExactly("clm-stale");
        assertThat(reservations.abandon("clm-live", NOW).block(TIMEOUT)).isFalse();
        assertThat(reservations.abandon("clm-stale", NOW).block(TIMEOUT)).isTrue();
        assertThat(reservations.abandon("clm-stale", NOW).block(TIMEOUT)).as("only once").isFalse();
        assertThat(reservations.byRequest("req-stale").block(TIMEOUT)).isNull();
        assertThat(reservations.insert(pending("clm-again", "req-stale", NOW.plusSeconds(30))).block(TIMEOUT)).as("the request is free again").isNotNull();
        reservations.delete("clm-stale").block(TIMEOUT);
        assertThat(reservations.inStatus(ReservationDocument.Status.ABANDONED).collectList().block(TIMEOUT)).isEmpty();
    }
}
