package hk.esgone.web.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.assessment.Assessment;
import hk.esgone.web.assessment.Assessments;
import hk.esgone.web.assessment.Entry;
import hk.esgone.web.assessment.QuestionState;
import hk.esgone.web.assessment.Questionnaire;
import hk.esgone.web.support.PageModel;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * "My ESG assessment" for SME members: the company's assessments and starting this year's, the wizard (one section
 * per step, each answer saved on its own by htmx as it changes, or the whole section with one button without
 * JavaScript), review and submit, and the results. The company is always the one in the person's token; every
 * assessment id is checked by assessment-service (another company's is its 404, shown as the 404 page).
 */
@Controller
class AssessmentPagesController {

    private static final List<String> SECTIONS = List.of("E", "S", "G");
    private static final String BASE = "/workspace/assessment";

    private final Assessments assessments;

    AssessmentPagesController(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping(BASE)
    Mono<Rendering> overview(ServerWebExchange exchange) {
        return sme(exchange).then(overviewPage(exchange, null, null, null, HttpStatus.OK));
    }

    @PostMapping(BASE + "/start")
    Mono<Rendering> start(ServerWebExchange exchange) {
        return sme(exchange).then(exchange.getFormData()).flatMap(form -> {
            String industry = form.getFirst("industry");
            String size = form.getFirst("sizeBand");
            boolean industryOk = industry != null && industry.matches("[A-U]");
            boolean sizeOk = Assessments.SIZE_BANDS.contains(size);
            if (!industryOk || !sizeOk) {
                return overviewPage(exchange, !industryOk ? "industry" : "sizeBand", industryOk ? industry : null, sizeOk ? size : null,
                        HttpStatus.BAD_REQUEST);
            }
            return assessments.start(exchange, industry, size).map(id -> Rendering.redirectTo(BASE + "/" + id).build());
        });
    }

    private Mono<Rendering> overviewPage(ServerWebExchange exchange, String problem, String industry, String size, HttpStatus status) {
        return assessments.overview(exchange).map(overview -> Rendering.view("assessment/overview")
                .modelAttribute("overview", overview)
                .modelAttribute("problem", problem)
                .modelAttribute("industry", problem != null ? industry : overview.industry())
                .modelAttribute("sizeBand", problem != null ? size : overview.sizeBand())
                .modelAttribute("sizeBands", Assessments.SIZE_BANDS)
                .status(status).build());
    }

    @GetMapping(BASE + "/{id}")
    Mono<Rendering> wizard(@PathVariable String id, @RequestParam(required = false) String section, ServerWebExchange exchange) {
        return sme(exchange).then(assessments.read(exchange, id)).map(read -> {
            if (!read.assessment().draft()) {
                return Rendering.redirectTo(BASE + "/" + read.assessment().id() + "/results").build();
            }
            String step = step(read, section);
            List<QuestionState> states = read.questionnaire().section(step).questions().stream().map(q -> read.state(q.id())).toList();
            return wizardPage(read, step, states, null, HttpStatus.OK);
        });
    }

    /** Without JavaScript: saves every changed answer of the section, then goes where the pressed button said. */
    @PostMapping(BASE + "/{id}/sections/{section}")
    Mono<Rendering> saveSection(@PathVariable String id, @PathVariable String section, ServerWebExchange exchange) {
        return sme(exchange).then(exchange.getFormData()).flatMap(form -> assessments.read(exchange, id).flatMap(read -> {
            Questionnaire.Section step = read.questionnaire().section(section);
            if (!read.assessment().draft()) {
                // submitted meanwhile (another tab): nothing can change any more; show what it earned
                return Mono.just(Rendering.redirectTo(BASE + "/" + id + "/results").build());
            }
            if (step == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            // "use the stored one" (after a conflict) leaves that answer as stored
            step.questions().forEach(q -> entries.put(q.id(),
                    "stored".equals(form.getFirst(q.id() + ".resolve")) ? null : entry(form, q.id())));
            return assessments.saveSection(exchange, read, step, entries).map(states -> {
                long saved = states.stream().filter(s -> s.outcome() == QuestionState.Outcome.SAVED
                        || s.outcome() == QuestionState.Outcome.CLEARED).count();
                long notSaved = states.stream().filter(s -> s.outcome() == QuestionState.Outcome.INVALID
                        || s.outcome() == QuestionState.Outcome.CONFLICT || s.outcome() == QuestionState.Outcome.FAILED).count();
                String go = form.getFirst("go");
                if (notSaved == 0 && "review".equals(go)) {
                    return Rendering.redirectTo(BASE + "/" + id + "/review").build();
                }
                if (notSaved == 0 && go != null && SECTIONS.contains(go) && !go.equals(section)) {
                    return Rendering.redirectTo(BASE + "/" + id + "?section=" + go).build();
                }
                Assessments.Read after = read;
                for (QuestionState s : states) {
                    if (s.stored() != null && (s.outcome() == QuestionState.Outcome.SAVED || s.outcome() == QuestionState.Outcome.CLEARED)) {
                        after = after.withAnswer(s.stored());
                    }
                }
                return wizardPage(after, section, states, new long[] {saved, notSaved},
                        notSaved == 0 ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
            });
        }));
    }

    /**
     * htmx: saves one answer and answers its status (saved / the messages / the other tab's answer) with the
     * progress counts out of band. "Use the stored one" answers the whole question with the stored answer instead.
     */
    @PostMapping(BASE + "/{id}/answers/{questionId}")
    Mono<Rendering> saveAnswer(@PathVariable String id, @PathVariable String questionId, ServerWebExchange exchange) {
        return sme(exchange).then(exchange.getFormData()).flatMap(form -> assessments.read(exchange, id).flatMap(read -> {
            Questionnaire.Question question = read.questionnaire().question(questionId);
            if (question == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
            }
            if (exchange.getRequest().getHeaders().getFirst("HX-Request") == null) {
                // a browser without htmx never posts here; send it to the question in its section
                return Mono.just(Rendering.redirectTo(BASE + "/" + id + "?section=" + question.section() + "#q-" + question.id()).build());
            }
            if ("stored".equals(form.getFirst(questionId + ".resolve"))) {
                exchange.getResponse().getHeaders().set("HX-Retarget", "#q-" + question.id());
                exchange.getResponse().getHeaders().set("HX-Reswap", "outerHTML");
                return Mono.just(Rendering.view("assessment/answer :: question")
                        .modelAttribute("state", read.state(question.id()))
                        .modelAttribute("assessmentId", read.assessment().id()).build());
            }
            Entry entry = entry(form, questionId);
            if (entry == null) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
            }
            Assessment.Answer stored = read.assessment().answer(questionId);
            Mono<QuestionState> saved = entry.sameAs(question, stored) && !"keep".equals(form.getFirst(questionId + ".resolve"))
                    // already stored as it is (a blur after the typing was saved): nothing to send
                    ? Mono.just(new QuestionState(question, stored, null,
                            stored == null ? QuestionState.Outcome.NONE : QuestionState.Outcome.SAVED, List.of(), null))
                    : assessments.save(exchange, read, question, entry)
                            // the sign-in has ended: say so beside the answer, which stays on the page to copy
                            .onErrorResume(ServiceFailure.class, e -> e.status() == HttpStatus.UNAUTHORIZED
                                    ? Mono.just(new QuestionState(question, stored, entry, QuestionState.Outcome.FAILED,
                                            List.of(new QuestionState.Problem("value", "asm.problem.signIn", null)), null))
                                    : Mono.error(e));
            return saved.map(state -> {
                Assessments.Read after = state.stored() != null && (state.outcome() == QuestionState.Outcome.SAVED
                        || state.outcome() == QuestionState.Outcome.CLEARED) ? read.withAnswer(state.stored()) : read;
                return Rendering.view("assessment/answer :: saved")
                        .modelAttribute("state", state)
                        .modelAttribute("read", after)
                        .modelAttribute("assessmentId", read.assessment().id()).build();
            });
        })).onErrorMap(e -> e instanceof ServiceFailure f && f.status() == HttpStatus.UNAUTHORIZED
                && exchange.getRequest().getHeaders().getFirst("HX-Request") != null,
                // not the redirect to sign in (htmx would put the sign-in page into the question): a 401 the page explains
                e -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    @GetMapping(BASE + "/{id}/review")
    Mono<Rendering> review(@PathVariable String id, ServerWebExchange exchange) {
        return sme(exchange).then(assessments.read(exchange, id)).map(read -> read.assessment().draft()
                ? reviewPage(read, List.of(), HttpStatus.OK)
                : Rendering.redirectTo(BASE + "/" + id + "/results").build());
    }

    @PostMapping(BASE + "/{id}/submit")
    Mono<Rendering> submit(@PathVariable String id, ServerWebExchange exchange) {
        return sme(exchange).then(assessments.submit(exchange, id)).flatMap(missing -> missing.isEmpty()
                ? Mono.just(Rendering.redirectTo(BASE + "/" + id + "/results").build())
                : assessments.read(exchange, id).map(read -> reviewPage(read, missing, HttpStatus.UNPROCESSABLE_CONTENT)));
    }

    @GetMapping(BASE + "/{id}/results")
    Mono<Rendering> results(@PathVariable String id, ServerWebExchange exchange) {
        return sme(exchange).then(assessments.results(exchange, id)).map(results -> Rendering.view("assessment/results")
                .modelAttribute("results", results)
                .modelAttribute("card", results.scorecard())
                .modelAttribute("assessmentId", id).build());
    }

    private static Rendering reviewPage(Assessments.Read read, List<Assessments.Missing> missing, HttpStatus status) {
        return Rendering.view("assessment/review")
                .modelAttribute("read", read)
                .modelAttribute("missing", missing)
                .modelAttribute("sections", SECTIONS)
                .status(status).build();
    }

    private static Rendering wizardPage(Assessments.Read read, String section, List<QuestionState> states, long[] counts,
                                        HttpStatus status) {
        Map<String, QuestionState> byId = new LinkedHashMap<>();
        states.forEach(s -> byId.put(s.id(), s));
        int at = SECTIONS.indexOf(section);
        return Rendering.view("assessment/wizard")
                .modelAttribute("read", read)
                .modelAttribute("section", read.questionnaire().section(section))
                .modelAttribute("states", byId)
                .modelAttribute("sections", SECTIONS)
                .modelAttribute("previous", at > 0 ? SECTIONS.get(at - 1) : null)
                .modelAttribute("next", at < SECTIONS.size() - 1 ? SECTIONS.get(at + 1) : null)
                .modelAttribute("savedCount", counts == null ? null : counts[0])
                .modelAttribute("notSavedCount", counts == null ? null : counts[1])
                .status(status).build();
    }

    /** The section asked for when the questionnaire has it, else the first one. */
    private static String step(Assessments.Read read, String section) {
        return section != null && SECTIONS.contains(section) && read.questionnaire().section(section) != null ? section
                : read.questionnaire().sections().isEmpty() ? "E" : read.questionnaire().sections().getFirst().code();
    }

    /**
     * One question's fields of the form: {@code <id>.answer} (repeated for ticked boxes), {@code .na}, {@code .reason}, {@code .rev};
     * null when the form does not have the question (no {@code .rev}, which every drawn question has): a form that leaves a
     * question out leaves its answer alone rather than clearing it.
     */
    static Entry entry(MultiValueMap<String, String> form, String questionId) {
        if (!form.containsKey(questionId + ".rev")) {
            return null;
        }
        List<String> values = new ArrayList<>(form.getOrDefault(questionId + ".answer", List.of()));
        long revision;
        try {
            revision = Math.max(0, Long.parseLong(String.valueOf(form.getFirst(questionId + ".rev")).strip()));
        } catch (NumberFormatException e) {
            revision = 0;
        }
        return new Entry(values, "true".equals(form.getFirst(questionId + ".na")), form.getFirst(questionId + ".reason"), revision);
    }

    /** These pages are for SME members: anyone else gets the 403 page (the service would refuse them too). */
    private static Mono<Void> sme(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(p -> PageModel.account((OAuth2AuthenticationToken) p))
                .filter(account -> account.has("sme"))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .then();
    }
}
