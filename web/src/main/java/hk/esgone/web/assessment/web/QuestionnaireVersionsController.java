package hk.esgone.web.assessment.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.assessment.Assessments;
import reactor.core.publisher.Mono;

/**
 * Platform staff's list of published questionnaire versions, read-only (publishing stays an API task). The portal does
 * not decide who may see it: assessment-service answers admins only, and its 403 is the 403 page.
 */
@Controller
class QuestionnaireVersionsController {

    private final Assessments assessments;

    QuestionnaireVersionsController(Assessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/workspace/admin/questionnaires")
    Mono<Rendering> versions(ServerWebExchange exchange) {
        return assessments.versions(exchange).map(versions -> Rendering.view("assessment/questionnaires")
                .modelAttribute("versions", versions).build());
    }
}
