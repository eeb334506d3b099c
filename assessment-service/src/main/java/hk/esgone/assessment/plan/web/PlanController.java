package hk.esgone.assessment.plan.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.plan.ImprovementPlan;
import hk.esgone.assessment.plan.PartnerLookups.Lookup;
import hk.esgone.assessment.plan.PlanService;
import hk.esgone.assessment.support.Bilingual;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** The improvement plan of a submitted assessment. */
@RestController
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    /** AVAILABLE with up to 3 items, or UNAVAILABLE when the other service could not answer in time. */
    record Found<T>(String status, List<T> items) {

        static <T> Found<T> of(Lookup<T> lookup) {
            return lookup == null ? null : new Found<>(lookup.available() ? "AVAILABLE" : "UNAVAILABLE", lookup.items());
        }
    }

    /**
     * @param providers null when the topic has no green-solution category (most social and governance topics)
     * @param offers    null when no offer category helps with the topic
     */
    record TopicView(String topic, Bilingual title, String pillar, BigDecimal score, Bilingual recommendation,
            List<ImprovementPlan.Step> steps, String solutionCategory, Found<?> providers, String offerCategory, Found<?> offers) {
    }

    record PlanView(String assessmentId, String companyId, int year, BigDecimal weakTopicBelow, List<TopicView> topics) {
    }

    @GetMapping(path = "/api/v1/assessments/{id}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PlanView> plan(@PathVariable String id) {
        return Callers.required().flatMap(caller -> plans.plan(caller, id)).map(plan -> new PlanView(plan.assessment().id(),
                plan.assessment().companyId(), plan.assessment().year(), plan.weakTopicBelow(), plan.topics().stream()
                        .map(advice -> {
                            ImprovementPlan.WeakTopic t = advice.topic();
                            return new TopicView(t.topic(), t.title(), t.pillar(), t.score(), t.recommendation(), t.steps(),
                                    t.solutionCategory(), Found.of(advice.providers()), t.offerCategory(), Found.of(advice.offers()));
                        }).toList()));
    }
}
