package hk.esgone.badge.issuing.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.badge.config.SecurityConfig;
import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.badge.support.ServiceCallers;
import hk.esgone.platform.idempotency.IdempotencyKey;
import hk.esgone.platform.idempotency.IdempotentEndpoint;
import hk.esgone.platform.idempotency.IdempotentEndpoint.Refusals;
import hk.esgone.platform.idempotency.IdempotentEndpoint.Result;
import reactor.core.publisher.Mono;

/**
 * Badges an assessment earned, issued at the request of assessment-service (role {@code badge-issuer}, see
 * SecurityConfig). Not routed by the gateway. {@code Idempotency-Key} is required: the caller retries with the same key
 * until it gets an answer, and a retry after a lost response replays the first answer instead of issuing again.
 */
@RestController
class EarnedBadgeController {

    private static final String DEFAULT_REASON = "Superseded by a newer ESG One assessment.";

    /** The new badge and the ids of the company's badges it replaced (revoked). */
    record EarnedView(BadgeView badge, List<String> superseded) {
    }

    private final BadgeService badges;
    private final BadgeViews views;
    private final IdempotentEndpoint idempotent;

    EarnedBadgeController(BadgeService badges, BadgeViews views, IdempotentEndpoint idempotent) {
        this.badges = badges;
        this.views = views;
        this.idempotent = idempotent;
    }

    @PostMapping(SecurityConfig.EARNED_BADGES)
    Mono<ResponseEntity<String>> issueEarned(@RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
                                       @Validated @RequestBody BadgeRequests.EarnedRequest request, ServerWebExchange exchange) {
        String reason = request.reason() == null || request.reason().isBlank() ? DEFAULT_REASON : request.reason().strip();
        // the caller's token goes to the directory, which shows it published companies (as it would anyone)
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return ServiceCallers.badgeIssuer().flatMap(actor -> idempotent.run(exchange, "earned:" + actor, key, request, Refusals.RELEASE,
                attempt -> badges.issueEarned(request.achievementId(), request.companyId(), reason, actor, authorization)
                        .map(earned -> Result.of(HttpStatus.CREATED, new EarnedView(views.view(earned.badge()), earned.superseded())))));
    }
}
