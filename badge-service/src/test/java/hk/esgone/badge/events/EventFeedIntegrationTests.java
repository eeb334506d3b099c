package hk.esgone.badge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.badge.support.BadgeServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class EventFeedIntegrationTests extends BadgeServiceIntegrationTest {

    @Autowired
    BadgeService badges;

    /** All events of one badge, following the feed from the start page by page. */
    private List<JsonNode> eventsOf(String badgeId) {
        List<JsonNode> found = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            JsonNode feed = getJson("/internal/events?limit=50" + (cursor == null ? "" : "&after=" + cursor));
            for (JsonNode event : feed.path("events")) {
                if (event.path("badge").path("id").asString().equals(badgeId)) {
                    found.add(event);
                }
            }
            String next = feed.path("nextCursor").asString();
            if (feed.path("events").isEmpty() || next.equals(cursor)) {
                break;
            }
            cursor = next;
        }
        return found;
    }

    @Test
    void everyChangeAppearsOnTheFeedInOrderWithTheBadgesState() {
        String achievement = createAchievement("feed");
        String company = company("feed");
        String id = issue(achievement, company, brNumber()).path("id").asString();
        String path = "/api/v1/badges/admin/badges/" + id;
        adminPost(path + "/suspend", Map.of("reason", "Audit"));
        adminPost(path + "/reinstate", Map.of());
        adminPost(path + "/renew", Map.of());
        adminPost(path + "/revoke", Map.of("reason", "Fraud"));

        List<JsonNode> events = eventsOf(id);

        assertThat(events).extracting(e -> e.path("type").asString()).containsExactly(
                "BADGE_ISSUED", "BADGE_SUSPENDED", "BADGE_REINSTATED", "BADGE_RENEWED", "BADGE_REVOKED");
        assertThat(events).extracting(e -> e.path("cursor").asString()).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.path("id").asString()).allMatch(s -> s.startsWith("evt-")).doesNotHaveDuplicates();
        JsonNode last = events.getLast();
        assertThat(last.path("badge").path("companyId").asString()).isEqualTo(company);
        assertThat(last.path("badge").path("status").asString()).isEqualTo("REVOKED");
        assertThat(last.path("badge").path("achievementKind").asString()).isEqualTo("E_BADGE");
        assertThat(last.path("badge").path("name").path("en").asString()).isEqualTo("ESG One e-Badge");
        assertThat(last.path("occurredAt").asString()).isNotBlank();
    }

    @Test
    void theSweepAnnouncesExpiryOnceAndVerificationSaysExpired() throws Exception {
        String achievement = createAchievement("expiry");
        String company = company("expiry");
        String id = issue(achievement, company, brNumber(), Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString())
                .path("id").asString();
        Thread.sleep(3200);

        badges.announceExpired().block(Duration.ofSeconds(10));
        badges.announceExpired().block(Duration.ofSeconds(10));

        assertThat(eventsOf(id)).extracting(e -> e.path("type").asString()).containsExactly("BADGE_ISSUED", "BADGE_EXPIRED");
        assertThat(eventsOf(id).getLast().path("badge").path("status").asString()).isEqualTo("EXPIRED");
        JsonNode verified = getJson("/api/v1/badges/verify/" + id);
        assertThat(verified.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(verified.path("valid").asBoolean()).isFalse();
        assertThat(getJson("/api/v1/badges/holders/" + company).path("badges").get(0).path("status").asString()).isEqualTo("EXPIRED");
    }
}
