package hk.esgone.assessment.answering.store;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentStatus;
import hk.esgone.assessment.answering.StoredAnswer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code assessments} collection. Every change is one conditional update of one document (no transactions):
 * an answer is saved by a {@code $set} of that answer's field only, on condition that the assessment is still a
 * draft and the answer still has the revision the writer started from; two tabs saving different answers never
 * touch each other's field, two saving the same answer from one revision cannot both win.
 */
@Component
public class AssessmentStore {

    /** Question ids become field names: nothing that Mongo reads as a path or operator. */
    private static final Pattern FIELD_SAFE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final String FEED_COUNTER = "assessment-feed";

    private final ReactiveMongoTemplate mongo;

    AssessmentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One assessment per company and year (a second start is refused by this index, whatever the timing). */
    public Mono<Void> createIndexes() {
        return mongo.indexOps(AssessmentDocument.class)
                .createIndex(new Index().on("companyId", Sort.Direction.ASC).on("year", Sort.Direction.ASC).unique()
                        .named("company_year_unique"))
                // one assessment per feed position (sparse: drafts have none); serves the feed's range reads
                .then(mongo.indexOps(AssessmentDocument.class)
                        .createIndex(new Index().on("feedSeq", Sort.Direction.ASC).unique().sparse().named("feed_seq_unique")))
                .then();
    }

