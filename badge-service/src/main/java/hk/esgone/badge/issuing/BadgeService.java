package hk.esgone.badge.issuing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.AchievementService;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.credential.CredentialSigner;
import hk.esgone.badge.events.EventFeed;
import hk.esgone.badge.issuing.store.BadgeStore;
import hk.esgone.badge.status.StatusListService;
import hk.esgone.badge.support.Shorten;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issuing, renewing, suspending, reinstating and revoking badges. Every change is one conditional update of the
 * badge (see {@link BadgeStore}) that also records its event; the status list version is bumped and the event
 * published right after.
 */
@Service
public class BadgeService {

    /** The outcome for one company of a bulk issue: the badge, or the problem that refused it. */
    public record BulkOutcome(String companyId, IssuedBadge badge, ApiProblem problem) {
    }

    private final BadgeStore store;
    private final AchievementService achievements;
    private final StatusListService statusLists;
    private final CredentialSigner signer;
    private final EventFeed events;
    private final BadgeProperties properties;
    private final HolderCheck holders;
    private final Clock clock;

    BadgeService(BadgeStore store, AchievementService achievements, StatusListService statusLists,
                 CredentialSigner signer, EventFeed events, BadgeProperties properties, HolderCheck holders, Clock clock) {
        this.store = store;
        this.achievements = achievements;
        this.statusLists = statusLists;
        this.signer = signer;
        this.events = events;
        this.properties = properties;
        this.holders = holders;
        this.clock = clock;
    }

    /**
     * Issues a badge of {@code achievementId} to the company {@code holder}, once directory-service has confirmed the
     * company (see {@link HolderCheck}); nothing is issued when it does not, or cannot.
     *
     * @param validUntil    optional; default: now plus the achievement's validity period
     * @param authorization the admin's {@code Authorization} header, forwarded to directory-service
     */
    public Mono<IssuedBadge> issue(String achievementId, Holder holder, Instant validUntil, String actor, String authorization) {
        return Mono.defer(() -> issue(null, achievementId, holder, validUntil, actor, holders.confirm(holder, authorization)));
    }

    /** What a service caller that issues earned badges got: the new badge and the ids of the badges it superseded. */
    public record Earned(IssuedBadge badge, List<String> superseded) {
    }

    /**
     * Issues a badge an assessment earned: the completion e-badge ({@code E_BADGE}) or a scorecard level
     * ({@code SCORECARD_LEVEL}), nothing else (403). The company is named as the directory names it
     * ({@link HolderCheck#lookup}). The company's current badges this one replaces are revoked first, with
     * {@code reason}: of a scorecard level, every current scorecard-level badge (a new assessment's level replaces the
     * previous one, whichever level it was); of an e-badge, the current badge of the same achievement. Revoking first
     * keeps "one current badge per achievement" (a retry after a crash in between finds nothing left to revoke).
     */
    public Mono<Earned> issueEarned(String achievementId, String companyId, String reason, String actor, String authorization) {
        return usableAchievement(achievementId)
                .flatMap(achievement -> {
                    if (achievement.kind() != AchievementKind.E_BADGE && achievement.kind() != AchievementKind.SCORECARD_LEVEL) {
                        return Mono.error(ApiProblem.forbidden("Achievement '" + achievementId + "' is a "
                                + achievement.kind() + "; a service may issue only the e-badge and scorecard-level badges an assessment earns."));
                    }
                    return holders.lookup(companyId, authorization).flatMap(holder -> {
                        Instant now = clock.instant();
                        return store.heldBy(companyId)
                                .filter(held -> held.revokedAt() == null && held.validUntil().isAfter(now))
                                .filter(held -> achievement.kind() == AchievementKind.SCORECARD_LEVEL
                                        ? held.achievementKind() == AchievementKind.SCORECARD_LEVEL : held.achievementId().equals(achievement.id()))
                                .concatMap(held -> revoke(held.id(), reason, actor)
                                        .map(IssuedBadge::id)
                                        // revoked meanwhile by someone else: superseded all the same
                                        .onErrorResume(ApiProblem.class, e -> e.getStatusCode().value() == HttpStatus.CONFLICT.value()
                                                ? Mono.empty() : Mono.error(e)))
                                .collectList()
                                .flatMap(superseded -> issue(null, achievement.id(), holder, null, actor, Mono.empty())
                                        .map(badge -> new Earned(badge, superseded)));
                    });
                });
    }

    /** Issues with a fixed id (demo data, whose companies are the directory's own demo data; no check); a badge that already exists is returned as it is. */
    public Mono<IssuedBadge> issueWithId(String id, String achievementId, Holder holder, Instant validUntil, String actor) {
        return store.findById(id).switchIfEmpty(Mono.defer(() -> issue(id, achievementId, holder, validUntil, actor, Mono.empty())));
    }

