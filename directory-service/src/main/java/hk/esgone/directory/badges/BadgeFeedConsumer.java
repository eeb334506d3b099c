package hk.esgone.directory.badges;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import hk.esgone.directory.badges.store.ConsumerCursors;
import io.netty.channel.ChannelOption;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Follows badge-service's ordered event feed. The cursor lives in MongoDB ({@code consumer_cursors}) and
 * moves forward only after an event was applied, so a crash means re-applying at most one event, which
 * is harmless (events carry full state). Polls continuously while there are events, then every
 * {@code pollInterval}; an unreachable feed is retried at the next poll.
 */
@Component
public class BadgeFeedConsumer implements SmartLifecycle {

    public static final String CURSOR_ID = "badge-service-events";
    private static final Logger log = LoggerFactory.getLogger(BadgeFeedConsumer.class);

    private final BadgeFeedProperties properties;
    private final CompanyBadgeHoldings holdings;
    private final ConsumerCursors cursors;
    private final WebClient web;
    private final AtomicLong applied = new AtomicLong();
    private volatile Disposable loop;
    private volatile boolean feedFailing;

    BadgeFeedConsumer(BadgeFeedProperties properties, CompanyBadgeHoldings holdings, ConsumerCursors cursors,
                      WebClient.Builder builder) {
        this.properties = properties;
        this.holdings = holdings;
        this.cursors = cursors;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(properties.timeout().toMillis(), 10_000))
                .responseTimeout(properties.timeout());
        this.web = builder.clone().baseUrl(properties.url()).clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** Reads and applies one page; answers how many events it contained. */
    public Mono<Integer> pollOnce() {
        return currentCursor()
                .flatMap(cursor -> fetch(cursor.isEmpty() ? null : cursor)
                        .flatMap(page -> {
                            if (page.events() == null || page.events().isEmpty()) {
                                return Mono.just(0);
                            }
                            return Flux.fromIterable(page.events())
                                    .concatMap(event -> holdings.apply(event)
                                            .doOnNext(ok -> {
                                                if (!ok) {
                                                    log.warn("Skipped a malformed badge event {}", event.id());
                                                }
                                            })
                                            .then(saveCursor(event.cursor(), event.id())))
                                    .then(saveCursor(page.nextCursor(), null))
                                    .then(Mono.fromCallable(() -> {
                                        applied.addAndGet(page.events().size());
                                        return page.events().size();
                                    }));
                        }))
                .doOnSuccess(n -> {
                    if (feedFailing) {
                        log.info("badge-service event feed is reachable again");
                        feedFailing = false;
                    }
                });
    }

    private Mono<BadgeEvents.Page> fetch(String after) {
        return web.get()
                .uri(b -> {
                    b.path("/internal/events").queryParam("limit", properties.batchSize());
                    if (after != null) {
                        b.queryParam("after", after);
                    }
                    return b.build();
                })
                .retrieve()
                .bodyToMono(BadgeEvents.Page.class)
                .timeout(properties.timeout().plusSeconds(1));
    }

    private Mono<String> currentCursor() {
        return cursors.current(CURSOR_ID);
    }

    private Mono<Void> saveCursor(String cursor, String eventId) {
        return cursor == null ? Mono.empty() : cursors.save(CURSOR_ID, cursor, eventId);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        loop = Flux.interval(Duration.ofSeconds(1), properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    if (!feedFailing) {
                        String what = e instanceof WebClientResponseException w ? "HTTP " + w.getStatusCode().value() : e.toString();
                        log.warn("badge-service event feed unavailable ({}); badge status will catch up later", what);
                        feedFailing = true;
                    }
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Polls until a page is not full (caught up). */
    private Mono<Void> drain() {
        return pollOnce().flatMap(n -> n >= properties.batchSize() ? drain() : Mono.empty());
    }

    @Override
    public void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    public long appliedSinceStart() {
        return applied.get();
    }
}
