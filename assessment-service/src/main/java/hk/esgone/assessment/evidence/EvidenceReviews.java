package hk.esgone.assessment.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.Assessment.EvidenceReview;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.StoredAnswer;
import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.badges.BadgeIssuing;
import hk.esgone.assessment.benchmark.PeerFigures;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.paging.PageLimit;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.text.TextRules;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's review of the evidence attached to submitted answers. Until an admin accepts it, evidence caps its
 * question's points (as the scoring rules say); accepting it re-scores the submitted assessment with the same answers
 * and the question among the "evidence checked": a new scorecard revision, stored in one conditional update with its
 * peer figures and a new place on the event feed (so directory-service shows it), and — when the level changed — the
 * new level's badge (the badge job issues it; badge-service supersedes the earlier level badge). A rejection keeps the
 * cap. A decision is final.
 */
@Service
public class EvidenceReviews {

    public static final int MAX_NOTE_LENGTH = 500;
    public static final int DEFAULT_LIMIT = 25;
    private static final Set<String> STATUSES = Set.of(EvidenceReview.PENDING, EvidenceReview.ACCEPTED, EvidenceReview.REJECTED);
    /** A list position: submission time (epoch ms), assessment id, question id. */
    private static final Pattern POSITION = Pattern.compile("(\\d{1,15})\\|(asm-[a-z0-9][a-z0-9-]{2,80})\\|([A-Za-z0-9_-]{1,40})");
    /** Decisions racing on one assessment's revision: tried again with the newer scorecard. */
    private static final int DECIDE_ATTEMPTS = 5;

    private final AssessmentService assessments;
    private final AssessmentStore store;
    private final BadgeIssuing badges;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    EvidenceReviews(AssessmentService assessments, AssessmentStore store, BadgeIssuing badges, Clock clock) {
        this.assessments = assessments;
        this.store = store;
        this.badges = badges;
        this.clock = clock;
    }

    /** One answer's evidence as the admin reviews it. */
    public record Item(String assessmentId, String companyId, int year, String questionId, Map<String, String> question,
            Map<String, String> topic, JsonNode evidence, String status, String note, Instant submittedAt, Instant reviewedAt,
            String reviewedBy, BigDecimal pointsNow, BigDecimal pointsIfAccepted) {
    }

    /** Submitted answers whose evidence has {@code status} (default PENDING), oldest submission first. */
    public Mono<Page<Item>> list(Caller caller, String status, String cursor, Integer limit) {
        requireAdmin(caller);
        String wanted = status == null || status.isBlank() ? EvidenceReview.PENDING : status;
        if (!STATUSES.contains(wanted)) {
            return Mono.error(ApiProblem.invalidField("status", "must be PENDING, ACCEPTED or REJECTED"));
        }
        int size = PageLimit.of(limit, DEFAULT_LIMIT);
        Position after = cursor == null || cursor.isEmpty() ? null : Position.decode(cursor);
        // every assessment found has at least one item; the one of the cursor may have none left, so two more
        return store.withEvidence(wanted, after == null ? null : after.submittedAt(), after == null ? null : after.assessmentId(),
                        size + 2)
                .concatMap(assessments::read)
                .collectList()
                .map(reads -> {
                    List<Item> items = new ArrayList<>();
                    for (AssessmentService.Read read : reads) {
                        items.addAll(items(read, wanted, after));
                    }
                    List<Item> page = items.size() > size ? items.subList(0, size) : items;
                    String next = items.size() > size ? Position.of(page.getLast()).encode() : null;
                    return new Page<>(List.copyOf(page), next);
                });
    }