    /** The next position on the event feed (one atomic increment of the {@code counters} document "assessment-feed"). */
    public Mono<Long> nextFeedSeq() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(FEED_COUNTER)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, "counters")
                .map(doc -> ((Number) doc.get("value")).longValue());
    }

    /** Submitted assessments with a feed position above {@code after}, in feed order, at most {@code limit}. */
    public Flux<Assessment> submittedInFeedOrder(long after, int limit) {
        Query query = Query.query(Criteria.where("feedSeq").gt(after)).with(Sort.by(Sort.Direction.ASC, "feedSeq")).limit(limit);
        return mongo.find(query, AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    /** Ids of submitted assessments stored before the feed existed (no position yet), at most 500. */
    public Flux<String> submittedWithoutFeedSeq() {
        Query query = Query.query(Criteria.where("status").is(AssessmentStatus.SUBMITTED.name()).and("feedSeq").exists(false))
                .limit(500);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(AssessmentDocument.class))
                .map(doc -> doc.getString("_id"));
    }

    /** Gives a submitted assessment without a feed position this one; false when another writer was first. */
    public Mono<Boolean> assignFeedSeq(String assessmentId, long feedSeq, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(assessmentId).and("status").is(AssessmentStatus.SUBMITTED.name())
                .and("feedSeq").exists(false));
        return mongo.updateFirst(query, new Update().set("feedSeq", feedSeq).set("feedAt", now), AssessmentDocument.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    /** Inserts a new assessment; a second one for the same company and year fails with a duplicate-key error. */
    public Mono<Assessment> insert(Assessment assessment) {
        return mongo.insert(AssessmentDocument.of(assessment)).map(AssessmentDocument::toAssessment);
    }

    public Mono<Assessment> find(String id) {
        return mongo.findById(id, AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    public Mono<Assessment> findByCompanyAndYear(String companyId, int year) {
        return mongo.findOne(Query.query(Criteria.where("companyId").is(companyId).and("year").is(year)),
                AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    /** The company's assessments, newest year first. */
    public Flux<Assessment> findByCompany(String companyId) {
        return mongo.find(Query.query(Criteria.where("companyId").is(companyId)).with(Sort.by(Sort.Direction.DESC, "year")),
                AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    /**
     * Stores {@code answer} (its revision must be {@code baseRevision + 1}) if the assessment is a draft and the
     * answer's stored revision is still {@code baseRevision} (0: never saved). True when it was stored; false when
     * the condition no longer held, and then nothing changed.
     */
    public Mono<Boolean> saveAnswer(String assessmentId, StoredAnswer answer, long baseRevision, Instant now) {
        String field = answerField(answer.questionId());
        if (answer.revision() != baseRevision + 1) {
            return Mono.error(new IllegalArgumentException("an answer's revision is its base revision + 1"));
        }
        Criteria condition = Criteria.where("_id").is(assessmentId).and("status").is(AssessmentStatus.DRAFT.name());
        condition = baseRevision == 0 ? condition.and(field).exists(false) : condition.and(field + ".revision").is(baseRevision);
        Update update = new Update()
                .set(field, AssessmentDocument.AnswerDocument.of(answer))
                .set("updatedAt", now)
                .inc("answersVersion", 1);
        return mongo.updateFirst(Query.query(condition), update, AssessmentDocument.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Marks the assessment submitted with its scorecard, if it is a draft whose answers have not changed since they
     * were read ({@code answersVersion}), with its place on the event feed in the same update. True when it was
     * submitted by this call. {@code peer} (the figures peers are compared on, see the benchmark feature) is stored in
     * the same update, so a submitted assessment is never counted without them.
     */
    public Mono<Boolean> submit(String assessmentId, long answersVersion, String scorecardJson, Map<String, Object> peer,
            Instant now, String by, long feedSeq) {
        return submit(assessmentId, answersVersion, scorecardJson, peer, now, by, feedSeq, 0);
    }

    /**
     * As above; {@code evidencePending} answers carry evidence, which starts pending an admin's review
     * ({@code evidenceCounts}, so that the review list finds the assessments with evidence of a status by one query).
     */
    public Mono<Boolean> submit(String assessmentId, long answersVersion, String scorecardJson, Map<String, Object> peer,
            Instant now, String by, long feedSeq, int evidencePending) {
        Query query = Query.query(Criteria.where("_id").is(assessmentId).and("status").is(AssessmentStatus.DRAFT.name())
                .and("answersVersion").is(answersVersion));
        Update update = new Update()
                .set("status", AssessmentStatus.SUBMITTED.name())
                .set("submittedAt", now)
                .set("submittedBy", by)
                .set("scorecardJson", scorecardJson)
                .set("feedSeq", feedSeq)
                .set("feedAt", now)
                .set("peer", peer)
                .set("scoreRevision", 1)
                .set("evidenceCounts", Map.of(Assessment.EvidenceReview.PENDING, evidencePending,
                        Assessment.EvidenceReview.ACCEPTED, 0, Assessment.EvidenceReview.REJECTED, 0))
                .set("updatedAt", now);
        return mongo.updateFirst(query, update, AssessmentDocument.class).map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Records an admin's decision on one answer's evidence, if none is recorded yet and the assessment's scorecard is
     * still revision {@code scoreRevision}. With a {@code rescored} scorecard (an acceptance that lifts a cap) the new
     * scorecard, its revision ({@code scoreRevision + 1}), the peer figures and a new place on the event feed are
     * written in the same update, so the re-scored scorecard is on the feed as soon as it is stored. False when the
     * condition no longer held (decided meanwhile, or another decision re-scored first); then nothing changed.
     */
    public Mono<Boolean> decideEvidence(String assessmentId, String questionId, Assessment.EvidenceReview review,
            int scoreRevision, Rescored rescored) {
        String field = "evidenceReviews." + answerField(questionId).substring("answers.".length());
        Criteria revision = scoreRevision == 1
                ? new Criteria().orOperator(Criteria.where("scoreRevision").is(1), Criteria.where("scoreRevision").exists(false))
                : Criteria.where("scoreRevision").is(scoreRevision);
        Query query = Query.query(Criteria.where("_id").is(assessmentId).and("status").is(AssessmentStatus.SUBMITTED.name())
                .and(field).exists(false).andOperator(revision));
        Update update = new Update()
                .set(field, new AssessmentDocument.ReviewDocument(review.status(), review.note(), review.reviewedAt(),
                        review.reviewedBy()))
                .inc("evidenceCounts." + Assessment.EvidenceReview.PENDING, -1)
                .inc("evidenceCounts." + review.status(), 1)
                .set("updatedAt", review.reviewedAt());
        if (rescored != null) {
            update.set("scorecardJson", rescored.scorecardJson())
                    .set("scoreRevision", scoreRevision + 1)
                    .set("peer", rescored.peer())
                    .set("feedSeq", rescored.feedSeq())
                    .set("feedAt", review.reviewedAt())
                    .set("rescoredAt", review.reviewedAt());
        }
        return mongo.updateFirst(query, update, AssessmentDocument.class).map(result -> result.getModifiedCount() == 1);
    }

    /** A re-scored scorecard to store with a decision: its JSON, its peer figures, its new place on the event feed. */
    public record Rescored(String scorecardJson, Map<String, Object> peer, long feedSeq) {
    }

    /**
     * Submitted assessments with at least one answer whose evidence has {@code status}, oldest submission first
     * (then by id), from the position after ({@code afterSubmittedAt}, {@code afterId}) inclusive of that assessment
     * (the caller skips the questions it already gave), at most {@code limit}.
     */
    public Flux<Assessment> withEvidence(String status, Instant afterSubmittedAt, String afterId, int limit) {
        Criteria condition = Criteria.where("status").is(AssessmentStatus.SUBMITTED.name()).and("evidenceCounts." + status).gt(0);
        if (afterSubmittedAt != null) {
            condition = condition.orOperator(Criteria.where("submittedAt").gt(afterSubmittedAt),
                    Criteria.where("submittedAt").is(afterSubmittedAt).and("_id").gte(afterId));
        }
        Query query = Query.query(condition).with(Sort.by(Sort.Direction.ASC, "submittedAt", "_id")).limit(limit);
        return mongo.find(query, AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    /** For the evidence review list: submitted assessments by status of their evidence, oldest submission first. */
    public Mono<Void> createEvidenceIndex() {
        return Flux.fromArray(new String[] {Assessment.EvidenceReview.PENDING, Assessment.EvidenceReview.ACCEPTED,
                        Assessment.EvidenceReview.REJECTED})
                .concatMap(status -> mongo.indexOps(AssessmentDocument.class).createIndex(new Index()
                        .on("evidenceCounts." + status, Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC)
                        .on("_id", Sort.Direction.ASC).sparse().named("evidence_" + status.toLowerCase())))
                .then();
    }

    /** Submitted assessments stored before evidence reviews existed (no {@code evidenceCounts}), at most 500. */
    public Flux<Assessment> submittedWithoutEvidenceCounts() {
        return mongo.find(Query.query(Criteria.where("status").is(AssessmentStatus.SUBMITTED.name()).and("evidenceCounts")
                .exists(false)).limit(500), AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    /** Gives such an assessment its counts (every answer with evidence pending); false when another writer was first. */
    public Mono<Boolean> setEvidenceCounts(String assessmentId, int pending) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(assessmentId).and("evidenceCounts").exists(false)),
                new Update().set("evidenceCounts", Map.of(Assessment.EvidenceReview.PENDING, pending,
                        Assessment.EvidenceReview.ACCEPTED, 0, Assessment.EvidenceReview.REJECTED, 0)),
                AssessmentDocument.class).map(result -> result.getModifiedCount() == 1);
    }

    /**
     * Shows or hides a submitted assessment's scorecard publicly. True when the assessment is submitted (the choice
     * is then stored, even if it was already so); false for a draft or an unknown id, and then nothing changed.
     */
    public Mono<Boolean> setSharing(String assessmentId, boolean shared, Instant now, String by) {
        Query query = Query.query(Criteria.where("_id").is(assessmentId).and("status").is(AssessmentStatus.SUBMITTED.name()));
        Update update = new Update().set("sharedPublicly", shared).set("sharingChangedAt", now).set("sharingChangedBy", by);
        return mongo.updateFirst(query, update, AssessmentDocument.class).map(result -> result.getMatchedCount() == 1);
    }

    /** Whether the assessment's scorecard is shown publicly (false for an unknown id). */
    public Mono<Boolean> isShared(String assessmentId) {
        return mongo.findById(assessmentId, AssessmentDocument.class)
                .map(document -> Boolean.TRUE.equals(document.sharedPublicly()))
                .defaultIfEmpty(false);
    }

    /** A submitted assessment whose company shows its scorecard publicly; empty otherwise (unknown, draft, not shared). */
    public Mono<Assessment> findShared(String assessmentId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(assessmentId).and("status").is(AssessmentStatus.SUBMITTED.name())
                .and("sharedPublicly").is(true)), AssessmentDocument.class).map(AssessmentDocument::toAssessment);
    }

    private static String answerField(String questionId) {
        if (questionId == null || !FIELD_SAFE.matcher(questionId).matches()) {
            throw new IllegalArgumentException("not a question id");
        }
        return "answers." + questionId;
    }
}
