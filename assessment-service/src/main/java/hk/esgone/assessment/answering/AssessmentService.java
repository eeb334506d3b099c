package hk.esgone.assessment.answering;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.benchmark.PeerFigures;
import hk.esgone.assessment.catalogue.AnswerInput;
import hk.esgone.assessment.catalogue.AnswerProblem;
import hk.esgone.assessment.catalogue.Form;
import hk.esgone.assessment.catalogue.QuestionnaireCatalogue;
import hk.esgone.assessment.evidence.store.EvidenceFileStore;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.text.TextRules;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting, answering and submitting assessments. Who may see an assessment: members of its company and admins;
 * anyone else is told it does not exist (404), as for any unknown id. Who may change one: members of its company
 * with the {@code sme} role. Every change is one conditional update of the assessment document
 * ({@link AssessmentStore}).
 */
@Service
public class AssessmentService {

    /** Question ids as the questionnaire writes them; anything else is no question of ours. */
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern ASSESSMENT_ID = Pattern.compile("asm-[a-z0-9][a-z0-9-]{2,80}");
    /** Submission retries when answers change between its read and its write (another tab saving meanwhile). */
    private static final int SUBMIT_ATTEMPTS = 5;

    private final AssessmentStore store;
    private final QuestionnaireCatalogue catalogue;
    private final Clock clock;
    private final EvidenceFileStore evidenceFiles;
    /** Decimals stay BigDecimal when stored JSON is read back (scores and kilograms are exact). */
    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    AssessmentService(AssessmentStore store, QuestionnaireCatalogue catalogue, Clock clock, EvidenceFileStore evidenceFiles) {
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
        this.evidenceFiles = evidenceFiles;
    }

    /** What a start asks for. */
    public record Start(String companyId, Integer year, String industry, String sizeBand) {
    }

    /** An answer to save, from the revision the writer last saw (0: none). */
    public record AnswerChange(AnswerInput answer, long baseRevision) {
    }

    /** An assessment with the form of its own questionnaire version. */
    public record Read(Assessment assessment, Form form) {
    }

