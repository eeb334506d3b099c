package hk.esgone.web.admin;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The directory's search index as staff operate it, through directory-service's admin API with the person's own
 * token: its state (alias, indexes, records waiting, the indexer, the last rebuild and reconcile), a rebuild without
 * downtime (it runs in the background) and a reconcile (find and repair, answered when done).
 */
@Service
public class SearchIndexAdmin {

    private static final String BASE = "/api/v1/directory/admin/search";

    public record Indexer(boolean aliasReady, int queued, long indexedSinceStart, int consecutiveFailures, ZonedDateTime lastSuccessAt,
                          String lastError, List<String> writeTargets) {
    }

    public record Rebuild(String state, String index, String reason, ZonedDateTime startedAt, ZonedDateTime finishedAt, long copied,
                          long repaired, String error) {
    }

    public record Reconcile(long checked, int missing, int stale, int diverged, int ahead, int orphaned, long repaired,
                            List<String> sampleIds, ZonedDateTime startedAt, ZonedDateTime finishedAt) {

        public int differences() {
            return missing + stale + diverged + ahead + orphaned;
        }
    }

    public record Status(String alias, List<String> indexes, int mappingVersion, long pending, Indexer indexer, Rebuild lastReindex,
                         Reconcile lastReconcile) {
    }

    private final ServiceApi api;

    public SearchIndexAdmin(ServiceApi api) {
        this.api = api;
    }

    public Mono<Status> status(ServerWebExchange exchange) {
        return api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, BASE + "/status", null).map(s -> {
            JsonNode i = s.path("indexer");
            Indexer indexer = i.isObject() ? new Indexer(i.path("aliasReady").asBoolean(false), i.path("queued").asInt(0),
                    i.path("indexedSinceStart").asLong(0), i.path("consecutiveFailures").asInt(0),
                    BadgeAdmin.local(i.path("lastSuccessAt").asString(null)), i.path("lastError").asString(null), strings(i.path("writeTargets"))) : null;
            return new Status(s.path("alias").asString(""), strings(s.path("aliasedIndexes")), s.path("mappingVersion").asInt(0),
                    s.path("recordsPendingIndex").asLong(0), indexer, rebuild(s.path("lastReindex")), reconcile(s.path("lastReconcile")));
        });
    }

    /** Starts a rebuild; answers its state (RUNNING). directory-service answers 409 while one is already running. */
    public Mono<Rebuild> reindex(ServerWebExchange exchange) {
        return api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "POST", BASE + "/reindex", Map.of(), Map.of())
                .map(SearchIndexAdmin::rebuild);
    }

    public Mono<Reconcile> reconcile(ServerWebExchange exchange) {
        return api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "POST", BASE + "/reconcile", Map.of(), Map.of())
                .map(SearchIndexAdmin::reconcile);
    }

    private static Rebuild rebuild(JsonNode r) {
        return r.isObject() ? new Rebuild(r.path("state").asString(""), r.path("index").asString(null), r.path("reason").asString(null),
                BadgeAdmin.local(r.path("startedAt").asString(null)), BadgeAdmin.local(r.path("finishedAt").asString(null)),
                r.path("copied").asLong(0), r.path("repaired").asLong(0), r.path("error").asString(null)) : null;
    }

    private static Reconcile reconcile(JsonNode r) {
        return r.isObject() ? new Reconcile(r.path("checked").asLong(0), r.path("missing").asInt(0), r.path("stale").asInt(0),
                r.path("diverged").asInt(0), r.path("ahead").asInt(0), r.path("orphaned").asInt(0), r.path("repaired").asLong(0),
                strings(r.path("sampleIds")), BadgeAdmin.local(r.path("startedAt").asString(null)),
                BadgeAdmin.local(r.path("finishedAt").asString(null))) : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString("")));
        return values;
    }
}
