package hk.esgone.directory.search.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;

import hk.esgone.directory.search.SearchProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index behind the alias: creates the first one, tells the indexer where to write, and names new
 * indexes for a rebuild. Searches and writes always go through the alias, so swapping it is all a
 * rebuild needs to go live.
 */
@Component
public class SearchIndexManager {

    static final String MAPPING_RESOURCE = "search/companies-index.json";
    private static final Logger log = LoggerFactory.getLogger(SearchIndexManager.class);
    public static final String INDEX_NOT_FOUND = "index_not_found_exception";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ElasticsearchAsyncClient client;
    private final SearchProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final byte[] mapping;
    private final int mappingVersion;
    private volatile boolean ready;
    /** Set while a rebuild runs: the indexer writes to this index as well as to the alias. */
    private volatile String extraWriteIndex;
    private Mono<Integer> ensuring;

    /** This instance created the alias, with {@code index} behind it and nothing in it yet. */
    public record AliasCreated(String alias, String index) {
    }

    SearchIndexManager(ElasticsearchAsyncClient client, SearchProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        try (InputStream in = new ClassPathResource(MAPPING_RESOURCE).getInputStream()) {
            this.mapping = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode meta = JsonMapper.builder().build().readTree(mapping).path("mappings").path("_meta");
        this.mappingVersion = meta.path("mappingVersion").asInt(1);
    }

    public String alias() {
        return properties.alias();
    }

    public boolean isReady() {
        return ready;
    }

    public int mappingVersion() {
        return mappingVersion;
    }

    /** Where the indexer writes: the alias, plus the index being rebuilt if any. */
    public List<String> writeTargets() {
        String extra = extraWriteIndex;
        return extra == null ? List.of(alias()) : List.of(alias(), extra);
    }

    public void startDualWrite(String index) {
        extraWriteIndex = index;
    }

    public void stopDualWrite() {
        extraWriteIndex = null;
    }

    /**
     * Makes sure the alias exists (creating the first index behind it when needed). Answers the mapping
     * version of the index behind the alias. Concurrent callers in this instance share one attempt; another
     * instance creating it at the same moment is refused by Elasticsearch (one write index per alias), after
     * which the alias is simply read again.
     */
    public Mono<Integer> ensureAlias() {
        synchronized (this) {
            if (ensuring == null) {
                ensuring = checkOrCreateAlias().doFinally(s -> {
                    synchronized (this) {
                        ensuring = null;
                    }
                }).cache();
            }
            return ensuring;
        }
    }

    private Mono<Integer> checkOrCreateAlias() {
        Mono<Boolean> exists = call(() -> client.indices().existsAlias(e -> e.name(alias()))).map(r -> r.value());
        return exists
                .flatMap(present -> present
                        ? currentMappingVersion()
                        : createAlias().thenReturn(mappingVersion)
                                .onErrorResume(e -> exists.flatMap(now -> now ? currentMappingVersion() : Mono.error(e))))
                .doOnSuccess(v -> {
                    if (!ready) {
                        log.info("Search index alias '{}' is ready (mapping version {})", alias(), v);
                    }
                    ready = true;
                });
    }

    /** The first index behind the alias, or a new one after Elasticsearch lost it: announced, so it gets filled. */
    private Mono<Void> createAlias() {
        String index = newIndexName();
        return createIndex(index, true).doOnSuccess(v -> {
            log.info("Created index {} behind the search alias '{}'", index, alias());
            events.publishEvent(new AliasCreated(alias(), index));
        });
    }

    /**
     * Elasticsearch answered that the alias does not exist (its data was lost or the index deleted): the indexer
     * creates it again on its next run, and the new index is filled from MongoDB.
     */
    public void aliasMissing() {
        if (ready) {
            ready = false;
            log.warn("The search alias '{}' is missing in Elasticsearch: creating it again and indexing every company", alias());
        }
    }

    /** Whether Elasticsearch refused a request because the index or alias it names does not exist. */
    public static boolean isIndexMissing(Throwable e) {
        return e instanceof ElasticsearchException es && es.status() == 404 && es.error() != null
                && INDEX_NOT_FOUND.equals(es.error().type());
    }

    public String newIndexName() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        return alias() + "-" + STAMP.format(clock.instant()) + "-" + suffix;
    }

    /** Creates an index with the mapping; with {@code withAlias} it becomes the alias's index. */
    public Mono<Void> createIndex(String name, boolean withAlias) {
        return call(() -> client.indices().create(c -> {
            c.withJson(new java.io.ByteArrayInputStream(mapping)).index(name);
            if (withAlias) {
                c.aliases(alias(), a -> a.isWriteIndex(true));
            }
            return c;
        })).then();
    }

    /** The concrete indexes the alias points at (normally one). */
    public Mono<List<String>> aliasedIndexes() {
        return call(() -> client.indices().getAlias(g -> g.name(alias())))
                .map(r -> (List<String>) new ArrayList<>(r.aliases().keySet()))
                .onErrorResume(ElasticsearchException.class, e -> e.status() == 404 ? Mono.just(List.of()) : Mono.error(e));
    }

    /** Points the alias at {@code index} and away from every other index, in one atomic request. */
    public Mono<List<String>> swapAlias(String index) {
        return aliasedIndexes().flatMap(old -> {
            List<Action> actions = new ArrayList<>();
            for (String previous : old) {
                if (!previous.equals(index)) {
                    actions.add(Action.of(a -> a.remove(r -> r.index(previous).alias(alias()))));
                }
            }
            actions.add(Action.of(a -> a.add(r -> r.index(index).alias(alias()).isWriteIndex(true))));
            return call(() -> client.indices().updateAliases(u -> u.actions(actions)))
                    .thenReturn(old.stream().filter(o -> !o.equals(index)).toList());
        });
    }

    public Mono<Void> deleteIndex(String index) {
        return call(() -> client.indices().delete(d -> d.index(index))).then();
    }

    public Mono<Void> refresh(String target) {
        return call(() -> client.indices().refresh(r -> r.index(target))).then();
    }

    public Mono<Long> count(String target) {
        return call(() -> client.count(c -> c.index(target))).map(r -> r.count());
    }

    private Mono<Integer> currentMappingVersion() {
        return call(() -> client.indices().getMapping(g -> g.index(alias())))
                .map(r -> r.mappings().values().stream()
                        .map(m -> m.mappings().meta())
                        .map(meta -> meta == null ? null : meta.get("mappingVersion"))
                        .mapToInt(v -> v == null ? 0 : v.to(Integer.class))
                        .min().orElse(0));
    }

    public Instant now() {
        return clock.instant();
    }

    <T> Mono<T> call(Supplier<CompletableFuture<T>> request) {
        return Mono.defer(() -> Mono.fromFuture(request::get)).timeout(properties.requestTimeout().plusSeconds(2));
    }
}
