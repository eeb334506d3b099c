package hk.esgone.assessment.questionnaire;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import hk.esgone.assessment.support.Bilingual;

/**
 * One question.
 *
 * @param unit for NUMBER only (kWh, m3, kg, litres, towngas-units, tCO2e, headcount, hours, HKD), else null
 * @param period for NUMBER only ("year"), else null
 * @param example nullable
 * @param industries HSIC section letters the question applies to; empty means every industry
 * @param sizeBands size bands the question applies to; empty means every size
 * @param carbon what the answer feeds into the carbon footprint; nullable
 */
public record Question(
        String id,
        QuestionType type,
        Bilingual text,
        Bilingual help,
        Bilingual example,
        String unit,
        String period,
        List<Choice> choices,
        Set<String> industries,
        Set<SizeBand> sizeBands,
        boolean evidenceAllowed,
        CarbonInput carbon) {

    public Question {
        choices = List.copyOf(choices);
        industries = Set.copyOf(industries);
        sizeBands = Set.copyOf(sizeBands);
    }

    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * Whether a company sees this question. An unknown industry or size (null) only sees the questions meant for
     * everybody, so nobody is asked about, say, construction green cards by mistake.
     */
    public boolean appliesTo(String industrySection, SizeBand sizeBand) {
        boolean industryFits = industries.isEmpty() || (industrySection != null && industries.contains(industrySection));
        boolean sizeFits = sizeBands.isEmpty() || (sizeBand != null && sizeBands.contains(sizeBand));
        return industryFits && sizeFits;
    }
}
