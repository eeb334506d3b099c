package hk.esgone.assessment.plan;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.plan.PartnerLookups.Lookup;
import hk.esgone.assessment.plan.PartnerLookups.Offer;
import hk.esgone.assessment.plan.PartnerLookups.Provider;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The improvement plan of a submitted assessment: gap (weak topic and the questions that lost points) → solution
 * (service providers of the topic's green-solution category, from directory-service) → offer (live partner offers of
 * the topic's offer category, from offers-service). Who may read it: as the scorecard (members of the company,
 * admins; anyone else gets 404). The two lookups run in parallel, each category once, each bounded in time; a
 * service that cannot answer leaves its part marked unavailable.
 */
@Service
public class PlanService {

    private final AssessmentService assessments;
    private final PlanBook book;
    private final PartnerLookups lookups;

    PlanService(AssessmentService assessments, PlanBook book, PartnerLookups lookups) {
        this.assessments = assessments;
        this.book = book;
        this.lookups = lookups;
    }

    /** A weak topic with what helps; providers or offers are null when the topic has no such category. */
    public record TopicAdvice(ImprovementPlan.WeakTopic topic, Lookup<Provider> providers, Lookup<Offer> offers) {
    }

    public record Plan(Assessment assessment, BigDecimal weakTopicBelow, List<TopicAdvice> topics) {
    }

    public Mono<Plan> plan(Caller caller, String id) {
        return assessments.get(caller, id).flatMap(read -> {
            Assessment assessment = read.assessment();
            if (assessment.isDraft() || assessment.scorecardJson() == null) {
                return Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "plan-not-ready", "Not found",
                        "Assessment '" + id + "' is a draft: its improvement plan exists once it is submitted."));
            }
            if (!book.data().questionnaireKey().equals(assessment.questionnaireKey())) {
                return Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "plan-not-available", "Not found",
                        "There is no improvement-plan data for questionnaire '" + assessment.questionnaireKey() + "'."));
            }
            ImprovementPlan plan = PlanBuilder.build(book.questionnaire(), book.data(), assessments.scorecardOf(assessment));
            Set<String> solutions = new LinkedHashSet<>();
            Set<String> offerCategories = new LinkedHashSet<>();
            plan.topics().forEach(t -> {
                if (t.solutionCategory() != null) {
                    solutions.add(t.solutionCategory());
                }
                if (t.offerCategory() != null) {
                    offerCategories.add(t.offerCategory());
                }
            });
            Mono<Map<String, Lookup<Provider>>> providers = Flux.fromIterable(solutions)
                    .flatMap(c -> lookups.providers(c).map(l -> Map.entry(c, l)))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
            Mono<Map<String, Lookup<Offer>>> offers = Flux.fromIterable(offerCategories)
                    .flatMap(c -> lookups.offers(c).map(l -> Map.entry(c, l)))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
            return Mono.zip(providers, offers).map(found -> new Plan(assessment, plan.weakTopicBelow(), plan.topics().stream()
                    .map(t -> new TopicAdvice(t,
                            t.solutionCategory() == null ? null : Objects.requireNonNull(found.getT1().get(t.solutionCategory())),
                            t.offerCategory() == null ? null : Objects.requireNonNull(found.getT2().get(t.offerCategory()))))
                    .toList()));
        });
    }
}