    /** Starts the company's assessment for the year on the current questionnaire (one per company and year). */
    public Mono<Read> start(Caller caller, Start start) {
        requireAnswerer(caller);
        List<Map<String, String>> errors = new ArrayList<>();
        if (start.companyId() == null || !Ids.COMPANY.isValid(start.companyId())) {
            errors.add(Map.of("field", "companyId", "message", "must be a company id (cmp-...)"));
        }
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (start.year() == null || start.year() < 2000 || start.year() > thisYear) {
            errors.add(Map.of("field", "year", "message", "must be a reporting year from 2000 to " + thisYear));
        }
        return catalogue.current().flatMap(form -> {
            if (start.industry() == null || !form.knowsIndustry(start.industry())) {
                errors.add(Map.of("field", "industry", "message", "must be an HSIC section code this questionnaire knows"));
            }
            if (start.sizeBand() == null || !form.knowsSizeBand(start.sizeBand())) {
                errors.add(Map.of("field", "sizeBand", "message", "must be a size band this questionnaire knows"));
            }
            if (!errors.isEmpty()) {
                return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        "One or more fields are invalid.", Map.of("errors", errors)));
            }
            if (!caller.isMemberOf(start.companyId())) {
                return Mono.error(ApiProblem.forbidden("You can start an assessment only for a company you are a member of."));
            }
            Instant now = clock.instant();
            Assessment draft = new Assessment("asm-" + Ids.random(12), start.companyId(), start.year(), start.industry(),
                    start.sizeBand(), form.key(), form.version(), AssessmentStatus.DRAFT, Map.of(), 0, now, caller.subject(),
                    now, null, null, null);
            return store.insert(draft)
                    .onErrorResume(DuplicateKeyException.class, e -> store.findByCompanyAndYear(start.companyId(), start.year())
                            .flatMap(existing -> Mono.error(new ApiProblem(HttpStatus.CONFLICT, "assessment-exists", "Conflict",
                                    "The company already has an assessment for " + start.year() + ": " + existing.id() + ".",
                                    Map.of("existingId", existing.id())))))
                    .map(stored -> new Read(stored, form));
        });
    }

    /** A company's assessments, newest year first: its members and admins. */
    public Flux<Read> list(Caller caller, String companyId) {
        if (companyId == null || !Ids.COMPANY.isValid(companyId)) {
            return Flux.error(ApiProblem.invalidField("companyId", "must be a company id (cmp-...)"));
        }
        if (!caller.isMemberOf(companyId) && !caller.isAdmin()) {
            return Flux.error(ApiProblem.forbidden("You can list only the assessments of a company you are a member of."));
        }
        return store.findByCompany(companyId).concatMap(this::withForm);
    }

    /** One assessment, for its company's members and admins; 404 for everyone else. */
    public Mono<Read> get(Caller caller, String id) {
        return visible(caller, id).flatMap(this::withForm);
    }

    /** Saves one answer of a draft: checked, then stored only from the revision the writer started from. */
    public Mono<StoredAnswer> saveAnswer(Caller caller, String id, String questionId, AnswerChange change) {
        return changeable(caller, id).flatMap(read -> {
            Form.Question question = questionOf(read, questionId);
            AnswerInput answer = change.answer();
            refuseOddText("value", answer.value());
            refuseOddText("evidence", answer.evidence());
            List<AnswerProblem> problems = read.form().check(question.id(), answer);
            if (!problems.isEmpty()) {
                return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-answer", "Invalid answer",
                        "The answer to " + question.id() + " cannot be stored.", Map.of("errors", problems.stream()
                                .map(p -> Map.of("field", p.field(), "message", p.message(), "messageZhHant", p.messageZhHant())).toList())));
            }
            return evidenceJson(id, answer.evidence()).flatMap(evidence -> {
                Instant now = clock.instant();
                StoredAnswer stored = new StoredAnswer(question.id(), text(answer.value()), blankToNull(answer.unit()),
                        answer.notApplicable(), blankToNull(answer.reason()), evidence.orElse(null), change.baseRevision() + 1,
                        false, now, caller.subject());
                return store.saveAnswer(id, stored, change.baseRevision(), now)
                        .flatMap(saved -> saved ? Mono.just(stored) : whyNotSaved(id, question.id()));
            });
        });
    }

    /**
     * The evidence to store: a link as sent; a file reference only to a file uploaded to this very assessment, and then
     * as stored (name, size and type of the bytes the service keeps, whatever the client said).
     */
    private Mono<java.util.Optional<String>> evidenceJson(String assessmentId, JsonNode evidence) {
        if (evidence == null || evidence.isNull() || evidence.isMissingNode()) {
            return Mono.just(java.util.Optional.empty());
        }
        if (!evidence.isObject() || !evidence.has("sha256")) {
            return Mono.just(java.util.Optional.of(json.writeValueAsString(evidence)));
        }
        return evidenceFiles.find(assessmentId, evidence.path("sha256").asString())
                .map(file -> {
                    Map<String, Object> reference = new LinkedHashMap<>();
                    reference.put("sha256", file.sha256());
                    reference.put("fileName", file.fileName());
                    reference.put("size", file.size());
                    reference.put("contentType", file.contentType());
                    return java.util.Optional.of(json.writeValueAsString(reference));
                })
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-answer", "Invalid answer",
                        "The evidence file is not stored with this assessment.", Map.of("errors", List.of(Map.of(
                                "field", "evidence.sha256", "message", "Upload the file first.", "messageZhHant", "請先上載檔案。"))))));
    }

    /** Clears one answer of a draft (kept as a cleared revision, so that an older tab cannot restore it unnoticed). */
    public Mono<StoredAnswer> clearAnswer(Caller caller, String id, String questionId, long baseRevision) {
        return changeable(caller, id).flatMap(read -> {
            Form.Question question = questionOf(read, questionId);
            if (baseRevision < 1) {
                return Mono.error(ApiProblem.invalidField("baseRevision", "must be the revision of the stored answer (1 or more)"));
            }
            Instant now = clock.instant();
            StoredAnswer cleared = new StoredAnswer(question.id(), null, null, false, null, null, baseRevision + 1, true, now,
                    caller.subject());
            return store.saveAnswer(id, cleared, baseRevision, now)
                    .flatMap(saved -> saved ? Mono.just(cleared) : whyNotSaved(id, question.id()));
        });
    }

    /**
     * Submits a complete draft: the scorecard of exactly the answers read is stored with it, in one conditional
     * update. A submitted assessment is answered as it is (submitting again changes nothing).
     */
    public Mono<Read> submit(Caller caller, String id) {
        return visible(caller, id).flatMap(assessment -> {
            requireAnswerer(caller);
            if (!caller.isMemberOf(assessment.companyId())) {
                return Mono.error(ApiProblem.forbidden("Only members of the company submit its assessment."));
            }
            return submitAttempt(caller, id, 1);
        });
    }

    private Mono<Read> submitAttempt(Caller caller, String id, int attempt) {
        return store.find(id).flatMap(this::withForm).flatMap(read -> {
            Assessment assessment = read.assessment();
            if (!assessment.isDraft()) {
                return Mono.just(read);
            }
            List<Form.Question> missing = missing(read);
            if (!missing.isEmpty()) {
                return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "assessment-incomplete", "Assessment incomplete",
                        missing.size() + " applicable question(s) have no answer yet.", Map.of("missing", missing.stream()
                                .map(q -> Map.of("questionId", q.id(), "section", q.sectionCode(), "text", q.text())).toList())));
            }
            Object scorecard = read.form().scorecard(inputs(assessment), assessment.industry(), assessment.sizeBand(),
                    assessment.year());
            String scorecardJson = json.writeValueAsString(scorecard);
            Map<String, Object> peer = PeerFigures.fromScorecard(json.readTree(scorecardJson)).fields(
                    assessment.questionnaireKey(), assessment.year(), assessment.industry(), assessment.sizeBand());
            // the feed position is taken first and written with the submission in one update, so a stored submission
            // is always on the feed (events.ScorecardFeed); a lost attempt leaves a hole the feed steps over
            return store.nextFeedSeq()
                    .flatMap(seq -> store.submit(id, assessment.answersVersion(), scorecardJson, peer, clock.instant(),
                            caller.subject(), seq, withEvidence(assessment).size()))
                    .flatMap(submitted -> {
                        if (submitted || attempt >= SUBMIT_ATTEMPTS) {
                            return submitted ? store.find(id).flatMap(this::withForm)
                                    : Mono.error(ApiProblem.conflict("answers-changing",
                                            "The answers kept changing while the assessment was submitted. Try again."));
                        }
                        return submitAttempt(caller, id, attempt + 1);
                    });
        });
    }

    /** The stored scorecard of a submitted assessment; 404 while it is a draft. */
    public Mono<JsonNode> scorecard(Caller caller, String id) {
        return visible(caller, id).flatMap(assessment -> assessment.isDraft() || assessment.scorecardJson() == null
                ? Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "scorecard-not-ready", "Not found",
                        "Assessment '" + id + "' is a draft: its scorecard exists once it is submitted."))
                : Mono.just(scorecardOf(assessment)));
    }

    /** The scorecard stored with a submitted assessment. */
    public JsonNode scorecardOf(Assessment assessment) {
        return json.readTree(assessment.scorecardJson());
    }

    /** Section by section: applicable questions and how many of them have an answer. */
    public static Map<String, int[]> progress(Read read) {
        Map<String, int[]> bySection = new LinkedHashMap<>();
        read.form().sectionCodes().forEach(code -> bySection.put(code, new int[2]));
        Map<String, StoredAnswer> answers = read.assessment().answers();
        for (Form.Question q : read.form().applicable(read.assessment().industry(), read.assessment().sizeBand())) {
            int[] counts = bySection.computeIfAbsent(q.sectionCode(), c -> new int[2]);
            counts[1]++;
            StoredAnswer answer = answers.get(q.id());
            if (answer != null && answer.answered()) {
                counts[0]++;
            }
        }
        return bySection;
    }

    private List<Form.Question> missing(Read read) {
        Map<String, StoredAnswer> answers = read.assessment().answers();
        return read.form().applicable(read.assessment().industry(), read.assessment().sizeBand()).stream()
                .filter(q -> answers.get(q.id()) == null || !answers.get(q.id()).answered())
                .toList();
    }

    /** The questions whose answer carries evidence (answered, not cleared), in question order. */
    public static List<String> withEvidence(Assessment assessment) {
        return assessment.answers().values().stream()
                .filter(a -> a.answered() && a.evidenceJson() != null)
                .map(StoredAnswer::questionId).sorted().toList();
    }

    /**
     * The scorecard of a submitted assessment's answers (unchanged) with the evidence of {@code evidenceChecked}
     * accepted, as JSON: the first scorecard when that set is empty.
     */
    public String scorecardJson(Read read, java.util.Set<String> evidenceChecked) {
        Assessment a = read.assessment();
        return json.writeValueAsString(read.form().scorecard(inputs(a), a.industry(), a.sizeBand(), a.year(), evidenceChecked));
    }

    /** One submitted assessment with its form, for the evidence review (an admin's read: no caller check). */
    public Mono<Read> submittedForReview(String id) {
        if (id == null || !ASSESSMENT_ID.matcher(id).matches()) {
            return Mono.empty();
        }
        return store.find(id).filter(a -> !a.isDraft()).flatMap(this::withForm);
    }

    /** The form of an assessment's own questionnaire version. */
    public Mono<Read> read(Assessment assessment) {
        return withForm(assessment);
    }

    private Map<String, AnswerInput> inputs(Assessment assessment) {
        Map<String, AnswerInput> inputs = new LinkedHashMap<>();
        assessment.answers().forEach((questionId, answer) -> {
            if (answer.answered()) {
                inputs.put(questionId, input(answer));
            }
        });
        return inputs;
    }

    /** The stored answer as the domain sees it. */
    public AnswerInput input(StoredAnswer answer) {
        return new AnswerInput(answer.valueJson() == null ? null : json.readTree(answer.valueJson()), answer.unit(),
                answer.notApplicable(), answer.reason(), answer.evidenceJson() == null ? null : json.readTree(answer.evidenceJson()));
    }

    /** A stored answer as the API shows it (also inside a conflict problem). */
    public Map<String, Object> describe(StoredAnswer answer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("questionId", answer.questionId());
        view.put("value", answer.valueJson() == null ? null : json.readTree(answer.valueJson()));
        view.put("unit", answer.unit());
        view.put("notApplicable", answer.notApplicable());
        view.put("reason", answer.reason());
        view.put("evidence", answer.evidenceJson() == null ? null : json.readTree(answer.evidenceJson()));
        view.put("revision", answer.revision());
        view.put("cleared", answer.cleared());
        view.put("updatedAt", answer.updatedAt().toString());
        return view;
    }

    private Mono<StoredAnswer> whyNotSaved(String id, String questionId) {
        return store.find(id).flatMap(now -> {
            if (!now.isDraft()) {
                return Mono.error(submitted(id));
            }
            StoredAnswer current = now.answers().get(questionId);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("currentRevision", current == null ? 0 : current.revision());
            properties.put("currentAnswer", current == null ? null : describe(current));
            return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "answer-conflict", "Conflict",
                    "The answer to " + questionId + " was changed elsewhere since the revision you started from; nothing was "
                            + "overwritten. The stored answer is in currentAnswer.", properties));
        });
    }

    private Mono<Read> changeable(Caller caller, String id) {
        return visible(caller, id).flatMap(assessment -> {
            requireAnswerer(caller);
            if (!caller.isMemberOf(assessment.companyId())) {
                // an admin sees every assessment but answers none: only the company's own people do
                return Mono.error(ApiProblem.forbidden("Only members of the company answer its assessment."));
            }
            if (!assessment.isDraft()) {
                return Mono.error(submitted(id));
            }
            return withForm(assessment);
        });
    }

    private Mono<Assessment> visible(Caller caller, String id) {
        if (id == null || !ASSESSMENT_ID.matcher(id).matches()) {
            return Mono.error(ApiProblem.notFound("Assessment", shorten(id)));
        }
        return store.find(id)
                .filter(a -> caller.isMemberOf(a.companyId()) || caller.isAdmin())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Assessment", id)));
    }

    private Mono<Read> withForm(Assessment assessment) {
        return catalogue.form(assessment.questionnaireKey(), assessment.questionnaireVersion())
                .map(form -> new Read(assessment, form))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("questionnaire " + assessment.questionnaireKey() + ":"
                        + assessment.questionnaireVersion() + " of " + assessment.id() + " is missing")));
    }

    private static Form.Question questionOf(Read read, String questionId) {
        Form.Question question = questionId != null && QUESTION_ID.matcher(questionId).matches()
                ? read.form().question(questionId) : null;
        if (question == null) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-question", "Not found", "Questionnaire "
                    + read.form().key() + " version " + read.form().version() + " has no question '" + shorten(questionId) + "'.");
        }
        boolean applies = read.form().applicable(read.assessment().industry(), read.assessment().sizeBand()).stream()
                .anyMatch(q -> q.id().equals(question.id()));
        if (!applies) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "question-not-applicable", "Unprocessable request",
                    "Question " + question.id() + " does not apply to this company's industry and size.");
        }
        return question;
    }

    private static void requireAnswerer(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_SME)) {
            throw ApiProblem.forbidden("Only a company's SME accounts start and answer its assessment.");
        }
    }

    private static ApiProblem submitted(String id) {
        return ApiProblem.conflict("assessment-submitted", "Assessment '" + id + "' is submitted: its answers can no longer change.");
    }

    /**
     * Text anywhere inside a JSON value (an answer's text, a choice code, an evidence link) follows the marketplace's
     * free-text rules: no control characters, bidirectional overrides, noncharacters or lone surrogates.
     */
    private static void refuseOddText(String field, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            String why = TextRules.violation(node.asString(), TextRules.Kind.FREE);
            if (why != null) {
                throw ApiProblem.invalidField(field, why);
            }
        }
        for (JsonNode child : node) {
            refuseOddText(field, child);
        }
        if (node.isObject()) {
            node.propertyNames().forEach(name -> {
                String why = TextRules.violation(name, TextRules.Kind.PLAIN);
                if (why != null) {
                    throw ApiProblem.invalidField(field, why);
                }
            });
        }
    }

    private String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : json.writeValueAsString(node);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** An id as it may be echoed in a message: short, and only when it is plain. */
    private static String shorten(String id) {
        if (id == null) {
            return "";
        }
        String plain = id.length() > 60 ? id.substring(0, 60) + "…" : id;
        return plain.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? plain : "(not a valid id)";
    }
}
