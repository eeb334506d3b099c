package hk.esgone.badge.badge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementService;
import hk.esgone.badge.badge.BadgeRequests.CompanyRef;
import hk.esgone.badge.common.Bilingual;
import hk.esgone.badge.common.Escape;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.credential.CredentialSigner;
import hk.esgone.badge.events.BadgeEventType;
import hk.esgone.badge.events.EventStore;
import hk.esgone.badge.status.StatusListService;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issuing, renewing, suspending, reinstating and revoking badges. Every change is one conditional update of the
 * badge document (no transactions needed), which also records its event in the document's outbox; the status
 * list version is bumped and the event published right after.
 */
@Service
public class BadgeService {

    /** Result of one company in a bulk issue. */
    public record BulkItem(String companyId, String outcome, BadgeView badge, Map<String, Object> problem) {
    }

    public record BulkResult(String achievementId, int issued, int failed, List<BulkItem> results) {
    }

    private final ReactiveMongoTemplate mongo;
    private final AchievementService achievements;
    private final StatusListService statusLists;
    private final CredentialSigner signer;
    private final EventStore events;
    private final BadgeProperties properties;
    private final Clock clock;

    BadgeService(ReactiveMongoTemplate mongo, AchievementService achievements, StatusListService statusLists,
                 CredentialSigner signer, EventStore events, BadgeProperties properties, Clock clock) {
        this.mongo = mongo;
        this.achievements = achievements;
        this.statusLists = statusLists;
        this.signer = signer;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(BadgeDocument.class);
        return Flux.concat(
                ops.createIndex(new Index().on("statusList", Sort.Direction.ASC).on("statusIndex", Sort.Direction.ASC).unique()),
                ops.createIndex(new Index("holder.companyId", Sort.Direction.ASC)),
                ops.createIndex(new Index("holder.brNumber", Sort.Direction.ASC)),
                ops.createIndex(new Index("validUntil", Sort.Direction.ASC))).then();
    }

    public Mono<BadgeView> issue(BadgeRequests.IssueRequest request, String actor) {
        return issue(null, request.achievementId(), request.company(), request.validUntil(), actor);
    }

    /** Issues with a fixed id (demo data); a badge that already exists is returned as it is. */
    public Mono<BadgeView> issueWithId(String id, String achievementId, CompanyRef company, Instant validUntil, String actor) {
        return mongo.findById(id, BadgeDocument.class).map(this::view)
                .switchIfEmpty(Mono.defer(() -> issue(id, achievementId, company, validUntil, actor)));
    }

    private Mono<BadgeView> issue(String fixedId, String achievementId, CompanyRef company, Instant requestedUntil, String actor) {
        checkCompany(company);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return usableAchievement(achievementId)
                .flatMap(achievement -> {
                    Instant validUntil = validUntil(achievement, now, requestedUntil);
                    return alreadyHeld(company.id(), achievement.id(), now).flatMap(held -> held
                            ? Mono.error(ApiProblem.conflict("badge-already-held", "Company '" + company.id()
                            + "' already holds a current '" + achievement.id() + "' badge; renew that badge instead."))
                            : statusLists.allocate().flatMap(position -> {
                                String id = fixedId != null ? fixedId : Ids.BADGE.newId(16);
                                String credentialId = "urn:uuid:" + UUID.randomUUID();
                                Holder holder = new Holder(company.id(), company.brNumber(), company.uscc(),
                                        company.name() == null ? null : new Bilingual(company.name().en().strip(), company.name().zhHant().strip()));
                                CredentialSigner.Signed signed = sign(credentialId, achievement, holder, now, now, validUntil,
                                        position.list(), position.index());
                                BadgeDocument badge = new BadgeDocument(id, achievement.id(), achievement.kind(),
                                        achievement.scorecardLevel(), achievement.name(), achievement.description(), holder, now, now,
                                        validUntil, position.list(), position.index(), 1, credentialId, signed.jwt(), signed.kid(),
                                        false, null, null, null, null, null, null,
                                        List.of(outbox(BadgeEventType.BADGE_ISSUED, now)), actor, now);
                                return mongo.insert(badge);
                            }));
                })
                .flatMap(badge -> events.publishOutbox(badge.id()).onErrorResume(e -> Mono.empty()).thenReturn(badge))
                .map(this::view);
    }

