package hk.esgone.offers.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.support.FakeUpstreams;
import reactor.test.StepVerifier;

/** The clients against a fake badge-service and directory-service on loopback. */
class UpstreamClientsTests {

    private static final FakeUpstreams upstreams = new FakeUpstreams();
    private final UpstreamClients clients = new UpstreamClients(WebClient.builder(), new OffersProperties(
            URI.create(upstreams.url()), URI.create(upstreams.url()),
            // a response timeout well under the fake's 3 s "slow" answer, yet long enough for a first call on a loaded machine
            new OffersProperties.Upstream(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)),
            null, null, null, null, null, false));

    @AfterAll
    static void stop() {
        upstreams.close();
    }

    @BeforeEach
    void reset() {
        upstreams.reset();
    }

    @Test
    void holdingsAreReadAndUnknownFieldsIgnored() {
        upstreams.validBadge("cmp-demo-supplier", "ach-scorecard-gold-2026", "GOLD");
        StepVerifier.create(clients.holdings("cmp-demo-supplier"))
                .assertNext(h -> {
                    assertThat(h.companyId()).isEqualTo("cmp-demo-supplier");
                    assertThat(h.badges()).singleElement().satisfies(b -> {
                        assertThat(b.achievementId()).isEqualTo("ach-scorecard-gold-2026");
                        assertThat(b.scorecardLevel()).isEqualTo("GOLD");
                        assertThat(b.isValidAt(java.time.Instant.now())).isTrue();
                    });
                })
                .verifyComplete();
    }

    @Test
    void everyKindOfFailureIsUnavailableNeverAnEmptyAnswer() {
        for (FakeUpstreams.Mode mode : new FakeUpstreams.Mode[] {FakeUpstreams.Mode.DOWN, FakeUpstreams.Mode.SLOW,
                FakeUpstreams.Mode.RESET, FakeUpstreams.Mode.GARBAGE}) {
            upstreams.badgeMode(mode);
            upstreams.directoryMode(mode);
            StepVerifier.create(clients.holdings("cmp-demo-supplier"))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(UpstreamUnavailableException.class,
                            u -> assertThat(u.service()).isEqualTo("badge-service")))
                    .verify(Duration.ofSeconds(30));
            StepVerifier.create(clients.profile("cmp-demo-supplier"))
                    .expectError(UpstreamUnavailableException.class)
                    .verify(Duration.ofSeconds(30));
        }
    }

    @Test
    void aRefusedConnectionIsUnavailable() {
        UpstreamClients nowhere = new UpstreamClients(WebClient.builder(), new OffersProperties(
                URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"), null, null, null, null, null, null, false));
        StepVerifier.create(nowhere.holdings("cmp-demo-supplier")).expectError(UpstreamUnavailableException.class).verify(Duration.ofSeconds(30));
    }

    @Test
    void anUnpublishedCompanyHasNoProfileButThatIsAnAnswer() {
        StepVerifier.create(clients.profile("cmp-unknown-co")).expectNext(Optional.empty()).verifyComplete();
        upstreams.profile("cmp-demo-supplier", "C");
        StepVerifier.create(clients.profile("cmp-demo-supplier"))
                .assertNext(p -> assertThat(p.orElseThrow().industryCode()).isEqualTo("C"))
                .verifyComplete();
    }
}
