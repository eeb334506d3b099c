package hk.esgone.directory.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.feeds.store.ConsumerCursors;
import hk.esgone.directory.support.Await;
import hk.esgone.directory.support.DirectoryTestProperties;
import hk.esgone.directory.support.FakeBadgeFeed;
import hk.esgone.directory.support.FakeKeycloakConfig;
import hk.esgone.directory.support.TcpProxy;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import hk.esgone.testsupport.web.TestWebClients;

/**
 * Badge status arrives from badge-service's event feed (a fake one here, per docs/contracts.md): applied
 * in order, idempotently, with the cursor kept in MongoDB, surviving malformed events and outages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"esg.directory.demo.enabled=true", "esg.directory.demo.count=10"})
@Import(FakeKeycloakConfig.class)
class BadgeFeedConsumerIntegrationTests {

    static final TestTokenIssuer issuer = new TestTokenIssuer();
    static final FakeBadgeFeed feed = new FakeBadgeFeed();
    static final Instant NOW = Instant.now();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DirectoryTestProperties.register(registry, issuer, "badges", "http://127.0.0.1:" + TcpProxy.freePort(),
                DirectoryTestProperties.indexPrefix("badges"));
        // the tests poll by hand
        registry.add("esg.directory.badge-feed.url", feed::url);
        registry.add("esg.directory.badge-feed.batch-size", () -> "2");
    }

    @AfterAll
    static void stop() {
        issuer.close();
        feed.close();
    }

    @Autowired
    BadgeFeedConsumer consumer;
    @Autowired
    CompanyRepository companies;
    @Autowired
    ReactiveMongoTemplate mongo;
    @LocalServerPort
    int port;
    WebTestClient web;

    @BeforeEach
    void demoDataLoaded() {
        web = TestWebClients.unpooled(port);
        Await.until("demo data", Duration.ofSeconds(30), () -> companies.findById("cmp-demo-supplier").blockOptional().isPresent());
    }

    @Test
    void eventsAreAppliedInOrderOnceAndReplayingThemChangesNothing() {
        feed.add("BADGE_ISSUED", "bdg-1", "cmp-demo-supplier", "ach-scorecard-gold-2026", "VALID", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365)));
        feed.add("BADGE_ISSUED", "bdg-2", "cmp-demo-supplier", "ach-esg-one-ebadge", "VALID", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365)));
        feed.add("BADGE_SUSPENDED", "bdg-1", "cmp-demo-supplier", "ach-scorecard-gold-2026", "SUSPENDED", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365)));
        feed.addMalformed();
        feed.add("BADGE_ISSUED", "bdg-3", "cmp-not-in-directory", "ach-esg-one-ebadge", "VALID", NOW.minusSeconds(60), null);
        feed.add("BADGE_REVOKED", "bdg-4", "cmp-demo-supplier-2", "ach-esg-one-ebadge", "REVOKED", NOW.minusSeconds(600), NOW.plus(Duration.ofDays(30)));

        // pages of two until caught up
        int total = 0;
        for (int n; (n = consumer.pollOnce().block()) > 0; ) {
            total += n;
        }
        assertThat(total).isEqualTo(6);

        Company supplier = companies.findById("cmp-demo-supplier").block();
        assertThat(supplier.badges()).extracting(Company.BadgeHolding::badgeId).containsExactly("bdg-2", "bdg-1");
        assertThat(supplier.badges()).filteredOn(b -> b.badgeId().equals("bdg-1")).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo("SUSPENDED"));
        assertThat(supplier.badges()).filteredOn(b -> b.isValidAt(Instant.now())).extracting(Company.BadgeHolding::badgeId)
                .containsExactly("bdg-2");
        assertThat(supplier.indexPending()).as("the index is told").isTrue();
        assertThat(mongo.findById(BadgeFeedConsumer.CURSOR_ID, ConsumerCursors.ConsumerCursor.class).block().cursor())
                .isEqualTo("c00000006");

        // the public profile shows them, with validity computed now
        web.get().uri("/api/v1/directory/companies/cmp-demo-supplier").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.badges[0].id").isEqualTo("bdg-2")
                .jsonPath("$.badges[0].valid").isEqualTo(true)
                .jsonPath("$.badges[1].status").isEqualTo("SUSPENDED")
                .jsonPath("$.badges[1].valid").isEqualTo(false);

        // nothing new: nothing changes
        long version = supplier.version();
        assertThat(consumer.pollOnce().block()).isZero();
        // replay from the start (cursor lost): same state, no new version
        mongo.remove(mongo.findById(BadgeFeedConsumer.CURSOR_ID, ConsumerCursors.ConsumerCursor.class).block()).block();
        while (consumer.pollOnce().block() > 0) {
            // draining
        }
        assertThat(companies.findById("cmp-demo-supplier").block().badges()).isEqualTo(supplier.badges());
        assertThat(companies.findById("cmp-demo-supplier").block().version()).isEqualTo(version);

        // reinstated later: becomes valid again, and counts as a fresh verification
        feed.add("BADGE_REINSTATED", "bdg-1", "cmp-demo-supplier", "ach-scorecard-gold-2026", "VALID", NOW.minusSeconds(60), NOW.plus(Duration.ofDays(365)));
        consumer.pollOnce().block();
        Company reinstated = companies.findById("cmp-demo-supplier").block();
        assertThat(reinstated.badges()).allMatch(b -> b.isValidAt(Instant.now()));
        assertThat(reinstated.lastVerifiedAt()).isAfter(supplier.lastVerifiedAt());
    }

    @Test
    void anUnavailableFeedFailsThePollNotTheDirectory() {
        feed.failing = true;
        try {
            assertThatThrownBy(() -> consumer.pollOnce().block()).isNotNull();
            web.get().uri("/api/v1/directory/companies/cmp-demo-supplier-2").exchange().expectStatus().isOk();
        } finally {
            feed.failing = false;
        }
    }
}
