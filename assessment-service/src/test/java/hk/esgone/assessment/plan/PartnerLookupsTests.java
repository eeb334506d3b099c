package hk.esgone.assessment.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.assessment.config.LookupProperties;

/** The plan's lookups against a fake directory and offers service: found, filtered, and unavailable when down. */
class PartnerLookupsTests {

    private FakePartners fake;
    private PartnerLookups lookups;

    @BeforeEach
    void start() throws Exception {
        fake = new FakePartners();
        lookups = new PartnerLookups(WebClient.builder(), new LookupProperties(fake.uri(), fake.uri(), Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void providersOfTheCategoryFromTheDirectorySearchAtMostThree() {
        PartnerLookups.Lookup<PartnerLookups.Provider> found = lookups.providers("ENERGY_SAVING").block();

        assertThat(found.available()).isTrue();
        assertThat(found.items()).extracting(PartnerLookups.Provider::id).containsExactly("cmp-green-one", "cmp-green-two",
                "cmp-green-three");
        assertThat(found.items().get(0).name().zhHant()).isEqualTo("綠一 ENERGY_SAVING");
        assertThat(fake.queries).singleElement().asString().contains("kind=SERVICE_PROVIDER").contains("solution=ENERGY_SAVING")
                .contains("limit=3");
    }

    @Test
    void liveOffersOfTheCategoryWithoutSoldOutOnes() {
        PartnerLookups.Lookup<PartnerLookups.Offer> found = lookups.offers("ENERGY").block();

        assertThat(found.available()).isTrue();
        assertThat(found.items()).singleElement().satisfies(offer -> {
            assertThat(offer.id()).isEqualTo("off-live");
            assertThat(offer.value()).isEqualByComparingTo("500.00");
            assertThat(offer.title().en()).isEqualTo("HK$500 off for ENERGY");
        });
        assertThat(fake.queries).singleElement().asString().startsWith("/api/v1/offers/catalogue?").contains("category=ENERGY");
    }

    @Test
    void aFailingServiceIsUnavailableNotAnError() {
        fake.offers = FakePartners.Mode.FAILING;

        assertThat(lookups.offers("ENERGY").block().available()).isFalse();
        assertThat(lookups.providers("ENERGY_SAVING").block().available()).as("the other one still answers").isTrue();
    }

    @Test
    void aHangingServiceIsUnavailableAfterTheTimeout() {
        fake.directory = FakePartners.Mode.HANGING;

        PartnerLookups.Lookup<PartnerLookups.Provider> found = lookups.providers("ENERGY_SAVING").block(Duration.ofSeconds(10));

        assertThat(found.available()).isFalse();
        assertThat(found.items()).isEmpty();
    }

    @Test
    void aServiceThatIsNotRunningIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort);
        PartnerLookups down = new PartnerLookups(WebClient.builder(), new LookupProperties(nobody, nobody, Duration.ofMillis(500)));

        assertThat(down.providers("ENERGY_SAVING").block(Duration.ofSeconds(10)).available()).isFalse();
        assertThat(down.offers("ENERGY").block(Duration.ofSeconds(10)).available()).isFalse();
    }
}
