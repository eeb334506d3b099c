package hk.esgone.assessment.badges.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.badges.BadgeState;
import hk.esgone.assessment.badges.EarnedBadge;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code badges} field of the {@code assessments} collection (answering owns the rest of each document and never
 * writes this field). It is absent until the job first takes a submitted assessment up, so a submission needs no
 * extra write and a crash anywhere loses nothing: an assessment is due while it is submitted and its badges are
 * absent, or pending with {@code nextAttemptAt} passed. Every change is one conditional update of one document.
 */
@Component
public class BadgeStateStore {

    private static final String PENDING = BadgeState.State.PENDING.name();

    /** The fields of an assessment the job reads (year boxed: a projection of the id alone leaves it out). */
    @Document("assessments")
    record AssessmentBadges(@Id String id, String companyId, Integer year, String status, String scorecardJson, BadgesDocument badges,
            Integer scoreRevision) {
    }

    record BadgesDocument(String state, List<IssuedDocument> issued, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
            String lastError) {
    }

    record IssuedDocument(String kind, String achievementId, String badgeId, Instant issuedAt) {
    }

    /** A submitted assessment whose badges are due, as the job took it up. */
    public record Due(String id, String companyId, int year, String scorecardJson, BadgeState state, int scoreRevision) {
    }

    private final ReactiveMongoTemplate mongo;

    BadgeStateStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** For the job's query: status, then the badge state. */
    public Mono<Void> createIndexes() {
        return mongo.indexOps(AssessmentBadges.class)
                .createIndex(new org.springframework.data.mongodb.core.index.Index().on("status", Sort.Direction.ASC)
                        .on("badges.state", Sort.Direction.ASC).on("badges.nextAttemptAt", Sort.Direction.ASC).named("badges_due"))
                .then();
    }

    /** Submitted assessments whose badges are due at {@code now}, oldest year first (at most {@code limit}). */
    public Flux<String> dueIds(Instant now, int limit) {
        Query query = Query.query(due(now)).with(Sort.by(Sort.Direction.ASC, "year", "_id")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, AssessmentBadges.class).map(AssessmentBadges::id);
    }

    /**
     * Takes the assessment up if it is still due: counts the attempt and leaves it to this run until {@code leaseUntil}
     * (another instance's run, or this one's next, then skips it). Empty when it was not due any more.
     */
    public Mono<Due> claim(String id, Instant now, Instant leaseUntil) {
        Query query = Query.query(Criteria.where("_id").is(id).andOperator(due(now)));
        Update update = new Update().set("badges.state", PENDING).set("badges.nextAttemptAt", leaseUntil)
                .set("badges.lastAttemptAt", now).inc("badges.attempts", 1);
        return mongo.updateFirst(query, update, AssessmentBadges.class)
                .filter(result -> result.getModifiedCount() == 1)
                // read after the update: the embedded server may answer findAndModify with either version
                .flatMap(result -> mongo.findById(id, AssessmentBadges.class))
                .map(doc -> new Due(doc.id(), doc.companyId(), doc.year(), doc.scorecardJson(), state(doc),
                        doc.scoreRevision() == null ? 1 : doc.scoreRevision()));
    }

    /** Whether the company has a submitted assessment of a later year than {@code year}. */
    public Mono<Integer> newerSubmittedYear(String companyId, int year) {
        Query query = Query.query(Criteria.where("companyId").is(companyId).and("year").gt(year).and("status").is("SUBMITTED"))
                .with(Sort.by(Sort.Direction.DESC, "year")).limit(1);
        return mongo.findOne(query, AssessmentBadges.class).map(AssessmentBadges::year);
    }

    /** Records one badge badge-service issued (once per kind, whatever the timing). */
    public Mono<Void> recordIssued(String id, BadgeState.Issued issued) {
        if (issued.kind() == EarnedBadge.LEVEL) {
            // a re-scored assessment's new level replaces the level recorded before (badge-service revoked that badge);
            // removed first, so that a crash in between leaves no level recorded and the next run asks again (same key)
            Query earlier = Query.query(Criteria.where("_id").is(id).and("badges.state").is(PENDING));
            Update pull = new Update().pull("badges.issued", Query.query(Criteria.where("kind").is(EarnedBadge.LEVEL.name())
                    .and("achievementId").ne(issued.achievementId())).getQueryObject());
            return mongo.updateFirst(earlier, pull, AssessmentBadges.class).then(push(id, issued));
        }
        return push(id, issued);
    }

