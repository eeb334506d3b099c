package hk.esgone.assessment.answering.web;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.web.AssessmentRequests.AnswerRequest;
import hk.esgone.assessment.answering.web.AssessmentRequests.StartRequest;
import hk.esgone.assessment.answering.web.AssessmentViews.AssessmentList;
import hk.esgone.assessment.answering.web.AssessmentViews.AssessmentView;
import hk.esgone.assessment.answering.web.AssessmentViews.QuestionnaireRef;
import hk.esgone.assessment.answering.web.AssessmentViews.ScorecardView;
import hk.esgone.assessment.answering.web.AssessmentViews.SubmissionView;
import hk.esgone.assessment.badges.BadgeIssuing;
import hk.esgone.assessment.catalogue.AnswerInput;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** Starting, reading, answering (one answer at a time) and submitting a company's self-assessment. */
@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentController {

    private final AssessmentService service;
    private final BadgeIssuing badges;

    AssessmentController(AssessmentService service, BadgeIssuing badges) {
        this.service = service;
        this.badges = badges;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AssessmentView>> start(@Valid @RequestBody StartRequest body) {
        return Callers.required()
                .flatMap(caller -> service.start(caller,
                        new AssessmentService.Start(body.companyId(), body.year(), body.industry(), body.sizeBand())))
                .map(read -> ResponseEntity.created(URI.create("/api/v1/assessments/" + read.assessment().id()))
                        .body(AssessmentViews.of(read, service)));
    }

    @GetMapping
    Mono<AssessmentList> list(@RequestParam String companyId) {
        return Callers.required()
                .flatMapMany(caller -> service.list(caller, companyId))
                .map(read -> AssessmentViews.of(read, service))
                .collectList().map(AssessmentList::new);
    }

    @GetMapping("/{id}")
    Mono<AssessmentView> get(@PathVariable String id) {
        return Callers.required().flatMap(caller -> service.get(caller, id).flatMap(read -> {
            AssessmentView view = AssessmentViews.of(read, service);
            return badges.state(id).map(state -> view.withBadges(AssessmentViews.BadgesView.of(state, caller.isAdmin())))
                    .defaultIfEmpty(view);
        }));
    }

    @PutMapping(path = "/{id}/answers/{questionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> saveAnswer(@PathVariable String id, @PathVariable String questionId,
            @Valid @RequestBody AnswerRequest body) {
        AnswerInput answer = new AnswerInput(body.value(), body.unit(), Boolean.TRUE.equals(body.notApplicable()), body.reason(),
                body.evidence());
        return Callers.required()
                .flatMap(caller -> service.saveAnswer(caller, id, questionId,
                        new AssessmentService.AnswerChange(answer, body.baseRevision())))
                .map(service::describe);
    }

    @DeleteMapping("/{id}/answers/{questionId}")
    Mono<Map<String, Object>> clearAnswer(@PathVariable String id, @PathVariable String questionId,
            @RequestParam long baseRevision) {
        return Callers.required().flatMap(caller -> service.clearAnswer(caller, id, questionId, baseRevision))
                .map(service::describe);
    }

    @PostMapping("/{id}/submit")
    Mono<SubmissionView> submit(@PathVariable String id) {
        return Callers.required().flatMap(caller -> service.submit(caller, id))
                .map(read -> new SubmissionView(AssessmentViews.of(read, service),
                        service.scorecardOf(read.assessment())));
    }

    @GetMapping("/{id}/scorecard")
    Mono<ScorecardView> scorecard(@PathVariable String id) {
        return Callers.required().flatMap(caller -> service.get(caller, id).flatMap(read -> service.scorecard(caller, id)
                .map(scorecard -> new ScorecardView(read.assessment().id(), read.assessment().companyId(), read.assessment().year(),
                        new QuestionnaireRef(read.assessment().questionnaireKey(), read.assessment().questionnaireVersion()),
                        read.assessment().submittedAt(), scorecard, read.assessment().scoreRevision()))));
    }

}
