package hk.esgone.assessment.catalogue;

import java.util.Map;

import org.springframework.stereotype.Component;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.SizeBand;
import hk.esgone.platform.problem.ApiProblem;

/** The scorecard and carbon footprint of a complete set of answers, from the domain's scorer and carbon calculator. */
@Component
class Scorecards {

    Object of(Questionnaire questionnaire, Map<String, Answer> answers, String industry, SizeBand sizeBand, int year) {
        // the scoring engine and the carbon calculator are not merged yet: nothing is submitted without them
        throw ApiProblem.unavailable("scoring-unavailable", "Scoring is not available yet; your answers are kept. Try again later.",
                60);
    }
}