    private Mono<Void> push(String id, BadgeState.Issued issued) {
        Query query = Query.query(Criteria.where("_id").is(id).and("badges.state").is(PENDING)
                .and("badges.issued.achievementId").ne(issued.achievementId()));
        Update update = new Update().push("badges.issued", new IssuedDocument(issued.kind().name(), issued.achievementId(),
                issued.badgeId(), issued.issuedAt()));
        return mongo.updateFirst(query, update, AssessmentBadges.class).then();
    }

    /**
     * Ends the work as {@link #finish(String, BadgeState.State, String)} does, unless the scorecard was re-scored since
     * the job took it up ({@code scoreRevision}): then it stays pending, and the next run issues the new level.
     */
    public Mono<Void> finish(String id, BadgeState.State state, String error, int scoreRevision) {
        Criteria revision = scoreRevision == 1
                ? new Criteria().orOperator(Criteria.where("scoreRevision").is(1), Criteria.where("scoreRevision").exists(false))
                : Criteria.where("scoreRevision").is(scoreRevision);
        Update update = new Update().set("badges.state", state.name()).unset("badges.nextAttemptAt");
        update = error == null ? update.unset("badges.lastError") : update.set("badges.lastError", error);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("badges.state").is(PENDING).andOperator(revision)),
                update, AssessmentBadges.class).then();
    }

    /** A re-scored assessment whose badges were ISSUED: pending again and due now, for the new level's badge. */
    public Mono<Void> reopenForLevel(String id, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("SUBMITTED")
                        .and("badges.state").is(BadgeState.State.ISSUED.name())),
                new Update().set("badges.state", PENDING).set("badges.nextAttemptAt", now), AssessmentBadges.class).then();
    }

    /** Ends the work on the assessment's badges in {@code state} (ISSUED, FAILED, SKIPPED) with {@code error} (or none). */
    public Mono<Void> finish(String id, BadgeState.State state, String error) {
        Update update = new Update().set("badges.state", state.name()).unset("badges.nextAttemptAt");
        update = error == null ? update.unset("badges.lastError") : update.set("badges.lastError", error);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("badges.state").is(PENDING)), update,
                AssessmentBadges.class).then();
    }

    /** Leaves the assessment pending until {@code next}, recording why this attempt did not finish. */
    public Mono<Void> retryLater(String id, Instant next, String error) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("badges.state").is(PENDING)),
                new Update().set("badges.nextAttemptAt", next).set("badges.lastError", error), AssessmentBadges.class).then();
    }

    /** An admin asks for another try of a FAILED assessment: pending again, due now, attempts counted on. */
    public Mono<Boolean> requeue(String id, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("SUBMITTED")
                        .and("badges.state").in(BadgeState.State.FAILED.name())),
                new Update().set("badges.state", PENDING).set("badges.nextAttemptAt", now), AssessmentBadges.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    /** The badge state of an assessment: empty for a draft or an unknown id; pending, never tried, when absent. */
    public Mono<BadgeState> find(String id) {
        return mongo.findById(id, AssessmentBadges.class)
                .filter(doc -> "SUBMITTED".equals(doc.status()))
                .map(BadgeStateStore::state);
    }

    private static Criteria due(Instant now) {
        return new Criteria().andOperator(Criteria.where("status").is("SUBMITTED"), new Criteria().orOperator(
                Criteria.where("badges").exists(false),
                Criteria.where("badges.state").is(PENDING).and("badges.nextAttemptAt").lte(now)));
    }

    private static BadgeState state(AssessmentBadges doc) {
        BadgesDocument b = doc.badges();
        if (b == null) {
            return BadgeState.notStarted();
        }
        List<BadgeState.Issued> issued = b.issued() == null ? List.of() : b.issued().stream()
                .map(i -> new BadgeState.Issued(EarnedBadge.valueOf(i.kind()), i.achievementId(), i.badgeId(), i.issuedAt())).toList();
        return new BadgeState(BadgeState.State.valueOf(b.state()), issued, b.attempts(), b.nextAttemptAt(), b.lastAttemptAt(),
                b.lastError());
    }
}
