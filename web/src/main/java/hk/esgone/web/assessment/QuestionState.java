package hk.esgone.web.assessment;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import hk.esgone.web.support.Bilingual;

/**
 * One question as the wizard draws it: the question, its stored answer, what the person typed when that could not be
 * saved (so nothing typed is lost), and the outcome of the last save.
 *
 * @param typed    what the person sent, shown instead of the stored answer when it was not saved; null otherwise
 * @param conflict the answer another tab stored meanwhile (409), for "keep mine" / "use the stored one"
 */
public record QuestionState(Questionnaire.Question question, Assessment.Answer stored, Entry typed, Outcome outcome,
                            List<Problem> problems, Assessment.Answer conflict) {

    public enum Outcome {
        /** Nothing happened to it (just shown). */
        NONE,
        SAVED,
        CLEARED,
        /** Refused by the portal's or the service's answer checks: the messages go beside the field. */
        INVALID,
        /** Another tab saved it first; nothing was overwritten. */
        CONFLICT,
        /** The service could not be reached or refused for another reason; the typed answer is kept on the page. */
        FAILED
    }

    /**
     * A message about one field ({@code value}, {@code reason}, …): a key of the portal's bundle, or the service's
     * text in both languages.
     */
    public record Problem(String field, String key, Bilingual text) {

        static Problem local(String field, String key) {
            return new Problem(field, key, null);
        }
    }

    static QuestionState shown(Questionnaire.Question question, Assessment.Answer stored) {
        return new QuestionState(question, stored, null, Outcome.NONE, List.of(), null);
    }

    public String id() {
        return question.id();
    }

    /** The values the inputs show: what was typed when it was not saved, else the stored answer. */
    public List<String> values() {
        if (typed != null) {
            return typed.values();
        }
        return stored == null ? List.of() : stored.fieldValues();
    }

    public String value() {
        List<String> values = values();
        return values.isEmpty() ? "" : values.getFirst();
    }

    public boolean chosen(String code) {
        return values().contains(code);
    }

    public boolean notApplicable() {
        return typed != null ? typed.notApplicable() : stored != null && !stored.cleared() && stored.notApplicable();
    }

    public String reason() {
        if (typed != null) {
            return typed.reason() == null ? "" : typed.reason();
        }
        return stored == null || stored.cleared() || stored.reason() == null ? "" : stored.reason();
    }

    /** The revision the next save starts from: after a conflict the stored one (so "keep mine" overwrites knowingly). */
    public long revision() {
        if (conflict != null) {
            return conflict.revision();
        }
        if (typed != null && outcome != Outcome.SAVED && outcome != Outcome.CLEARED) {
            return typed.baseRevision();
        }
        return stored == null ? 0 : stored.revision();
    }

    public boolean answered() {
        return stored != null && stored.answered();
    }

    public boolean problemWith(String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    /** When it was saved, in Hong Kong time. */
    public ZonedDateTime savedAt() {
        Instant at = stored == null || stored.updatedAt() == null ? Instant.now() : stored.updatedAt();
        return at.atZone(Assessments.HONG_KONG);
    }

    /** The conflicting stored answer in words (choice labels, number with unit, "not applicable"). */
    public Bilingual conflictText() {
        return conflict == null ? null : Entry.describe(question, conflict);
    }
}
