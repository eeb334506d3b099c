package hk.esgone.assessment.catalogue;

import java.util.List;
import java.util.Map;

/**
 * One published questionnaire version, as the answering API uses it: which questions apply to a company, whether
 * an answer is acceptable, and the scorecard of a complete set of answers. Backed by the domain's questionnaire
 * model, loader, answer checks, scorer and carbon calculator.
 */
public interface Form {

    String key();

    int version();

    /** The scoring rules of this version, as JSON (stored with the version, so it is scored the same way for good). */
    String scoringJson();

    /** The section codes, in order (E, S, G). */
    List<String> sectionCodes();

    /** The questions that apply to a company of this industry (HSIC section) and size band, in order. */
    List<Question> applicable(String industry, String sizeBand);

    /** The question with this id, or null when this version has none. */
    Question question(String questionId);

    /** What is wrong with {@code answer} to {@code questionId}; empty when it may be stored. */
    List<AnswerProblem> check(String questionId, AnswerInput answer);

    /** The questionnaire as published, both languages, narrowed to a company when industry and size band are given. */
    Object describe(String industry, String sizeBand);

    /**
     * The scorecard (pillar scores, overall, level, breakdown) and the carbon footprint of a complete set of answers,
     * as a value that serialises to JSON.
     */
    default Object scorecard(Map<String, AnswerInput> answers, String industry, String sizeBand, int year) {
        return scorecard(answers, industry, sizeBand, year, java.util.Set.of());
    }

    /**
     * The same, with the questions whose evidence an admin accepted ({@code evidenceChecked}): their evidence cap is
     * lifted while that evidence is still attached.
     */
    Object scorecard(Map<String, AnswerInput> answers, String industry, String sizeBand, int year,
            java.util.Set<String> evidenceChecked);

    /** The title of the topic a question belongs to ({@code en}, {@code zhHant}), or null when this version has no such question. */
    Map<String, String> topicTitle(String questionId);

    /** Whether an industry code and a size band are ones this questionnaire knows. */
    boolean knowsIndustry(String industry);

    boolean knowsSizeBand(String sizeBand);

    /**
     * A question: its id, its section, its text in both languages ({@code en}, {@code zhHant}), its type
     * ({@code YES_NO}, {@code SINGLE_CHOICE}, {@code MULTIPLE_CHOICE}, {@code PERCENTAGE}, {@code NUMBER}, {@code TEXT}),
     * the unit a number is given in (else null) and the codes of its choices (else empty).
     */
    record Question(String id, String sectionCode, Map<String, String> text, String type, String unit, List<String> choices) {
    }
}
