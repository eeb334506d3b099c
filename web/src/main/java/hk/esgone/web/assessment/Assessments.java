package hk.esgone.web.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.text.TextRules;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.support.ServiceJson;
import hk.esgone.web.workspace.DirectoryChoices;
import hk.esgone.web.workspace.MyCompany;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The company's self-assessment through assessment-service's API with the person's own token: listing and starting
 * (the company is the one in the token, never one named in an address), reading with the questionnaire that applies,
 * saving one answer at a time on the revision the page showed, submitting, and the stored scorecard.
 * assessment-service decides who may read or change what; another company's assessment id is its 404.
 */
@Service
public class Assessments {

    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final ServiceApi.Service SERVICE = ServiceApi.Service.ASSESSMENTS;
    private static final String BASE = "/api/v1/assessments";
    /** The size bands the questionnaire knows (directory-service also has LARGE, which it does not ask about). */
    public static final List<String> SIZE_BANDS = List.of("MICRO", "SMALL", "MEDIUM");
    /** The most characters a text or reason may have (as assessment-service's answer checks). */
    static final int MAX_TEXT = 2000;

    private final ServiceApi api;
    private final DirectoryChoices choices;
    /** The questionnaire per industry and size band (at most 21 × 3 + 1 entries), read again every few minutes. */
    private final Map<String, Mono<Questionnaire>> questionnaires = new ConcurrentHashMap<>();

    public Assessments(ServiceApi api, DirectoryChoices choices) {
        this.api = api;
        this.choices = choices;
    }

    /** The listing: the company's assessments (newest first) and what the start form is prefilled with. */
    public record Overview(String company, List<Assessment.Summary> assessments, int thisYear, String industry, String sizeBand,
                           List<DirectoryChoices.Choice> industries) {

        public Assessment.Summary ofYear(int year) {
            return assessments.stream().filter(s -> s.assessment().year() == year).findFirst().orElse(null);
        }
    }

    /** An assessment with the questionnaire that applies to it and its progress counted from its answers. */
    public record Read(Assessment assessment, Questionnaire questionnaire, Assessment.Progress progress) {

        public Read withAnswer(Assessment.Answer answer) {
            Map<String, Assessment.Answer> answers = new LinkedHashMap<>(assessment.answers());
            answers.put(answer.questionId(), answer);
            Assessment changed = new Assessment(assessment.id(), assessment.year(), assessment.industry(), assessment.sizeBand(),
                    assessment.questionnaireVersion(), assessment.status(), answers, assessment.progress(), assessment.updatedAt(), assessment.submittedAt());
            return new Read(changed, questionnaire, Assessment.Progress.of(questionnaire, answers));
        }

        /** The stored answer of a question in words, in both languages; null when it has none. */
        public Bilingual answerText(String questionId) {
            Assessment.Answer answer = assessment.answer(questionId);
            Questionnaire.Question question = questionnaire.question(questionId);
            return answer == null || !answer.answered() || question == null ? null : Entry.describe(question, answer);
        }

        public QuestionState state(String questionId) {
            return QuestionState.shown(questionnaire.question(questionId), assessment.answer(questionId));
        }
    }

    /** A question the service says is still unanswered, with its text in both languages. */
    public record Missing(String questionId, String section, Bilingual text) {
    }

