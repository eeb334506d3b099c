package hk.esgone.assessment.scoring;

import java.util.Map;
import java.util.Set;

import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.SizeBand;

/**
 * What the scorer needs about a company's assessment.
 *
 * @param industrySection HSIC section letter; picks the questions and the pillar-weight row; nullable
 * @param sizeBand picks the questions; nullable
 * @param answers by question id
 * @param evidenceChecked ids of the questions whose current evidence an admin has checked; the service must drop an
 *     id when the evidence changes
 */
public record ScoringInput(
        String industrySection, SizeBand sizeBand, Map<String, Answer> answers, Set<String> evidenceChecked) {

    public ScoringInput {
        answers = Map.copyOf(answers);
        evidenceChecked = Set.copyOf(evidenceChecked);
    }
}
