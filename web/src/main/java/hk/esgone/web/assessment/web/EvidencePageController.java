package hk.esgone.web.assessment.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.assessment.AnswerEvidence;
import hk.esgone.web.assessment.Assessments;
import hk.esgone.web.assessment.Evidence;
import hk.esgone.web.assessment.Questionnaire;
import hk.esgone.web.support.PageModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence on one answer of the company's draft: the page with what is attached, an upload form (a file of up to 5 MB,
 * multipart) and a link form, and removing; each change goes to assessment-service with the person's token and then
 * back to the question in the wizard, or its refusal is explained on the same page. A submitted assessment shows its
 * evidence read-only with staff's review. Files download through the portal with the person's token.
 */
@Controller
class EvidencePageController {

    private static final String BASE = "/workspace/assessment";

    private final Assessments assessments;
    private final AnswerEvidence evidence;

    EvidencePageController(Assessments assessments, AnswerEvidence evidence) {
        this.assessments = assessments;
        this.evidence = evidence;
    }

    @GetMapping(BASE + "/{id}/evidence/{questionId}")
    Mono<Rendering> page(@PathVariable String id, @PathVariable String questionId, ServerWebExchange exchange) {
        return sme(exchange).then(assessments.read(exchange, id))
                .map(read -> page(read, question(read, questionId), null, HttpStatus.OK));
    }

    @PostMapping(BASE + "/{id}/evidence/{questionId}")
    Mono<Rendering> change(@PathVariable String id, @PathVariable String questionId, ServerWebExchange exchange) {
        return sme(exchange).then(fields(exchange)).flatMap(form -> assessments.read(exchange, id).flatMap(read -> {
            Questionnaire.Question question = question(read, questionId);
            if (!read.assessment().draft()) {
                // submitted meanwhile (another tab): the evidence can no longer change
                return Mono.just(page(read, question, AnswerEvidence.Outcome.refused("submitted", HttpStatus.CONFLICT), HttpStatus.CONFLICT));
            }
            String action = text(form.getFirst("action"));
            Mono<AnswerEvidence.Outcome> done = switch (action == null ? "" : action) {
                case "upload" -> evidence.upload(exchange, read, question,
                        form.getFirst("file") instanceof FilePart file ? file : null);
                case "link" -> evidence.link(exchange, read, question, text(form.getFirst("url")));
                case "remove" -> evidence.remove(exchange, read, question);
                default -> Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST));
            };
            return done.map(outcome -> outcome.ok()
                    ? Rendering.redirectTo(BASE + "/" + read.assessment().id() + "?section=" + question.section() + "#q-" + question.id()).build()
                    : page(read, question, outcome, outcome.status()));
        }));
    }

    /** The file, streamed from the service with the person's token; unknown or another company's: the 404 page. */
    @GetMapping(BASE + "/{id}/evidence/file/{sha256}")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@PathVariable String id, @PathVariable String sha256, ServerWebExchange exchange) {
        return sme(exchange).then(evidence.file(exchange, id, sha256));
    }

    private static Rendering page(Assessments.Read read, Questionnaire.Question question, AnswerEvidence.Outcome outcome, HttpStatus status) {
        var stored = read.assessment().answer(question.id());
        boolean answered = stored != null && stored.answered();
        return Rendering.view("assessment/evidence")
                .modelAttribute("read", read)
                .modelAttribute("question", question)
                .modelAttribute("state", read.state(question.id()))
                .modelAttribute("evidence", answered ? stored.evidence() : null)
                .modelAttribute("review", answered ? stored.evidenceReview() : null)
                .modelAttribute("answered", answered)
                .modelAttribute("outcome", outcome)
                .modelAttribute("accept", Evidence.ACCEPT)
                .status(status).build();
    }

    /** The question, when the assessment's questionnaire has it and it takes evidence; otherwise the 404 page. */
    private static Questionnaire.Question question(Assessments.Read read, String questionId) {
        Questionnaire.Question question = read.questionnaire().question(questionId);
        if (question == null || !question.evidenceAllowed()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return question;
    }

    /** The form's fields, sent as multipart (the upload form, whose file stays a part) or url-encoded. */
    private static Mono<MultiValueMap<String, Object>> fields(ServerWebExchange exchange) {
        return Mono.zip(exchange.getMultipartData(), exchange.getFormData()).map(both -> {
            MultiValueMap<String, Object> fields = new LinkedMultiValueMap<>();
            both.getT1().forEach((name, parts) -> parts.forEach(part -> fields.add(name, part instanceof FormFieldPart field ? field.value()
                    : part instanceof FilePart file && !file.filename().isEmpty() ? file : null)));
            both.getT2().forEach((name, values) -> values.forEach(value -> fields.add(name, value)));
            return fields;
        });
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    /** For SME members (the service would refuse anyone else too). */
    private static Mono<Void> sme(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .map(p -> PageModel.account((OAuth2AuthenticationToken) p))
                .filter(account -> account.has("sme"))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .then();
    }
}
