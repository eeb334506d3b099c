package hk.esgone.badge.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.events.BadgeEvent;
import hk.esgone.badge.events.BadgeEventType;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.support.Bilingual;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The feed as directory-service and offers-service read it (docs/contracts.md): field names and formats. */
@JsonTest
class FeedJsonTests {

    @Autowired
    JsonMapper json;

    @Test
    void anEventCarriesItsCursorTypeTimeAndTheBadgesFullState() {
        Instant at = Instant.parse("2026-06-01T08:00:00Z");
        var state = new BadgeEvent.State("bdg-feed-json", "ach-esg-one-ebadge", AchievementKind.E_BADGE, null,
                Bilingual.of("ESG One e-Badge", "ESG One 電子徽章"), BadgeStatus.VALID, at, at.plusSeconds(86_400), "cmp-feed-json");
        var feed = new EventFeedController.Feed(List.of(new EventFeedController.FeedEvent(EventFeedController.cursor(7), "evt-7",
                BadgeEventType.BADGE_ISSUED, at, state)), EventFeedController.cursor(7));

        JsonNode tree = json.readTree(json.writeValueAsString(feed));

        assertThat(tree.propertyNames()).containsExactly("events", "nextCursor");
        assertThat(tree.path("nextCursor").asString()).isEqualTo("0000000000000007");
        JsonNode event = tree.path("events").get(0);
        assertThat(event.propertyNames()).containsExactly("cursor", "id", "type", "occurredAt", "badge");
        assertThat(event.path("type").asString()).isEqualTo("BADGE_ISSUED");
        assertThat(event.path("occurredAt").asString()).isEqualTo("2026-06-01T08:00:00Z");
        JsonNode badge = event.path("badge");
        assertThat(badge.propertyNames()).containsExactly("id", "achievementId", "achievementKind", "scorecardLevel", "name", "status",
                "validFrom", "validUntil", "companyId");
        assertThat(badge.path("scorecardLevel").isNull()).as("present, null for kinds without a level").isTrue();
        assertThat(badge.path("name").path("zhHant").asString()).isEqualTo("ESG One 電子徽章");
        assertThat(badge.path("validUntil").asString()).isEqualTo("2026-06-02T08:00:00Z");
    }
}
