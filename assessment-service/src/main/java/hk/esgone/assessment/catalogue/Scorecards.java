package hk.esgone.assessment.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import hk.esgone.assessment.carbon.CarbonCalculator;
import hk.esgone.assessment.carbon.EmissionFactors;
import hk.esgone.assessment.carbon.EmissionFactorsLoader;
import hk.esgone.assessment.questionnaire.Answer;
import hk.esgone.assessment.questionnaire.Questionnaire;
import hk.esgone.assessment.questionnaire.SizeBand;
import hk.esgone.assessment.scoring.Scorer;
import hk.esgone.assessment.scoring.ScoringInput;
import hk.esgone.assessment.scoring.ScoringRules;

/** The scorecard and carbon footprint of a complete set of answers, from the domain's scorer and carbon calculator. */
@Component
class Scorecards {

    /** The emission factors footprints are computed with; the set's key is part of every footprint. */
    private final EmissionFactors factors = EmissionFactorsLoader.shipped();

    /** The scoring rules shipped for a questionnaire version ({@code scoring/<key>-v<version>.json}), or null. */
    static String shippedRules(Questionnaire questionnaire) {
        String resource = "scoring/" + questionnaire.key() + "-v" + questionnaire.version() + ".json";
        try (InputStream in = Scorecards.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * The scorecard with its full breakdown. Questions whose points depend on checked evidence are capped, as the rules
     * say, unless they are in {@code evidenceChecked} (an admin accepted their evidence: see the evidence feature).
     */
    Object of(Questionnaire questionnaire, ScoringRules rules, Map<String, Answer> answers, String industry, SizeBand sizeBand,
            int year, Set<String> evidenceChecked) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("year", year);
        result.put("score", Scorer.score(questionnaire, rules, new ScoringInput(industry, sizeBand, answers, evidenceChecked)));
        result.put("carbon", CarbonCalculator.calculate(questionnaire, factors, answers));
        return result;
    }
}
