package hk.esgone.badge.events.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.events.BadgeEvent;
import hk.esgone.badge.events.BadgeEventType;
import hk.esgone.badge.events.EventFeed;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/** {@code GET /internal/events?after=&limit=}: the feed directory-service and offers-service follow (docs/contracts.md). */
@RestController
class EventFeedController {

    record FeedEvent(String cursor, String id, BadgeEventType type, Instant occurredAt, BadgeEvent.State badge) {
    }

    record Feed(List<FeedEvent> events, String nextCursor) {
    }

    private final EventFeed events;

    EventFeedController(EventFeed events) {
        this.events = events;
    }

    @GetMapping("/internal/events")
    Mono<Feed> feed(@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(ApiProblem.validation("limit must be between 1 and 500."));
        }
        long from = parseCursor(after);
        return events.read(from, limit).map(slice -> new Feed(
                slice.events().stream().map(e -> new FeedEvent(cursor(e.seq()), e.eventId(), e.type(), e.occurredAt(), e.badge())).toList(),
                cursor(slice.next())));
    }

    static String cursor(long seq) {
        return String.format("%016d", seq);
    }

    static long parseCursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!after.matches("^[0-9]{1,18}$")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                    "'after' must be a cursor returned by this feed.");
        }
        return Long.parseLong(after);
    }
}