    /** An admin's decision on one answer's evidence: ACCEPT (re-scores) or REJECT (a note says why). */
    public Mono<Item> decide(Caller caller, String assessmentId, String questionId, String decision, String note) {
        requireAdmin(caller);
        String status = switch (decision == null ? "" : decision) {
            case "ACCEPT" -> EvidenceReview.ACCEPTED;
            case "REJECT" -> EvidenceReview.REJECTED;
            default -> throw invalid("decision", "must be ACCEPT or REJECT");
        };
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null) {
            String why = TextRules.violation(cleanNote, TextRules.Kind.FREE);
            if (why != null) {
                throw invalid("note", why);
            }
            if (cleanNote.length() > MAX_NOTE_LENGTH) {
                throw invalid("note", "must be at most " + MAX_NOTE_LENGTH + " characters");
            }
        }
        if (cleanNote == null && EvidenceReview.REJECTED.equals(status)) {
            throw invalid("note", "say why the evidence is rejected; the company reads it");
        }
        return attempt(caller, assessmentId, questionId, status, cleanNote, 1);
    }

    private Mono<Item> attempt(Caller caller, String assessmentId, String questionId, String status, String note, int attempt) {
        return assessments.submittedForReview(assessmentId)
                .filter(read -> questionId != null && AssessmentService.withEvidence(read.assessment()).contains(questionId))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "No submitted assessment '" + shorten(assessmentId) + "' with evidence for question '" + shorten(questionId) + "'.")))
                .flatMap(read -> {
                    Assessment a = read.assessment();
                    if (a.evidenceReviews().containsKey(questionId)) {
                        return Mono.error(alreadyReviewed(questionId));
                    }
                    EvidenceReview review = new EvidenceReview(status, note, clock.instant(), caller.subject());
                    Mono<AssessmentStore.Rescored> rescored = EvidenceReview.ACCEPTED.equals(status)
                            ? rescore(read, questionId) : Mono.empty();
                    return rescored.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(r -> store.decideEvidence(a.id(), questionId, review, a.scoreRevision(), r.orElse(null))
                                    .flatMap(stored -> {
                                        if (stored) {
                                            return afterDecision(a, r.orElse(null)).then(store.find(a.id()))
                                                    .flatMap(assessments::read).map(now -> item(now, questionId, null));
                                        }
                                        if (attempt >= DECIDE_ATTEMPTS) {
                                            return Mono.error(ApiProblem.conflict("review-conflict",
                                                    "The assessment kept changing while the decision was stored. Try again."));
                                        }
                                        // decided meanwhile (then 409 on the next read) or re-scored by another decision
                                        return attempt(caller, assessmentId, questionId, status, note, attempt + 1);
                                    }));
                });
    }

    /**
     * The scorecard with this question's evidence accepted too; empty when it is the same as the stored one (the
     * question was not capped), so no new revision is made.
     */
    private Mono<AssessmentStore.Rescored> rescore(AssessmentService.Read read, String questionId) {
        Assessment a = read.assessment();
        Set<String> checked = accepted(a);
        checked.add(questionId);
        String scorecardJson = assessments.scorecardJson(read, checked);
        if (json.readTree(scorecardJson).equals(json.readTree(a.scorecardJson()))) {
            return Mono.empty();
        }
        Map<String, Object> peer = PeerFigures.fromScorecard(json.readTree(scorecardJson))
                .fields(a.questionnaireKey(), a.year(), a.industry(), a.sizeBand());
        return store.nextFeedSeq().map(seq -> new AssessmentStore.Rescored(scorecardJson, peer, seq));
    }

    /** After a re-score that changed the level: the new level's badge is due (the badge job issues it). */
    private Mono<Void> afterDecision(Assessment before, AssessmentStore.Rescored rescored) {
        if (rescored == null) {
            return Mono.empty();
        }
        String levelBefore = json.readTree(before.scorecardJson()).path("score").path("level").asString("");
        String levelAfter = json.readTree(rescored.scorecardJson()).path("score").path("level").asString("");
        return levelBefore.equals(levelAfter) ? Mono.empty() : badges.levelChanged(before.id(), before.companyId(), before.year());
    }

    private List<Item> items(AssessmentService.Read read, String status, Position after) {
        Assessment a = read.assessment();
        Set<String> all = new HashSet<>(AssessmentService.withEvidence(a));
        JsonNode ifAccepted = all.isEmpty() ? null : json.readTree(assessments.scorecardJson(read, all));
        List<Item> items = new ArrayList<>();
        for (String questionId : AssessmentService.withEvidence(a)) {
            if (after != null && a.id().equals(after.assessmentId()) && questionId.compareTo(after.questionId()) <= 0) {
                continue;
            }
            EvidenceReview review = a.evidenceReview(questionId);
            if (review != null && review.status().equals(status)) {
                items.add(item(read, questionId, ifAccepted));
            }
        }
        return items;
    }

    /**
     * One item. What a question would earn with its evidence accepted does not depend on other questions' evidence, so
     * one scorecard with every question's evidence accepted answers it for all of them ({@code ifAccepted}).
     */
    private Item item(AssessmentService.Read read, String questionId, JsonNode ifAccepted) {
        Assessment a = read.assessment();
        StoredAnswer answer = a.answers().get(questionId);
        EvidenceReview review = a.evidenceReview(questionId);
        JsonNode allAccepted = ifAccepted != null ? ifAccepted
                : json.readTree(assessments.scorecardJson(read, new HashSet<>(AssessmentService.withEvidence(a))));
        var question = read.form().question(questionId);
        return new Item(a.id(), a.companyId(), a.year(), questionId, question == null ? null : question.text(),
                read.form().topicTitle(questionId), json.readTree(answer.evidenceJson()), review.status(), review.note(),
                a.submittedAt(), review.reviewedAt(), review.reviewedBy(),
                points(json.readTree(a.scorecardJson()), questionId), points(allAccepted, questionId));
    }

    private static BigDecimal points(JsonNode scorecard, String questionId) {
        for (JsonNode q : scorecard.path("score").path("questions")) {
            if (questionId.equals(q.path("questionId").asString())) {
                return q.path("points").decimalValue();
            }
        }
        return null; // a question without scoring rules: its evidence changes no points
    }

    private static Set<String> accepted(Assessment a) {
        Set<String> accepted = new HashSet<>();
        a.evidenceReviews().forEach((questionId, review) -> {
            if (EvidenceReview.ACCEPTED.equals(review.status())) {
                accepted.add(questionId);
            }
        });
        return accepted;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("Only admins review evidence.");
        }
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Invalid request", "One or more fields are invalid.",
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    private static ApiProblem alreadyReviewed(String questionId) {
        return ApiProblem.conflict("already-reviewed", "The evidence of question " + questionId
                + " has already been decided; a decision is final. Evidence for a new decision belongs to next year's assessment.");
    }

    private static String shorten(String id) {
        if (id == null) {
            return "";
        }
        String plain = id.length() > 60 ? id.substring(0, 60) + "…" : id;
        return plain.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? plain : "(not a valid id)";
    }

    /** Where a page ended, as an opaque cursor (base64url); anything else is refused with 400 {@code invalid-cursor}. */
    record Position(Instant submittedAt, String assessmentId, String questionId) {

        static Position of(Item item) {
            return new Position(item.submittedAt(), item.assessmentId(), item.questionId());
        }

        String encode() {
            String plain = submittedAt.toEpochMilli() + "|" + assessmentId + "|" + questionId;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            String plain;
            try {
                plain = cursor.length() > 300 ? "" : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                plain = "";
            }
            Matcher m = POSITION.matcher(plain);
            if (!m.matches()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                        "The cursor is not valid. Use the nextCursor value of a previous page unchanged.");
            }
            return new Position(Instant.ofEpochMilli(Long.parseLong(m.group(1))), m.group(2), m.group(3));
        }
    }
}
