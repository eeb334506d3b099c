package hk.esgone.badge.issuing.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.issuing.Holder;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.platform.idempotency.IdempotencyKey;
import hk.esgone.platform.idempotency.IdempotentEndpoint;
import hk.esgone.platform.idempotency.IdempotentEndpoint.Refusals;
import hk.esgone.platform.idempotency.IdempotentEndpoint.Result;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** Admin operations on badges (paths under /admin/** need the admin role, see SecurityConfig). */
@RestController
class BadgeAdminController {

    private static final String ISSUE = "/api/v1/badges/admin/badges";
    private static final String BULK_ISSUE = "/api/v1/badges/admin/badges/bulk";
    /** The statuses the list filters by, by name (exactly as the API writes them). */
    private static final Map<String, BadgeStatus> STATUSES = Arrays.stream(BadgeStatus.values())
            .collect(Collectors.toUnmodifiableMap(BadgeStatus::name, s -> s));

    private final BadgeService badges;
    private final BadgeViews views;
    private final IdempotentEndpoint idempotent;
    private final CursorCodec cursors;

    BadgeAdminController(BadgeService badges, BadgeViews views, IdempotentEndpoint idempotent, CursorCodec cursors) {
        this.badges = badges;
        this.views = views;
        this.idempotent = idempotent;
        this.cursors = cursors;
    }

    /**
     * Issues one badge. Requires {@code Idempotency-Key} (scoped to the admin and the operation); a retry with the
     * same key replays the same status and body. Only successes are stored: a refusal releases the key, so the admin
     * may retry with it.
     */
    @PostMapping(ISSUE)
    Mono<ResponseEntity<String>> issue(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                       @Validated @RequestBody BadgeRequests.IssueRequest request, ServerWebExchange exchange) {
        return admin().flatMap(caller -> idempotent.run(exchange, "issue:" + caller.subject(), key, request, Refusals.RELEASE,
                attempt -> badges.issue(request.achievementId(), holder(request.company()), request.validUntil(), caller.subject(),
                        authorization(exchange))
                        .map(badge -> Result.of(HttpStatus.CREATED, views.view(badge)))));
    }

    @PostMapping(BULK_ISSUE)
    Mono<ResponseEntity<String>> bulkIssue(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                           @Validated @RequestBody BadgeRequests.BulkIssueRequest request, ServerWebExchange exchange) {
        return admin().flatMap(caller -> idempotent.run(exchange, "bulk:" + caller.subject(), key, request, Refusals.RELEASE,
                attempt -> badges.bulkIssue(request.achievementId(), request.companies().stream().map(BadgeAdminController::holder).toList(),
                        request.validUntil(), caller.subject(), authorization(exchange)).map(outcomes -> Result.ok(BulkResult.of(request.achievementId(), outcomes, views)))));
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/renew")
    Mono<BadgeView> renew(@PathVariable String id, @RequestBody(required = false) BadgeRequests.RenewRequest request) {
        return admin().flatMap(caller -> badges.renew(id, request == null ? null : request.validUntil(), caller.subject())).map(views::view);
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/suspend")
    Mono<BadgeView> suspend(@PathVariable String id, @Validated @RequestBody BadgeRequests.ReasonRequest request) {
        return admin().flatMap(caller -> badges.suspend(id, request.reason(), caller.subject())).map(views::view);
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/reinstate")
    Mono<BadgeView> reinstate(@PathVariable String id) {
        return admin().flatMap(caller -> badges.reinstate(id, caller.subject())).map(views::view);
    }

    @PostMapping("/api/v1/badges/admin/badges/{id}/revoke")
    Mono<BadgeView> revoke(@PathVariable String id, @Validated @RequestBody BadgeRequests.ReasonRequest request) {
        return admin().flatMap(caller -> badges.revoke(id, request.reason(), caller.subject())).map(views::view);
    }

    @GetMapping("/api/v1/badges/admin/badges/{id}")
    Mono<BadgeView> get(@PathVariable String id) {
        return admin().then(badges.find(id)).map(views::view);
    }

    /** Badges in id order, optionally of one company and of one status now ({@code status}: VALID, EXPIRED, SUSPENDED, REVOKED). */
    @GetMapping("/api/v1/badges/admin/badges")
    Mono<Page<BadgeView>> list(@RequestParam(required = false) String companyId,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "50") int limit) {
        int size = PageLimit.of(limit);
        if (companyId != null && !Ids.COMPANY.isValid(companyId)) {
            return Mono.error(ApiProblem.validation("companyId must be a directory company id (cmp-...)."));
        }
        BadgeStatus wanted = status == null ? null : STATUSES.get(status);
        if (status != null && wanted == null) {
            return Mono.error(ApiProblem.validation("status must be VALID, EXPIRED, SUSPENDED or REVOKED."));
        }
        // the cursor is bound to the filter: a cursor of one company's (or one status's) list cannot page through another's
        String query = "admin-badges?companyId=" + (companyId == null ? "" : companyId) + (wanted == null ? "" : "&status=" + wanted);
        String after = cursor == null ? null : cursors.decode(cursor, query);
        return admin().thenMany(badges.list(companyId, wanted, after, size)).map(views::view).collectList()
                .map(items -> Page.of(items, size, last -> cursors.encode(query, last.id())));
    }

    /** The security rules already demand the admin role; this is the second lock on the same door. */
    private static Mono<Caller> admin() {
        return Callers.admin("Only platform admins manage badges.");
    }

    /** The admin's token, which the directory check forwards (directory shows admins companies of every status). */
    private static String authorization(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    }

    /** The company as the credential will name it (names trimmed). */
    private static Holder holder(BadgeRequests.CompanyRef company) {
        return new Holder(company.id(), company.brNumber(), company.uscc(),
                company.name() == null ? null : new Bilingual(company.name().en().strip(), company.name().zhHant().strip()));
    }
}
