package hk.esgone.assessment.answering;

import java.time.Instant;

/**
 * One answer as stored. The value is kept as the JSON the user sent (a number, a choice, a list, a text), so that
 * it is read back exactly; {@code cleared} marks an answer that was removed, which keeps its revision so that a tab
 * holding an older revision cannot bring it back unnoticed.
 *
 * @param revision  1 for the first save of this question, then one more for each save or clear
 * @param valueJson the answer's value as JSON text, or null when not applicable or cleared
 * @param evidenceJson links or file references as JSON text (data only), or null
 */
public record StoredAnswer(String questionId, String valueJson, String unit, boolean notApplicable, String reason,
        String evidenceJson, long revision, boolean cleared, Instant updatedAt, String updatedBy) {

    /** An answer that counts: saved and not cleared. */
    public boolean answered() {
        return !cleared;
    }
}