    /**
     * The scorecard with the questionnaire its texts come from, and the two panels loaded with it: where the company
     * stands among its peers and its improvement plan (each {@link Panel#unavailable} when it could not be loaded), with
     * the directory's names of industries and green-solution categories (codes alone when directory-service is down).
     */
    public record Results(Scorecard scorecard, Questionnaire questionnaire, Panel<Benchmark> peers, Panel<ImprovementPlan> plan,
                          DirectoryChoices.Choices names, Panel<EarnedBadges> badges, Map<String, Assessment.Answer> answers) {

        /** The stored answer of a question (its evidence and staff's review of it); null when unknown. */
        public Assessment.Answer answer(String questionId) {
            return answers == null ? null : answers.get(questionId);
        }

        /**
         * What to say about a question's evidence beside its points: {@code pending} (capped until staff check it),
         * {@code accepted}, {@code rejected} (with the note), {@code none} (capped: no evidence attached), or null.
         */
        public String evidenceState(Scorecard.QuestionScore score) {
            Assessment.Answer answer = answer(score.questionId());
            Evidence.Review review = answer == null ? null : answer.evidenceReview();
            boolean attached = answer != null && answer.evidence() != null;
            if (review != null && !"PENDING".equals(review.status())) {
                return review.status().toLowerCase(java.util.Locale.ROOT);
            }
            if (!"CAPPED".equals(score.outcome())) {
                return null;
            }
            return attached || review != null ? "pending" : "none";
        }

        public String evidenceNote(String questionId) {
            Assessment.Answer answer = answer(questionId);
            return answer == null || answer.evidenceReview() == null ? null : answer.evidenceReview().note();
        }

        public Bilingual industryName(String code) {
            return names == null || code == null ? new Bilingual(code, code) : names.label(names.industries(), code);
        }

        public Bilingual solutionName(String code) {
            return names == null || code == null ? new Bilingual(code, code) : names.label(names.solutionCategories(), code);
        }
    }

    /** A part of a page loaded from another call: its content, or unavailable ("could not be loaded just now — try again"). */
    public record Panel<T>(T content, boolean unavailable) {

        static <T> Panel<T> of(T content) {
            return new Panel<>(content, false);
        }

        static <T> Panel<T> failed() {
            return new Panel<>(null, true);
        }
    }

    /** One published questionnaire version for the admins' list; {@code questions} null when it could not be counted. */
    public record Version(String key, int version, Instant publishedAt, String publishedBy, boolean current, Integer questions) {

        public ZonedDateTime publishedAtLocal() {
            return publishedAt == null ? null : publishedAt.atZone(HONG_KONG);
        }
    }

    public static int thisYear() {
        return Year.now(HONG_KONG).getValue();
    }

    public Mono<Overview> overview(ServerWebExchange exchange) {
        return MyCompany.of(exchange).flatMap(company -> list(exchange, company)
                        .flatMap(list -> profile(exchange, company).flatMap(profile -> industries().map(industries ->
                                new Overview(company, list, thisYear(), profile[0], profile[1], industries)))))
                .switchIfEmpty(Mono.fromSupplier(() -> new Overview(null, List.of(), thisYear(), null, null, List.of())));
    }

