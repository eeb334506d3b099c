package hk.esgone.badge.issuing.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.badge.events.BadgeEventType;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.issuing.IssuedBadge;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.platform.ids.Ids;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code badges} collection. Every change is one conditional update of the badge document that also pushes its
 * event into the document's outbox, so no transactions are needed; a change whose condition no longer holds (the
 * badge was changed meanwhile) returns empty.
 */
@Component
public class BadgeStore {

    private final ReactiveMongoTemplate mongo;

    BadgeStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The unique status positions and the lookups of the holders and expiry queries. The admin list by status pages in
     * id order: {@code suspended, _id} serves VALID and SUSPENDED (equality, then the id range in order), {@code revokedAt,
     * _id} REVOKED; EXPIRED reads the range of {@code validUntil} before now.
     */
    public Mono<Void> createIndexes() {
        var ops = mongo.indexOps(IssuedBadgeDocument.class);
        return Flux.concat(
                ops.createIndex(new Index().on("statusList", Sort.Direction.ASC).on("statusIndex", Sort.Direction.ASC).unique()),
                ops.createIndex(new Index("holder.companyId", Sort.Direction.ASC)),
                ops.createIndex(new Index("holder.brNumber", Sort.Direction.ASC)),
                ops.createIndex(new Index("validUntil", Sort.Direction.ASC)),
                ops.createIndex(new Index().on("suspended", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)),
                ops.createIndex(new Index().on("revokedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))).then();
    }

    /** Inserts a new badge with its BADGE_ISSUED event in the outbox. */
    public Mono<IssuedBadge> insert(IssuedBadge badge) {
        return mongo.insert(IssuedBadgeDocument.of(badge, List.of(outbox(BadgeEventType.BADGE_ISSUED, badge.issuedAt()))))
                .map(IssuedBadgeDocument::toBadge);
    }

    public Mono<IssuedBadge> findById(String id) {
        return mongo.findById(id, IssuedBadgeDocument.class).map(IssuedBadgeDocument::toBadge);
    }

    /** Whether the company holds a current (unrevoked, unexpired) badge of the achievement. */
    public Mono<Boolean> holdsCurrent(String companyId, String achievementId, Instant now) {
        return mongo.exists(Query.query(Criteria.where("holder.companyId").is(companyId).and("achievementId").is(achievementId)
                .and("revokedAt").is(null).and("validUntil").gt(now)), IssuedBadgeDocument.class);
    }

    /** A new credential for the badge, unless it was revoked or got another credential since {@code current} was read. */
    public Mono<IssuedBadge> renew(IssuedBadge current, Instant now, Instant validUntil, String credentialId, String jwt, String kid,
                                   Bilingual name, Bilingual description) {
        Query query = Query.query(Criteria.where("_id").is(current.id()).and("revokedAt").is(null)
                .and("credentialVersion").is(current.credentialVersion()));
        Update update = new Update()
                .set("validFrom", now).set("validUntil", validUntil)
                .set("credentialVersion", current.credentialVersion() + 1).set("credentialId", credentialId)
                .set("jwt", jwt).set("kid", kid)
                .set("name", name).set("description", description)
                .set("expiryAnnouncedFor", null).set("updatedAt", now)
                .push("outbox", outbox(BadgeEventType.BADGE_RENEWED, now));
        return change(query, update);
    }

    /** Suspends the badge unless it is revoked or already suspended. */
    public Mono<IssuedBadge> suspend(String id, String reason, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null).and("suspended").is(false));
        Update update = new Update().set("suspended", true).set("suspendedAt", now).set("suspensionReason", reason)
                .set("updatedAt", now).push("outbox", outbox(BadgeEventType.BADGE_SUSPENDED, now));
        return change(query, update);
    }

    /** Lifts a suspension unless the badge is revoked or not suspended. */
    public Mono<IssuedBadge> reinstate(String id, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null).and("suspended").is(true));
        Update update = new Update().set("suspended", false).set("suspendedAt", null).set("suspensionReason", null)
                .set("updatedAt", now).push("outbox", outbox(BadgeEventType.BADGE_REINSTATED, now));
        return change(query, update);
    }

    /** Revokes the badge unless it is already revoked. */
    public Mono<IssuedBadge> revoke(String id, String reason, String actor, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null));
        Update update = new Update().set("revokedAt", now).set("revocationReason", reason).set("revokedBy", actor)
                .set("suspended", false).set("updatedAt", now).push("outbox", outbox(BadgeEventType.BADGE_REVOKED, now));
        return change(query, update);
    }

    /** Unrevoked badges whose validity has ended and whose expiry is not announced yet (at most 500). */
    public Flux<IssuedBadge> expiredUnannounced(Instant now) {
        Query due = Query.query(Criteria.where("validUntil").lte(now).and("expiryAnnouncedFor").is(null).and("revokedAt").is(null))
                .limit(500);
        return mongo.find(due, IssuedBadgeDocument.class).map(IssuedBadgeDocument::toBadge);
    }

    /** Records BADGE_EXPIRED for the badge's current validity period; false when another instance did it first. */
    public Mono<Boolean> announceExpiry(IssuedBadge badge) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(badge.id()).and("validUntil").is(badge.validUntil())
                                .and("expiryAnnouncedFor").is(null).and("revokedAt").is(null)),
                        new Update().set("expiryAnnouncedFor", badge.validUntil())
                                .push("outbox", outbox(BadgeEventType.BADGE_EXPIRED, badge.validUntil())), IssuedBadgeDocument.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    /** The company's badges, newest first (at most 1000). */
    public Flux<IssuedBadge> heldBy(String companyId) {
        return heldWhere(Criteria.where("holder.companyId").is(companyId));
    }

    /** The badges issued under this BR number, newest first (at most 1000). */
    public Flux<IssuedBadge> heldByBrNumber(String brNumber) {
        return heldWhere(Criteria.where("holder.brNumber").is(brNumber));
    }

    private Flux<IssuedBadge> heldWhere(Criteria criteria) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "issuedAt")).limit(1000), IssuedBadgeDocument.class)
                .map(IssuedBadgeDocument::toBadge);
    }

    /**
     * A page sorted by id, optionally of one company and of the badges whose status at {@code now} is {@code status} (as
     * {@link IssuedBadge#statusAt} decides it); {@code afterId} is the last id of the previous page.
     */
    public Flux<IssuedBadge> list(String companyId, BadgeStatus status, Instant now, String afterId, int limit) {
        Criteria criteria = new Criteria();
        if (afterId != null) {
            criteria = Criteria.where("_id").gt(afterId);
        }
        if (companyId != null) {
            criteria = criteria.and("holder.companyId").is(companyId);
        }
        if (status != null) {
            criteria = withStatus(criteria, status, now);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), IssuedBadgeDocument.class)
                .map(IssuedBadgeDocument::toBadge);
    }

    /** Only the stored status of REVOKED and SUSPENDED badges: EXPIRED is the time now past {@code validUntil}. */
    private static Criteria withStatus(Criteria criteria, BadgeStatus status, Instant now) {
        return switch (status) {
            case REVOKED -> criteria.and("revokedAt").ne(null);
            // expired whether or not also suspended: IssuedBadge.statusAt ranks expiry above suspension
            case EXPIRED -> criteria.and("revokedAt").is(null).and("validUntil").lte(now);
            case SUSPENDED -> criteria.and("revokedAt").is(null).and("validUntil").gt(now).and("suspended").is(true);
            case VALID -> criteria.and("revokedAt").is(null).and("validUntil").gt(now).and("suspended").is(false);
        };
    }

    private Mono<IssuedBadge> change(Query query, Update update) {
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), IssuedBadgeDocument.class)
                .map(IssuedBadgeDocument::toBadge);
    }

    private static IssuedBadgeDocument.OutboxEntry outbox(BadgeEventType type, Instant at) {
        return new IssuedBadgeDocument.OutboxEntry(Ids.EVENT.newId(20), type.name(), at);
    }
}
