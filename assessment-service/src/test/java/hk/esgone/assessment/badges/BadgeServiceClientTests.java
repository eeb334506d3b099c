package hk.esgone.assessment.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.assessment.config.BadgeIssuingProperties;
import hk.esgone.testsupport.jwt.TestTokenIssuer;
import tools.jackson.databind.json.JsonMapper;

/** The client's sorting of failures (retry later, or refused for good) and its token, against the fake badge-service. */
class BadgeServiceClientTests {

    private static final TestTokenIssuer KEYCLOAK = new TestTokenIssuer();
    private static final FakeBadgeService BADGES = new FakeBadgeService(KEYCLOAK);

    @AfterAll
    static void stop() {
        BADGES.close();
        KEYCLOAK.close();
    }

    private static BadgeServiceClient client(String secret) {
        BadgeIssuingProperties properties = new BadgeIssuingProperties(true, URI.create(BADGES.url()), URI.create(BADGES.tokenUri()),
                "assessment-service", secret, null, null, null, 0, null, null, null, null, Duration.ofSeconds(5));
        WebClient http = WebClient.create();
        return new BadgeServiceClient(http, new ServiceToken(http, properties, Clock.systemUTC()), properties,
                JsonMapper.builder().build());
    }

    @Test
    void oneTokenServesSeveralCalls() {
        BadgeServiceClient client = client(FakeBadgeService.CLIENT_SECRET);
        int grants = BADGES.tokenGrants();
        String first = client.issue("asm-client-1:COMPLETION", "ach-esg-one-ebadge", "cmp-client-one", "r").block(Duration.ofSeconds(10));
        String second = client.issue("asm-client-1:LEVEL", "ach-scorecard-gold-2025", "cmp-client-one", "r").block(Duration.ofSeconds(10));
        assertThat(first).startsWith("bdg-").isNotEqualTo(second);
        assertThat(BADGES.tokenGrants() - grants).isEqualTo(1);
    }

    @Test
    void aTokenKeycloakRefusesIsTriedAgainLaterNeverRefusedForGood() {
        assertThatThrownBy(() -> client("wrong-secret").issue("asm-client-2:COMPLETION", "ach-esg-one-ebadge", "cmp-client-two", "r")
                .block(Duration.ofSeconds(10)))
                .isNotInstanceOf(BadgeServiceClient.Refused.class).hasMessageContaining("Keycloak gave no token (401)");
        assertThat(BADGES.callsFor("cmp-client-two")).isEmpty();
    }

    @Test
    void badgeServiceDownIsTriedAgainAndAnUnknownAchievementIsRefusedForGood() {
        BadgeServiceClient client = client(FakeBadgeService.CLIENT_SECRET);
        BADGES.down(true);
        try {
            assertThatThrownBy(() -> client.issue("asm-client-3:COMPLETION", "ach-esg-one-ebadge", "cmp-client-three", "r")
                    .block(Duration.ofSeconds(10)))
                    .isNotInstanceOf(BadgeServiceClient.Refused.class).hasMessageContaining("503 unavailable");
        } finally {
            BADGES.down(false);
        }
        BADGES.refuse("ach-missing");
        assertThatThrownBy(() -> client.issue("asm-client-3:LEVEL", "ach-missing", "cmp-client-three", "r").block(Duration.ofSeconds(10)))
                .isInstanceOf(BadgeServiceClient.Refused.class)
                .hasMessageContaining("422 unknown-achievement: Achievement 'ach-missing' does not exist or is archived.");
    }
}
