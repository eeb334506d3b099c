package hk.esgone.assessment.events.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.events.ScorecardEvent;
import hk.esgone.assessment.events.ScorecardFeed;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/events?after=&limit=}: the feed of submitted scorecards directory-service follows
 * (docs/contracts.md). Not routed by the gateway; readable without a token (it carries what the directory shows
 * publicly), NetworkPolicies decide who reaches it.
 */
@RestController
class EventFeedController {

    record FeedEvent(String cursor, String id, String type, Instant occurredAt, ScorecardEvent.Scorecard scorecard) {
    }

    record Feed(List<FeedEvent> events, String nextCursor) {
    }

    private final ScorecardFeed feed;

    EventFeedController(ScorecardFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/internal/events")
    Mono<Feed> events(@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") String limit) {
        int size = parseLimit(limit);
        long from = parseCursor(after);
        return feed.read(from, size).map(slice -> new Feed(slice.events().stream()
                .map(e -> new FeedEvent(cursor(e.seq()), e.eventId(), e.type(), e.occurredAt(), e.scorecard())).toList(),
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

    /** Read as text so that "ten" or "1e3" get the same clear message as 0 or 501. */
    static int parseLimit(String limit) {
        if (limit == null || !limit.matches("^[0-9]{1,3}$") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > 500) {
            throw ApiProblem.validation("limit must be a whole number from 1 to 500.");
        }
        return Integer.parseInt(limit);
    }
}
