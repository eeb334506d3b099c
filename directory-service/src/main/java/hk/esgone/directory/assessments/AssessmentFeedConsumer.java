package hk.esgone.directory.assessments;

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
 * Follows assessment-service's scorecard feed, as {@code badges.BadgeFeedConsumer} follows badge-service's: the cursor
 * lives in MongoDB ({@code consumer_cursors}, its own entry) and moves forward only after an event was applied, so a
 * crash means re-applying at most one event, which is harmless ({@link CompanyScorecards} is idempotent). Polls
 * continuously while there are events, then every {@code pollInterval}; an unreachable feed is logged once and
 * retried at the next poll, and fails nothing else.
 */
@Component
public class AssessmentFeedConsumer implements SmartLifecycle {

    public static final String CURSOR_ID = "assessment-service-events";
    private static final Logger log = LoggerFactory.getLogger(AssessmentFeedConsumer.class);

    private final AssessmentFeedProperties properties;
    private final CompanyScorecards scorecards;
    private final ConsumerCursors cursors;
    private final WebClient web;
    private final AtomicLong applied = new AtomicLong();
    private volatile Disposable loop;
    private volatile boolean feedFailing;

    AssessmentFeedConsumer(AssessmentFeedProperties properties, CompanyScorecards scorecards, ConsumerCursors cursors,
                      WebClient.Builder builder) {
        this.properties = properties;
        this.scorecards = scorecards;
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
                                    .concatMap(event -> scorecards.apply(event)
                                            .doOnNext(ok -> {
                                                if (!ok) {
                                                    log.warn("Skipped a malformed scorecard event {}", event.id());
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
                        log.info("assessment-service event feed is reachable again");
                        feedFailing = false;
                    }
                });
    }

    private Mono<AssessmentEvents.Page> fetch(String after) {
        return web.get()
                .uri(b -> {
                    b.path("/internal/events").queryParam("limit", properties.batchSize());
                    if (after != null) {
                        b.queryParam("after", after);
                    }
                    return b.build();
                })
                .retrieve()
                .bodyToMono(AssessmentEvents.Page.class)
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
                        log.warn("assessment-service event feed unavailable ({}); scorecards will catch up later", what);
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