    public Mono<BulkResult> bulkIssue(BadgeRequests.BulkIssueRequest request, String actor) {
        long distinct = request.companies().stream().map(CompanyRef::id).distinct().count();
        if (distinct != request.companies().size()) {
            return Mono.error(ApiProblem.validation("Each company may appear only once in a bulk issue."));
        }
        return usableAchievement(request.achievementId())
                .thenMany(Flux.fromIterable(request.companies()))
                .concatMap(company -> issue(null, request.achievementId(), company, request.validUntil(), actor)
                        .map(badge -> new BulkItem(company.id(), "ISSUED", badge, null))
                        .onErrorResume(ApiProblem.class, problem -> Mono.just(new BulkItem(company.id(), "FAILED", null,
                                Map.of("type", problem.getBody().getType().toString(), "detail", String.valueOf(problem.getBody().getDetail()))))))
                .collectList()
                .map(items -> {
                    int issued = (int) items.stream().filter(i -> i.badge() != null).count();
                    return new BulkResult(request.achievementId(), issued, items.size() - issued, items);
                });
    }

    /** A new credential for the same badge (same id, same status position) with a new validity period. */
    public Mono<BadgeView> renew(String id, BadgeRequests.RenewRequest request, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return find(id).flatMap(badge -> {
            if (badge.revokedAt() != null) {
                return Mono.error(ApiProblem.conflict("badge-revoked", "Badge '" + id + "' is revoked; a revoked badge cannot be renewed."));
            }
            return achievements.find(badge.achievementId()).flatMap(achievement -> {
                Instant validUntil = validUntil(achievement, now, request == null ? null : request.validUntil());
                String credentialId = "urn:uuid:" + UUID.randomUUID();
                CredentialSigner.Signed signed = sign(credentialId, achievement, badge.holder(), now, now, validUntil,
                        badge.statusList(), badge.statusIndex());
                Query current = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)
                        .and("credentialVersion").is(badge.credentialVersion()));
                Update update = new Update()
                        .set("validFrom", now).set("validUntil", validUntil)
                        .set("credentialVersion", badge.credentialVersion() + 1).set("credentialId", credentialId)
                        .set("jwt", signed.jwt()).set("kid", signed.kid())
                        .set("name", achievement.name()).set("description", achievement.description())
                        .set("expiryAnnouncedFor", null).set("updatedAt", now)
                        .push("outbox", outbox(BadgeEventType.BADGE_RENEWED, now));
                return change(current, update, id, "was changed or revoked meanwhile; reload it and try again");
            });
        }).map(this::view);
    }

    public Mono<BadgeView> suspend(String id, String reason, String actor) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null).and("suspended").is(false));
        Update update = new Update().set("suspended", true).set("suspendedAt", now).set("suspensionReason", reason.strip())
                .set("updatedAt", now).push("outbox", outbox(BadgeEventType.BADGE_SUSPENDED, now));
        return find(id)
                .flatMap(b -> b.revokedAt() != null ? Mono.error(revoked(id))
                        : b.suspended() ? Mono.error(ApiProblem.conflict("badge-already-suspended", "Badge '" + id + "' is already suspended."))
                        : change(query, update, id, "was changed meanwhile"))
                .flatMap(b -> statusLists.changed(CredentialFormat.PURPOSE_SUSPENSION, b.statusList()).thenReturn(b))
                .map(this::view);
    }

    public Mono<BadgeView> reinstate(String id, String actor) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null).and("suspended").is(true));
        Update update = new Update().set("suspended", false).set("suspendedAt", null).set("suspensionReason", null)
                .set("updatedAt", now).push("outbox", outbox(BadgeEventType.BADGE_REINSTATED, now));
        return find(id)
                .flatMap(b -> b.revokedAt() != null ? Mono.error(revoked(id))
                        : !b.suspended() ? Mono.error(ApiProblem.conflict("badge-not-suspended", "Badge '" + id + "' is not suspended."))
                        : change(query, update, id, "was changed meanwhile"))
                .flatMap(b -> statusLists.changed(CredentialFormat.PURPOSE_SUSPENSION, b.statusList()).thenReturn(b))
                .map(this::view);
    }

    /** Permanent: a revoked badge can be neither reinstated nor renewed. */
    public Mono<BadgeView> revoke(String id, String reason, String actor) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null));
        Update update = new Update().set("revokedAt", now).set("revocationReason", reason.strip()).set("revokedBy", actor)
                .set("suspended", false).set("updatedAt", now).push("outbox", outbox(BadgeEventType.BADGE_REVOKED, now));
        return find(id)
                .flatMap(b -> b.revokedAt() != null ? Mono.error(revoked(id)) : change(query, update, id, "was revoked meanwhile")
                        .flatMap(changed -> statusLists.changed(CredentialFormat.PURPOSE_REVOCATION, changed.statusList())
                                .then(b.suspended() ? statusLists.changed(CredentialFormat.PURPOSE_SUSPENSION, changed.statusList()) : Mono.empty())
                                .thenReturn(changed)))
                .map(this::view);
    }

    /** Announces badges whose validity has ended (BADGE_EXPIRED); safe to run on several instances at once. */
    public Mono<Long> announceExpired() {
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where("validUntil").lte(now).and("expiryAnnouncedFor").is(null).and("revokedAt").is(null))
                .limit(500);
        return mongo.find(due, BadgeDocument.class)
                .concatMap(b -> mongo.updateFirst(Query.query(Criteria.where("_id").is(b.id()).and("validUntil").is(b.validUntil())
                                        .and("expiryAnnouncedFor").is(null).and("revokedAt").is(null)),
                                new Update().set("expiryAnnouncedFor", b.validUntil())
                                        .push("outbox", outbox(BadgeEventType.BADGE_EXPIRED, b.validUntil())), BadgeDocument.class)
                        .filter(r -> r.getModifiedCount() > 0)
                        .flatMap(r -> events.publishOutbox(b.id()).thenReturn(1)))
                .count();
    }

    public Mono<BadgeDocument> find(String id) {
        if (!Ids.BADGE.isValid(id)) {
            return Mono.error(ApiProblem.notFound("Badge", Escape.shorten(String.valueOf(id), 80)));
        }
        return mongo.findById(id, BadgeDocument.class).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Badge", id)));
    }

    public Mono<BadgeDocument> findOrEmpty(String id) {
        return Ids.BADGE.isValid(id) ? mongo.findById(id, BadgeDocument.class) : Mono.empty();
    }

    public Flux<BadgeDocument> heldBy(String companyId) {
        return mongo.find(Query.query(Criteria.where("holder.companyId").is(companyId))
                .with(Sort.by(Sort.Direction.DESC, "issuedAt")).limit(1000), BadgeDocument.class);
    }

    public Flux<BadgeDocument> heldByBrNumber(String brNumber) {
        return mongo.find(Query.query(Criteria.where("holder.brNumber").is(brNumber))
                .with(Sort.by(Sort.Direction.DESC, "issuedAt")).limit(1000), BadgeDocument.class);
    }

    public Flux<BadgeDocument> list(String companyId, String afterId, int limit) {
        Criteria criteria = new Criteria();
        if (afterId != null) {
            criteria = Criteria.where("_id").gt(afterId);
        }
        if (companyId != null) {
            criteria = criteria.and("holder.companyId").is(companyId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), BadgeDocument.class);
    }

    public BadgeView view(BadgeDocument b) {
        String base = properties.base();
        return new BadgeView(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(), b.name(), b.holder(),
                b.statusAt(clock.instant()), b.issuedAt(), b.validFrom(), b.validUntil(), b.suspendedAt(), b.suspensionReason(),
                b.revokedAt(), b.revocationReason(), b.credentialVersion(), b.credentialId(), b.jwt(), b.kid(),
                new BadgeView.StatusPosition(b.statusList(), b.statusIndex()),
                new BadgeView.Links(base + "/badges/" + b.id(), base + "/api/v1/badges/verify/" + b.id(),
                        base + "/api/v1/badges/credentials/" + b.id(), base + "/widget/badges/" + b.id() + ".svg"));
    }

    private Mono<BadgeDocument> change(Query query, Update update, String id, String conflict) {
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), BadgeDocument.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("badge-changed", "Badge '" + id + "' " + conflict + ".")))
                .flatMap(b -> events.publishOutbox(b.id()).onErrorResume(e -> Mono.empty()).thenReturn(b));
    }

    private Mono<Achievement> usableAchievement(String achievementId) {
        return achievements.findOrNull(achievementId)
                .filter(a -> !a.archived())
                .switchIfEmpty(Mono.error(() -> ApiProblem.unprocessable("unknown-achievement",
                        "Achievement '" + achievementId + "' does not exist or is archived.")));
    }

    private Mono<Boolean> alreadyHeld(String companyId, String achievementId, Instant now) {
        return mongo.exists(Query.query(Criteria.where("holder.companyId").is(companyId).and("achievementId").is(achievementId)
                .and("revokedAt").is(null).and("validUntil").gt(now)), BadgeDocument.class);
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

    private static void checkCompany(CompanyRef company) {
        if (company.brNumber() == null && company.uscc() == null) {
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

    private static BadgeDocument.OutboxEntry outbox(BadgeEventType type, Instant at) {
        return new BadgeDocument.OutboxEntry(Ids.EVENT.newId(20), type.name(), at);
    }

    private static ApiProblem revoked(String id) {
        return new ApiProblem(HttpStatus.CONFLICT, "badge-revoked", "Badge revoked",
                "Badge '" + id + "' is revoked; revocation is permanent.");
    }
}
