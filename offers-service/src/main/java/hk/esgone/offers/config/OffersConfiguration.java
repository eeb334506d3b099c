package hk.esgone.offers.config;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import hk.esgone.offers.claim.ClaimDocument;
import hk.esgone.offers.claim.store.ReservationDocument;
import hk.esgone.offers.codes.store.PoolCodeStore;
import hk.esgone.offers.demo.DemoData;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.platform.idempotency.IdempotencyStore;
import hk.esgone.platform.paging.CursorCodec;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class OffersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OffersConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CursorCodec cursors(OffersProperties properties) {
        if (properties.cursorSecret() == null || properties.cursorSecret().isBlank()) {
            log.info("ESG_OFFERS_CURSOR_SECRET is not set: pagination cursors are signed with a per-process key "
                    + "(set it on every replica so cursors survive restarts and load balancing)");
        }
        return new CursorCodec(properties.cursorSecret());
    }

    /**
     * The shared store, configured from {@code esg.offers.idempotency.*} (this bean replaces platform's default
     * one; platform still provides the {@code IdempotentExecutor} around it).
     */
    @Bean
    IdempotencyStore idempotencyStore(ReactiveMongoTemplate mongo, Clock clock, OffersProperties properties) {
        return new IdempotencyStore(mongo, "idempotency_keys", clock, properties.idempotency().retention(), properties.idempotency().lease());
    }

    /**
     * The unique indexes the guarantees rest on, then the demo data if asked for: done before the web
     * server starts (SmartInitializingSingleton runs before lifecycle beans), so no request runs without them.
     */
    @Bean
    SmartInitializingSingleton offersMongoSetup(ReactiveMongoTemplate mongo, IdempotencyStore idempotency, PoolCodeStore poolCodes,
                                                ObjectProvider<DemoData> demoData, OffersProperties properties) {
        return () -> {
            Mono<Void> claims = mongo.getCollection(ClaimDocument.COLLECTION).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("requestId"),
                            new IndexOptions().name("requestId_unique").unique(true).sparse(true)))
                    .then(Mono.from(c.createIndex(Indexes.ascending("codeKey"), new IndexOptions().name("codeKey_unique").unique(true).sparse(true))))
                    .then(Mono.from(c.createIndex(Indexes.descending("companyId", "claimedAt"), new IndexOptions().name("company_claimedAt"))))
                    .then(Mono.from(c.createIndex(Indexes.descending("offerId", "claimedAt"), new IndexOptions().name("offer_claimedAt"))))
                    .then(Mono.from(c.createIndex(Indexes.descending("partnerId", "claimedAt"), new IndexOptions().name("partner_claimedAt"))))
                    .then(Mono.from(c.createIndex(Indexes.ascending("status", "cancelRequestedAt"), new IndexOptions().name("status_cancel")))))
                    .then();
            Mono<Void> reservations = mongo.getCollection(ReservationDocument.COLLECTION).flatMap(c -> Mono.from(c.createIndex(
                            Indexes.ascending("requestId"), new IndexOptions().name("requestId_unique").unique(true).sparse(true)))
                    .then(Mono.from(c.createIndex(Indexes.ascending("status", "leaseUntil"), new IndexOptions().name("status_lease")))))
                    .then();
            Mono<Void> offers = mongo.getCollection(OfferDocument.COLLECTION).flatMap(c -> Mono.from(c.createIndex(
                            Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("listedAt")), new IndexOptions().name("status_listedAt")))
                    .then(Mono.from(c.createIndex(Indexes.descending("partnerId", "createdAt"), new IndexOptions().name("partner_createdAt")))))
                    .then();
            Mono<Void> setup = Mono.when(claims, reservations, offers, idempotency.ensureIndexes(), poolCodes.ensureIndexes());
            if (properties.demoData()) {
                setup = setup.then(demoData.getObject().load());
            }
            // blocking at start-up, before any traffic, is the point here
            setup.block(Duration.ofSeconds(60));
        };
    }
}