    private Mono<List<Assessment.Summary>> list(ServerWebExchange exchange, String company) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("companyId", company);
        return api.getAsUser(exchange, SERVICE, BASE, query)
                .flatMapMany(list -> Flux.fromIterable(list.path("items")))
                .map(Assessment::of)
                .filter(a -> Assessment.validId(a.id()))
                // one after the other: the first call may refresh the person's token, the next ones use it
                .concatMap(a -> a.draft() ? Mono.just(new Assessment.Summary(a, null, null))
                        : api.getAsUser(exchange, SERVICE, BASE + "/" + a.id() + "/scorecard", null).map(Scorecard::of)
                                .map(card -> new Assessment.Summary(a, card.overall(), card.level()))
                                .onErrorResume(ServiceFailure.class, e -> Mono.just(new Assessment.Summary(a, null, null))))
                .collectList();
    }

    /** The industry (HSIC section) and size band of the company's directory profile, where it has ones the questionnaire knows. */
    private Mono<String[]> profile(ServerWebExchange exchange, String company) {
        return api.getAsUser(exchange, ServiceApi.Service.DIRECTORY, "/api/v1/directory/companies/" + company, null)
                .map(p -> {
                    String industry = p.path("industry").path("code").asString(null);
                    String size = p.path("sizeBand").path("code").asString(null);
                    return new String[] {industry != null && industry.matches("[A-U]") ? industry : null,
                            SIZE_BANDS.contains(size) ? size : null};
                })
                // a profile that cannot be read only means the person chooses both themselves
                .onErrorResume(ServiceFailure.class, e -> e.status() == HttpStatus.UNAUTHORIZED ? Mono.error(e)
                        : Mono.just(new String[2]));
    }

    /** The HSIC sections to choose from, with their names from directory-service (letters alone when it is down). */
    private Mono<List<DirectoryChoices.Choice>> industries() {
        return choices.choices().map(DirectoryChoices.Choices::industries)
                .filter(list -> !list.isEmpty())
                .onErrorResume(e -> Mono.empty())
                .switchIfEmpty(Mono.fromSupplier(() -> "ABCDEFGHIJKLMNOPQRSTU".chars()
                        .mapToObj(c -> new DirectoryChoices.Choice(String.valueOf((char) c), new Bilingual(String.valueOf((char) c), null)))
                        .toList()));
    }

    /**
     * Starts this year's assessment of the person's company; answers its id — also when one exists already for the year
     * (409 {@code assessment-exists}: that one is opened instead).
     */
    public Mono<String> start(ServerWebExchange exchange, String industry, String sizeBand) {
        return MyCompany.of(exchange)
                .switchIfEmpty(Mono.error(() -> new ServiceFailure(HttpStatus.FORBIDDEN, NullNode.getInstance(), null)))
                .flatMap(company -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("companyId", company);
                    body.put("year", thisYear());
                    body.put("industry", industry);
                    body.put("sizeBand", sizeBand);
                    return api.sendAsUser(exchange, SERVICE, "POST", BASE, body, Map.of())
                            .map(created -> created.path("id").asString(""))
                            .onErrorResume(ServiceFailure.class, e -> {
                                String existing = e.problem().path("existingId").asString("");
                                return e.status() == HttpStatus.CONFLICT && "assessment-exists".equals(e.problemType())
                                        && Assessment.validId(existing) ? Mono.just(existing) : Mono.error(e);
                            });
                })
                .filter(Assessment::validId)
                .switchIfEmpty(Mono.error(ServiceFailure::unavailable));
    }

    /** The assessment with its questionnaire; the service's 404 (unknown or another company's) passes on as it is. */
    public Mono<Read> read(ServerWebExchange exchange, String id) {
        if (!Assessment.validId(id)) {
            return Mono.error(new ServiceFailure(HttpStatus.NOT_FOUND, NullNode.getInstance(), null));
        }
        return api.getAsUser(exchange, SERVICE, BASE + "/" + id, null).map(Assessment::of)
                .flatMap(a -> questionnaire(a.industry(), a.sizeBand(), a.questionnaireVersion())
                        .map(q -> new Read(a, q, Assessment.Progress.of(q, a.answers()))));
    }

    /**
     * The questionnaire narrowed to an industry and size band (the whole one when either is unknown), in the version an
     * assessment started on: a draft keeps showing its own questions after a newer version is published ({@code version}
     * 0: the current one).
     */
    Mono<Questionnaire> questionnaire(String industry, String sizeBand, int version) {
        boolean narrowed = industry != null && industry.matches("[A-U]") && SIZE_BANDS.contains(sizeBand);
        String key = (narrowed ? industry + "/" + sizeBand : "all") + "@" + (version > 0 ? version : "current");
        return questionnaires.computeIfAbsent(key, k -> {
            MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
            if (narrowed) {
                query.add("industry", industry);
                query.add("size", sizeBand);
            }
            if (version > 0) {
                query.add("version", String.valueOf(version));
            }
            return api.get(SERVICE, BASE + "/questionnaire", query).map(Questionnaire::of)
                    .cache(q -> Duration.ofMinutes(10), error -> Duration.ZERO, () -> Duration.ZERO);
        });
    }

    /**
     * Saves one answer on the revision the person's page showed: checked here first (a number that is no number, odd
     * characters, too long), then PUT (or DELETE when emptied) to the service. A refusal becomes the state the page
     * shows beside the question, with what was typed kept.
     */
    public Mono<QuestionState> save(ServerWebExchange exchange, Read read, Questionnaire.Question question, Entry entry) {
        Assessment.Answer stored = read.assessment().answer(question.id());
        List<QuestionState.Problem> problems = new ArrayList<>();
        Object value = value(question, entry, problems);
        if (!problems.isEmpty()) {
            return Mono.just(new QuestionState(question, stored, entry, QuestionState.Outcome.INVALID, List.copyOf(problems), null));
        }
        String path = BASE + "/" + read.assessment().id() + "/answers/" + question.id();
        Mono<JsonNode> call;
        QuestionState.Outcome done;
        if (entry.blank()) {
            if (stored == null || !stored.answered()) {
                return Mono.just(QuestionState.shown(question, stored));
            }
            MultiValueMap<String, String> revision = new LinkedMultiValueMap<>();
            revision.add("baseRevision", String.valueOf(entry.baseRevision()));
            call = api.sendAsUserWithQuery(exchange, SERVICE, "DELETE", path, revision, null);
            done = QuestionState.Outcome.CLEARED;
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", entry.notApplicable() ? null : value);
            body.put("unit", question.typed("NUMBER") && !entry.notApplicable() ? question.unit() : null);
            body.put("notApplicable", entry.notApplicable());
            body.put("reason", entry.notApplicable() ? entry.reason() : null);
            if (stored != null && !stored.cleared() && stored.evidence() != null) {
                // the service stores the answer whole: without its evidence a changed value would drop the attached file
                body.put("evidence", stored.evidence().json());
            }
            body.put("baseRevision", entry.baseRevision());
            call = api.sendAsUser(exchange, SERVICE, "PUT", path, body, Map.of());
            done = QuestionState.Outcome.SAVED;
        }
        return call.map(answer -> new QuestionState(question, Assessment.Answer.of(answer), null, done, List.of(), null))
                .onErrorResume(ServiceFailure.class, e -> refused(question, stored, entry, e));
    }

    private static Mono<QuestionState> refused(Questionnaire.Question question, Assessment.Answer stored, Entry entry, ServiceFailure e) {
        if (e.status() == HttpStatus.UNAUTHORIZED || e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
            return Mono.error(e);
        }
        if (e.status() == HttpStatus.CONFLICT && "answer-conflict".equals(e.problemType())) {
            JsonNode current = e.problem().path("currentAnswer");
            Assessment.Answer theirs = current.isObject() ? Assessment.Answer.of(current)
                    : new Assessment.Answer(question.id(), null, null, false, null, e.problem().path("currentRevision").asLong(0), true, null);
            if (entry.sameAs(question, theirs)) {
                // the same answer is stored already (an earlier save of this page, or the other tab typed the same)
                return Mono.just(new QuestionState(question, theirs, null, QuestionState.Outcome.SAVED, List.of(), null));
            }
            return Mono.just(new QuestionState(question, stored, entry, QuestionState.Outcome.CONFLICT, List.of(), theirs));
        }
        List<QuestionState.Problem> problems = new ArrayList<>();
        for (JsonNode error : e.problem().path("errors")) {
            String field = error.path("field").asString("value");
            String en = error.path("message").asString(null);
            String zh = error.path("messageZhHant").asString(null);
            problems.add(new QuestionState.Problem(field.startsWith("reason") ? "reason" : "value", zh == null ? "asm.problem.service" : null,
                    zh == null ? null : new Bilingual(en, zh)));
        }
        if (e.status() == HttpStatus.CONFLICT && "assessment-submitted".equals(e.problemType())) {
            problems = List.of(QuestionState.Problem.local("value", "asm.problem.submitted"));
        } else if (problems.isEmpty()) {
            problems.add(QuestionState.Problem.local("value", e.serviceDown() ? "asm.problem.unavailable" : "asm.problem.service"));
        }
        QuestionState.Outcome outcome = e.status().is4xxClientError() && !problems.isEmpty() && e.status() != HttpStatus.CONFLICT
                ? QuestionState.Outcome.INVALID : QuestionState.Outcome.FAILED;
        return Mono.just(new QuestionState(question, stored, entry, outcome, List.copyOf(problems), null));
    }

    /** The JSON value of an entry for the question's type; adds the portal's own problems. */
    static Object value(Questionnaire.Question question, Entry entry, List<QuestionState.Problem> problems) {
        if (entry.reason() != null) {
            if (entry.reason().codePointCount(0, entry.reason().length()) > MAX_TEXT) {
                problems.add(QuestionState.Problem.local("reason", "asm.problem.tooLong"));
            } else if (TextRules.violation(entry.reason(), TextRules.Kind.FREE) != null) {
                problems.add(QuestionState.Problem.local("reason", "asm.problem.oddText"));
            }
        }
        if (entry.notApplicable()) {
            if (entry.reason() == null) {
                problems.add(QuestionState.Problem.local("reason", "asm.problem.reasonNeeded"));
            }
            return null;
        }
        List<String> values = entry.values();
        if (values.isEmpty()) {
            return null;
        }
        if (values.stream().anyMatch(v -> v.length() > MAX_TEXT * 2)) {
            problems.add(QuestionState.Problem.local("value", "asm.problem.tooLong"));
            return null;
        }
        switch (question.type()) {
            case "YES_NO" -> {
                if (!List.of("true", "false").contains(values.getFirst())) {
                    problems.add(QuestionState.Problem.local("value", "asm.problem.choose"));
                    return null;
                }
                return Boolean.parseBoolean(values.getFirst());
            }
            case "SINGLE_CHOICE", "MULTIPLE_CHOICE" -> {
                boolean known = values.stream().allMatch(v -> question.choices().stream().anyMatch(c -> c.code().equals(v)));
                if (!known || (question.typed("SINGLE_CHOICE") && values.size() > 1)) {
                    problems.add(QuestionState.Problem.local("value", "asm.problem.choose"));
                    return null;
                }
                return question.typed("SINGLE_CHOICE") ? values.getFirst() : values.stream().distinct().toList();
            }
            case "NUMBER", "PERCENTAGE" -> {
                var number = Entry.number(values.getFirst());
                if (number == null) {
                    problems.add(QuestionState.Problem.local("value", "asm.problem.number"));
                }
                return number;
            }
            default -> {
                String text = values.getFirst();
                if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                    problems.add(QuestionState.Problem.local("value", "asm.problem.tooLong"));
                } else if (TextRules.violation(text, TextRules.Kind.FREE) != null) {
                    problems.add(QuestionState.Problem.local("value", "asm.problem.oddText"));
                }
                return text;
            }
        }
    }

    /**
     * Saves every answer of a section that differs from the stored one (the page without JavaScript sends the whole
     * section), one after the other; answers the state of every question of the section.
     */
    public Mono<List<QuestionState>> saveSection(ServerWebExchange exchange, Read read, Questionnaire.Section section,
                                                 Map<String, Entry> entries) {
        return Flux.fromIterable(section.questions())
                .concatMap(q -> {
                    Entry entry = entries.get(q.id());
                    Assessment.Answer stored = read.assessment().answer(q.id());
                    if (entry == null || entry.sameAs(q, stored)) {
                        return Mono.just(QuestionState.shown(q, stored));
                    }
                    return save(exchange, read, q, entry);
                })
                .collectList();
    }

    /** Submits: empty when it went through, else the questions still to answer (422 {@code assessment-incomplete}). */
    public Mono<List<Missing>> submit(ServerWebExchange exchange, String id) {
        if (!Assessment.validId(id)) {
            return Mono.error(new ServiceFailure(HttpStatus.NOT_FOUND, NullNode.getInstance(), null));
        }
        return api.sendAsUser(exchange, SERVICE, "POST", BASE + "/" + id + "/submit", null, Map.of())
                .map(done -> List.<Missing>of())
                .onErrorResume(ServiceFailure.class, e -> {
                    if (e.status() != HttpStatus.UNPROCESSABLE_CONTENT || !"assessment-incomplete".equals(e.problemType())) {
                        return Mono.error(e);
                    }
                    List<Missing> missing = new ArrayList<>();
                    e.problem().path("missing").forEach(m -> missing.add(new Missing(m.path("questionId").asString(""),
                            m.path("section").asString(""), Bilingual.of(m.path("text")))));
                    // without the list there is nothing to point at: the error page ("could not be done") instead
                    return missing.isEmpty() ? Mono.error(e) : Mono.just(List.copyOf(missing));
                });
    }

    /**
     * The stored scorecard, with the whole questionnaire of the version it was scored on for question and topic texts;
     * then, in parallel and each bounded by the call timeout, the peer benchmark, the improvement plan, the directory's
     * names and the state of the badges the assessment earns. No panel can fail the page: a failure of either leaves that panel "unavailable".
     */
    public Mono<Results> results(ServerWebExchange exchange, String id) {
        if (!Assessment.validId(id)) {
            return Mono.error(new ServiceFailure(HttpStatus.NOT_FOUND, NullNode.getInstance(), null));
        }
        // the scorecard first, alone: it may refresh the person's token, which the two panels then use
        return api.getAsUser(exchange, SERVICE, BASE + "/" + id + "/scorecard", null).map(Scorecard::of)
                .flatMap(card -> {
                    Mono<Panel<Benchmark>> peers = panel(api.getAsUser(exchange, SERVICE, BASE + "/" + id + "/benchmark", null)
                            .map(Benchmark::of));
                    Mono<Panel<ImprovementPlan>> plan = panel(api.getAsUser(exchange, SERVICE, BASE + "/" + id + "/plan", null)
                            .map(ImprovementPlan::of));
                    Mono<Optional<DirectoryChoices.Choices>> names = choices.choices().map(Optional::of)
                            .timeout(PANEL_TIMEOUT).onErrorResume(e -> Mono.just(Optional.empty()));
                    // one read of the assessment for two parts: the badges it earns and its answers' evidence reviews
                    Mono<JsonNode> own = api.getAsUser(exchange, SERVICE, BASE + "/" + id, null).cache();
                    Mono<Panel<EarnedBadges>> badges = panel(own.map(EarnedBadges::of));
                    Mono<Map<String, Assessment.Answer>> answers = own.map(a -> Assessment.of(a).answers())
                            .timeout(PANEL_TIMEOUT).onErrorResume(e -> Mono.just(Map.of()));
                    return Mono.zip(questionnaire(null, null, card.questionnaireVersion()), peers, plan, names, badges, answers)
                            .map(all -> new Results(card, all.getT1(), all.getT2(), all.getT3(), all.getT4().orElse(null),
                                    all.getT5(), all.getT6()));
                });
    }

    /** The longest a results panel or the names may take on top of the page's own calls. */
    static final Duration PANEL_TIMEOUT = Duration.ofSeconds(6);

    private static <T> Mono<Panel<T>> panel(Mono<T> call) {
        return call.map(Panel::of)
                .timeout(PANEL_TIMEOUT)
                // any failure (down, slow, not ready, nonsense): the panel says "try again", the page still shows
                .onErrorResume(e -> Mono.just(Panel.failed()));
    }

    /**
     * The public industry insight for an HSIC section, optionally a size band and a reporting year; the service's 400
     * (a parameter it does not know) passes on as a {@link ServiceFailure}.
     */
    public Mono<Insights> insights(String industry, String sizeBand, Integer year) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("industry", industry);
        if (sizeBand != null) {
            query.add("size", sizeBand);
        }
        if (year != null) {
            query.add("year", String.valueOf(year));
        }
        return api.get(SERVICE, BASE + "/insights", query).map(Insights::of);
    }

    /** The HSIC sections with their names, for the insight page's choice. */
    public Mono<List<DirectoryChoices.Choice>> industryChoices() {
        return industries();
    }

    /**
     * The published questionnaire versions (admins only: the service's 403 passes on), each with its number of questions
     * counted from that version as published (the current key's versions; a version that cannot be read shows none).
     */
    public Mono<List<Version>> versions(ServerWebExchange exchange) {
        return api.getAsUser(exchange, SERVICE, BASE + "/questionnaires", null)
                .flatMapMany(list -> {
                    String currentKey = list.path("items").valueStream().filter(v -> v.path("current").asBoolean(false))
                            .map(v -> v.path("key").asString("")).findFirst().orElse(null);
                    return Flux.fromIterable(list.path("items")).concatMap(v -> {
                        String key = v.path("key").asString("");
                        int version = v.path("version").asInt(0);
                        // the public read knows the current key's versions only; other keys' counts stay unknown
                        Mono<Optional<Integer>> count = key.equals(currentKey) && version > 0
                                ? questionnaire(null, null, version)
                                        .map(q -> Optional.of(q.sections().stream().mapToInt(s -> s.questions().size()).sum()))
                                        .onErrorResume(ServiceFailure.class, e -> Mono.just(Optional.empty()))
                                : Mono.just(Optional.empty());
                        return count.map(n -> new Version(key, version, ServiceJson.instant(v.path("publishedAt")),
                                v.path("publishedBy").asString(null), v.path("current").asBoolean(false), n.orElse(null)));
                    });
                })
                .collectList();
    }
}