    /** Issues once the request is valid and {@code confirmed} (the directory's answer about the holder) completes. */
    private Mono<IssuedBadge> issue(String fixedId, String achievementId, Holder holder, Instant requestedUntil, String actor,
                                    Mono<Void> confirmed) {
        checkHolder(holder);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return usableAchievement(achievementId)
                .flatMap(achievement -> {
                    Instant validUntil = validUntil(achievement, now, requestedUntil);
                    return confirmed.then(Mono.defer(() -> store.holdsCurrent(holder.companyId(), achievement.id(), now).flatMap(held -> held
                            ? Mono.error(ApiProblem.conflict("badge-already-held", "Company '" + holder.companyId()
                            + "' already holds a current '" + achievement.id() + "' badge; renew that badge instead."))
                            : statusLists.allocate().flatMap(position -> {
                                String id = fixedId != null ? fixedId : Ids.BADGE.newId(16);
                                String credentialId = "urn:uuid:" + UUID.randomUUID();
                                CredentialSigner.Signed signed = sign(credentialId, achievement, holder, now, now, validUntil,
                                        position.list(), position.index());
                                return store.insert(new IssuedBadge(id, achievement.id(), achievement.kind(),
                                        achievement.scorecardLevel(), achievement.name(), achievement.description(), holder, now, now,
                                        validUntil, position.list(), position.index(), 1, credentialId, signed.jwt(), signed.kid(),
                                        false, null, null, null, null, null, null, actor, now));
                            }))));
                })
                .flatMap(badge -> events.publishOutbox(badge.id()).onErrorResume(e -> Mono.empty()).thenReturn(badge));
    }

    /**
     * Issues one badge per company, in order; a company that cannot get one (unknown to the directory, another
     * registration number, already holding one) is reported, not fatal. Every company is checked with the directory
     * first: when the directory cannot answer for one of them, nothing is issued (a 503 for the whole request).
     */
    public Mono<List<BulkOutcome>> bulkIssue(String achievementId, List<Holder> companies, Instant validUntil, String actor,
                                             String authorization) {
        long distinct = companies.stream().map(Holder::companyId).distinct().count();
        if (distinct != companies.size()) {
            return Mono.error(ApiProblem.validation("Each company may appear only once in a bulk issue."));
        }
        return usableAchievement(achievementId)
                .thenMany(Flux.fromIterable(companies))
                .flatMapSequential(holder -> Mono.defer(() -> {
                            checkHolder(holder);
                            return holders.confirm(holder, authorization);
                        })
                        .then(Mono.<ApiProblem>empty())
                        .onErrorResume(ApiProblem.class, problem -> problem.getStatusCode().is5xxServerError()
                                ? Mono.error(problem) : Mono.just(problem))
                        .map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .map(refusal -> new Checked(holder, refusal.orElse(null))), 8)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(checked -> checked.refusal() != null
                        ? Mono.just(new BulkOutcome(checked.holder().companyId(), null, checked.refusal()))
                        : issue(null, achievementId, checked.holder(), validUntil, actor, Mono.empty())
                        .map(badge -> new BulkOutcome(checked.holder().companyId(), badge, null))
                        .onErrorResume(ApiProblem.class, problem -> Mono.just(new BulkOutcome(checked.holder().companyId(), null, problem))))
                .collectList();
    }

    /** A company of a bulk issue after the directory check: {@code refusal} is why it gets no badge, or null. */
    private record Checked(Holder holder, ApiProblem refusal) {
    }

    /** A new credential for the same badge (same id, same status position) with a new validity period. */
    public Mono<IssuedBadge> renew(String id, Instant requestedUntil, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return find(id).flatMap(badge -> {
            if (badge.revokedAt() != null) {
                return Mono.error(ApiProblem.conflict("badge-revoked", "Badge '" + id + "' is revoked; a revoked badge cannot be renewed."));
            }
            return achievements.find(badge.achievementId()).flatMap(achievement -> {
                Instant validUntil = validUntil(achievement, now, requestedUntil);
                String credentialId = "urn:uuid:" + UUID.randomUUID();
                CredentialSigner.Signed signed = sign(credentialId, achievement, badge.holder(), now, now, validUntil,
                        badge.statusList(), badge.statusIndex());
                return changed(store.renew(badge, now, validUntil, credentialId, signed.jwt(), signed.kid(), achievement.name(),
                        achievement.description()), id, "was changed or revoked meanwhile; reload it and try again");
            });
        });
    }

    public Mono<IssuedBadge> suspend(String id, String reason, String actor) {
        Instant now = clock.instant();
        return find(id)
                .flatMap(b -> b.revokedAt() != null ? Mono.error(revoked(id))
                        : b.suspended() ? Mono.error(ApiProblem.conflict("badge-already-suspended", "Badge '" + id + "' is already suspended."))
                        : changed(store.suspend(id, reason.strip(), now), id, "was changed meanwhile"))
                .flatMap(b -> statusLists.changed(CredentialFormat.PURPOSE_SUSPENSION, b.statusList()).thenReturn(b));
    }

