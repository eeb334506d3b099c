package hk.esgone.directory.feeds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import hk.esgone.directory.feeds.store.ConsumerCursors;
import io.netty.channel.ChannelOption;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Follows another service's ordered event feed ({@code GET {url}/internal/events?after=&limit=}, docs/contracts.md).
 * The cursor lives in MongoDB ({@code consumer_cursors}, one entry per feed) and moves forward only after an event was
 * applied, so a crash means applying at most one event again, which {@link #apply} must make harmless. Polls
 * continuously while there are events, then every {@code pollInterval}; an unreachable feed is logged once, retried at
 * the next poll, and fails nothing else.
 *
 * @param <E> an event of the feed
 * @param <P> a page of them, as the feed answers
 */
public abstract class FeedFollower<E extends FeedFollower.Event, P extends FeedFollower.Page<E>> implements SmartLifecycle {

    /** What a feed event carries for following it. */
    public interface Event {
        String cursor();

        String id();
    }

    /** One answer of the feed. */
    public interface Page<E> {
        List<E> events();

        String nextCursor();
    }

    /** Where the feed is and how to poll it. */
    public interface Settings {
        Boolean enabled();

        String url();

        Duration pollInterval();

        Integer batchSize();

        Duration timeout();
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String producer;
    private final String cursorId;
    private final Settings settings;
    private final Class<P> pageType;
    private final ConsumerCursors cursors;
    private final WebClient web;
    private final AtomicLong applied = new AtomicLong();
    private volatile Disposable loop;
    private volatile boolean feedFailing;

    /**
     * @param producer the service whose feed it is, for the log
     * @param cursorId its entry in {@code consumer_cursors}
     */
    protected FeedFollower(String producer, String cursorId, Settings settings, Class<P> pageType, ConsumerCursors cursors,
                           WebClient.Builder builder) {
        this.producer = producer;
        this.cursorId = cursorId;
        this.settings = settings;
        this.pageType = pageType;
        this.cursors = cursors;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 10_000))
                .responseTimeout(settings.timeout());
        this.web = builder.clone().baseUrl(settings.url()).clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** Applies one event; false when it was malformed and skipped. Applying the same event again changes nothing. */
    protected abstract Mono<Boolean> apply(E event);

    /** Reads and applies one page; answers how many events it contained. */
    public Mono<Integer> pollOnce() {
        return cursors.current(cursorId)
                .flatMap(cursor -> fetch(cursor.isEmpty() ? null : cursor)
                        .flatMap(page -> {
                            if (page.events() == null || page.events().isEmpty()) {
                                return Mono.just(0);
                            }
                            return Flux.fromIterable(page.events())
                                    .concatMap(event -> apply(event)
                                            .doOnNext(ok -> {
                                                if (!ok) {
                                                    log.warn("Skipped a malformed event {} of {}", event.id(), producer);
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
                        log.info("{} event feed is reachable again", producer);
                        feedFailing = false;
                    }
                });
    }

    private Mono<P> fetch(String after) {
        return web.get()
                .uri(b -> {
                    b.path("/internal/events").queryParam("limit", settings.batchSize());
                    if (after != null) {
                        b.queryParam("after", after);
                    }
                    return b.build();
                })
                .retrieve()
                .bodyToMono(pageType)
                .timeout(settings.timeout().plusSeconds(1));
    }

    private Mono<Void> saveCursor(String cursor, String eventId) {
        return cursor == null ? Mono.empty() : cursors.save(cursorId, cursor, eventId);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        loop = Flux.interval(Duration.ofSeconds(1), settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    if (!feedFailing) {
                        String what = e instanceof WebClientResponseException w ? "HTTP " + w.getStatusCode().value() : e.toString();
                        log.warn("{} event feed unavailable ({}); the directory catches up later", producer, what);
                        feedFailing = true;
                    }
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Polls until a page is not full (caught up). */
    private Mono<Void> drain() {
        return pollOnce().flatMap(n -> n >= settings.batchSize() ? drain() : Mono.empty());
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
