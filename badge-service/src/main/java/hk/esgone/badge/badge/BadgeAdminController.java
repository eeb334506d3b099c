package hk.esgone.badge.badge;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.common.Ids;
import hk.esgone.badge.common.Page;
import hk.esgone.platform.idempotency.IdempotencyKey;
import hk.esgone.platform.idempotency.IdempotentExecutor;
import hk.esgone.platform.idempotency.RequestFingerprint;
import hk.esgone.platform.idempotency.StoredResponse;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.EsgSecurity;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Admin operations on badges (paths under /admin/** need the admin role, see SecurityConfig). */
@RestController
class BadgeAdminController {

    private static final String ISSUE = "/api/v1/badges/admin/badges";
    private static final String BULK_ISSUE = "/api/v1/badges/admin/badges/bulk";

    private final BadgeService badges;
    private final IdempotentExecutor idempotent;
    private final JsonMapper json;

    BadgeAdminController(BadgeService badges, IdempotentExecutor idempotent, JsonMapper json) {
        this.badges = badges;
        this.idempotent = idempotent;
        this.json = json;
    }

    /** Issues one badge. Requires {@code Idempotency-Key}; a retry with the same key replays the same status and body. */
    @PostMapping(ISSUE)
    Mono<ResponseEntity<String>> issue(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                       @Validated @RequestBody BadgeRequests.IssueRequest request) {
        return admin().flatMap(caller -> idempotently("issue:" + caller.subject(), key, ISSUE, request, HttpStatus.CREATED,
                () -> badges.issue(request, caller.subject())));
    }

    @PostMapping(BULK_ISSUE)
    Mono<ResponseEntity<String>> bulkIssue(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                           @Validated @RequestBody BadgeRequests.BulkIssueRequest request) {
        return admin().flatMap(caller -> idempotently("bulk:" + caller.subject(), key, BULK_ISSUE, request, HttpStatus.OK,
                () -> badges.bulkIssue(request, caller.subject())));
    }

    /**
     * Runs {@code action} once per admin, operation and key. Keys are scoped to the admin (and the operation).
     * Only successes are stored and replayed: a refusal releases the key, so the admin may retry with it.
     */
    private Mono<ResponseEntity<String>> idempotently(String scope, String headerValue, String path, Object request,
                                                      HttpStatus successStatus, Supplier<Mono<?>> action) {
        String key = IdempotencyKey.require(headerValue);
        String fingerprint = RequestFingerprint.of("POST", path, json.writeValueAsString(request));
        return idempotent.execute(scope, key, fingerprint, attempt -> Mono.defer(action)
                        .map(result -> new StoredResponse(successStatus.value(), MediaType.APPLICATION_JSON_VALUE,
                                json.writeValueAsString(result), Map.of())))
                .map(IdempotentExecutor.Outcome::toResponseEntity);
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/renew")
    Mono<BadgeView> renew(@PathVariable String id, @RequestBody(required = false) BadgeRequests.RenewRequest request) {
        return admin().flatMap(caller -> badges.renew(id, request, caller.subject()));
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/suspend")
    Mono<BadgeView> suspend(@PathVariable String id, @Validated @RequestBody BadgeRequests.ReasonRequest request) {
        return admin().flatMap(caller -> badges.suspend(id, request.reason(), caller.subject()));
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/reinstate")
    Mono<BadgeView> reinstate(@PathVariable String id) {
        return admin().flatMap(caller -> badges.reinstate(id, caller.subject()));
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/revoke")
    Mono<BadgeView> revoke(@PathVariable String id, @Validated @RequestBody BadgeRequests.ReasonRequest request) {
        return admin().flatMap(caller -> badges.revoke(id, request.reason(), caller.subject()));
    }

    @GetMapping("/api/v1/badges/admin/badges/{id}")
    Mono<BadgeView> get(@PathVariable String id) {
        return admin().then(badges.find(id)).map(badges::view);
    }

    @GetMapping("/api/v1/badges/admin/badges")
    Mono<Page<BadgeView>> list(@RequestParam(required = false) String companyId,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "50") int limit) {
        Page.checkLimit(limit);
        if (companyId != null && !Ids.isCompanyId(companyId)) {
            return Mono.error(ApiProblem.validation("companyId must be a directory company id (cmp-...)."));
        }
        String after = cursor == null ? null : Page.decodeCursor(cursor, Ids.BADGE_ID);
        return admin().thenMany(badges.list(companyId, after, limit)).map(badges::view).collectList()
                .map(items -> Page.of(items, limit, BadgeView::id));
    }

    /** The security rules already demand the admin role; this is the second lock on the same door. */
    private static Mono<Caller> admin() {
        return EsgSecurity.currentCaller()
                .filter(Caller::isAdmin)
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("Only platform admins manage badges.")));
    }
}
