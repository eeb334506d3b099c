package hk.esgone.badge.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import hk.esgone.badge.events.EventFeed;
import hk.esgone.badge.support.BadgeWebFluxTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The feed's parameters, checked by its controller: cursors it never issued and limits out of range are refused. */
@WebFluxTest(EventFeedController.class)
class EventFeedControllerWebFluxTests extends BadgeWebFluxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @MockitoBean
    EventFeed feed;

    private JsonNode getJson(String path) {
        return JSON.readTree(web.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Test
    void theFeedRejectsForgedCursorsAndLimitsOutOfRange() {
        // nothing after the given position: the feed answers that position again
        when(feed.read(9999999999L, 100)).thenReturn(reactor.core.publisher.Mono.just(new EventFeed.Slice(List.of(), 9999999999L)));
        web.get().uri("/internal/events?after=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://esg-one.hk/problems/invalid-cursor");
        web.get().uri("/internal/events?limit=0").exchange().expectStatus().isBadRequest();
        web.get().uri("/internal/events?limit=501").exchange().expectStatus().isBadRequest();
        JsonNode farAhead = getJson("/internal/events?after=9999999999");
        assertThat(farAhead.path("events")).isEmpty();
        assertThat(farAhead.path("nextCursor").asString()).isEqualTo("0000009999999999");
    }
}
