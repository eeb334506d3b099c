package hk.esgone.directory.badges;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.directory.feeds.FeedFollower;
import hk.esgone.directory.feeds.store.ConsumerCursors;
import reactor.core.publisher.Mono;

/** Follows badge-service's event feed; each event carries the badge's full state, so applying it again is harmless. */
@Component
public class BadgeFeedConsumer extends FeedFollower<BadgeEvents.Event, BadgeEvents.Page> {

    public static final String CURSOR_ID = "badge-service-events";

    private final CompanyBadgeHoldings holdings;

    BadgeFeedConsumer(BadgeFeedProperties properties, CompanyBadgeHoldings holdings, ConsumerCursors cursors, WebClient.Builder builder) {
        super("badge-service", CURSOR_ID, properties, BadgeEvents.Page.class, cursors, builder);
        this.holdings = holdings;
    }

    @Override
    protected Mono<Boolean> apply(BadgeEvents.Event event) {
        return holdings.apply(event);
    }
}