    public Mono<IssuedBadge> reinstate(String id, String actor) {
        Instant now = clock.instant();
        return find(id)
                .flatMap(b -> b.revokedAt() != null ? Mono.error(revoked(id))
                        : !b.suspended() ? Mono.error(ApiProblem.conflict("badge-not-suspended", "Badge '" + id + "' is not suspended."))
                        : changed(store.reinstate(id, now), id, "was changed meanwhile"))
                .flatMap(b -> statusLists.changed(CredentialFormat.PURPOSE_SUSPENSION, b.statusList()).thenReturn(b));
    }

    /** Permanent: a revoked badge can be neither reinstated nor renewed. */
    public Mono<IssuedBadge> revoke(String id, String reason, String actor) {
        Instant now = clock.instant();
        return find(id)
                .flatMap(b -> b.revokedAt() != null ? Mono.error(revoked(id))
                        : changed(store.revoke(id, reason.strip(), actor, now), id, "was revoked meanwhile")
                        .flatMap(changed -> statusLists.changed(CredentialFormat.PURPOSE_REVOCATION, changed.statusList())
                                .then(b.suspended() ? statusLists.changed(CredentialFormat.PURPOSE_SUSPENSION, changed.statusList()) : Mono.empty())
                                .thenReturn(changed)));
    }

    /** Announces badges whose validity has ended (BADGE_EXPIRED); safe to run on several instances at once. */
    public Mono<Long> announceExpired() {
        return store.expiredUnannounced(clock.instant())
                .concatMap(b -> store.announceExpiry(b)
                        .filter(announced -> announced)
                        .flatMap(announced -> events.publishOutbox(b.id()).thenReturn(1)))
                .count();
    }

    /** The badge, or a 404 problem. */
    public Mono<IssuedBadge> find(String id) {
        if (!Ids.BADGE.isValid(id)) {
            return Mono.error(ApiProblem.notFound("Badge", Shorten.shorten(String.valueOf(id), 80)));
        }
        return store.findById(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Badge", id)));
    }

    public Mono<IssuedBadge> findOrEmpty(String id) {
        return Ids.BADGE.isValid(id) ? store.findById(id) : Mono.empty();
    }

    public Flux<IssuedBadge> heldBy(String companyId) {
        return store.heldBy(companyId);
    }

    public Flux<IssuedBadge> heldByBrNumber(String brNumber) {
        return store.heldByBrNumber(brNumber);
    }

    /** A page in id order, optionally of one company and of one status now (null: any). */
    public Flux<IssuedBadge> list(String companyId, BadgeStatus status, String afterId, int limit) {
        return store.list(companyId, status, clock.instant(), afterId, limit);
    }

    /** A conditional change: a conflict when its condition no longer held, else its event is published. */
    private Mono<IssuedBadge> changed(Mono<IssuedBadge> change, String id, String conflict) {
        return change
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("badge-changed", "Badge '" + id + "' " + conflict + ".")))
                .flatMap(b -> events.publishOutbox(b.id()).onErrorResume(e -> Mono.empty()).thenReturn(b));
    }

    private Mono<Achievement> usableAchievement(String achievementId) {
        return achievements.findOrNull(achievementId)
                .filter(a -> !a.archived())
                .switchIfEmpty(Mono.error(() -> ApiProblem.unprocessable("unknown-achievement",
                        "Achievement '" + achievementId + "' does not exist or is archived.")));
    }

    private Instant validUntil(Achievement achievement, Instant now, Instant requested) {
        if (requested != null) {
            if (!requested.isAfter(now)) {
                throw ApiProblem.validation("validUntil must be in the future.");
            }
            if (requested.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant())) {
                throw ApiProblem.validation("validUntil may be at most ten years ahead.");
            }
            return requested.truncatedTo(ChronoUnit.SECONDS);
        }
        return now.atOffset(ZoneOffset.UTC).plus(achievement.validityPeriod()).toInstant();
    }

    private static void checkHolder(Holder holder) {
        if (holder.brNumber() == null && holder.uscc() == null) {
            throw ApiProblem.validation("The company needs a brNumber (Hong Kong) or a uscc (mainland): the credential names it.");
        }
    }

    private CredentialSigner.Signed sign(String credentialId, Achievement achievement, Holder holder, Instant issuedAt,
                                         Instant validFrom, Instant validUntil, int list, int index) {
        var subject = new CredentialFormat.Subject(holder.companyId(), holder.brNumber(), holder.uscc(),
                holder.name() == null ? null : holder.name().en());
        return signer.sign(CredentialFormat.openBadgeCredential(properties, credentialId, achievement, subject, issuedAt,
                validFrom, validUntil, list, index));
    }

    private static ApiProblem revoked(String id) {
        return new ApiProblem(HttpStatus.CONFLICT, "badge-revoked", "Badge revoked",
                "Badge '" + id + "' is revoked; revocation is permanent.");
    }
}
